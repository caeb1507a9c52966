package org.practicefinder.recommend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Section;
import org.practicefinder.search.Homoglyphs;
import org.practicefinder.search.Lexicon;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.search.QueryFactory;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * Recommends the practices that best fit a described challenge, best first, each with the reason:
 * the best matching sentence with its matched words, the detected concepts it shares, and the
 * signals that found it. Signals are fused by a weighted mean of their scores, each scaled to 0..1
 * between its worst and best practice for the challenge. Thread-safe.
 */
public final class Recommender {
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 39;
  /** A challenge is a paragraph, not a document. */
  public static final int MAX_CHALLENGE_CHARS = 4000;

  /**
   * @param challenge free text in English, Russian or Ukrainian
   * @param filters dimension → values, as in search: only matching practices are recommended
   * @param size results wanted, 1..39
   * @param excludedConcepts concept ids the user removed from the detected ones
   * @param language language of labels in the reason
   * @param spelling true to spell words the library knows in no form as the practices spell them
   *     (the result says so); false to read the challenge exactly as typed
   */
  public record Request(String challenge, Map<String, List<String>> filters, int size,
      Set<String> excludedConcepts, Language language, boolean spelling) {
    /**
     * @throws IllegalArgumentException if the challenge is blank, too long or has control
     *     characters, or size is out of range
     */
    public Request {
      Objects.requireNonNull(challenge);
      QueryFactory.requireTypedText("challenge", challenge);
      if (challenge.isBlank()) throw new IllegalArgumentException("challenge is empty");
      if (challenge.length() > MAX_CHALLENGE_CHARS) {
        throw new IllegalArgumentException("challenge is longer than " + MAX_CHALLENGE_CHARS + " characters");
      }
      if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
      filters = Map.copyOf(filters);
      excludedConcepts = Set.copyOf(excludedConcepts);
    }

    /** A request whose unknown words are spelled as the practices spell them. */
    public Request(String challenge, Map<String, List<String>> filters, int size, Set<String> excludedConcepts, Language language) {
      this(challenge, filters, size, excludedConcepts, language, true);
    }

    public static Request of(String challenge) {
      return new Request(challenge, Map.of(), DEFAULT_SIZE, Set.of(), Language.EN);
    }
  }

  /**
   * @param id practice id
   * @param score fused score in 0..1 (a weighted mean of the signals' normalised scores)
   * @param why one line in plain text: the shared concepts with the words they were detected in, and the
   *     challenge's words the evidence sentence uses
   * @param evidence the practice's sentence that best matches the challenge
   * @param sharedConcepts detected concepts the practice is tagged with, those fewest practices have first
   * @param signals signal name → the practice's rank by that signal alone among the candidates (the
   *     practices that pass the filters; 1 = best); absent where the signal did not find it
   */
  public record Recommendation(String id, double score, String why, Optional<Evidence> evidence,
      List<Concept> sharedConcepts, Map<String, Integer> signals) {}

  /**
   * @param concepts the concepts detected in the challenge, less the excluded ones
   * @param corrected the challenge with its unknown words spelled as the practices spell them, when
   *     it had any: the recommendations were made for it
   * @param guidance the key gaps and key elements of the manual's guidance the challenge is about ({@link GuidanceMatcher})
   */
  public record Result(List<Recommendation> recommendations, List<ConceptDetector.Detected> concepts, Optional<String> corrected,
      List<GuidanceMatcher.Match> guidance) {}

  private final PracticeLibrary library;
  private final ConceptDetector detector;
  private final List<Signal> signals;
  private final Map<String, Double> weights;
  private final Embedder embedder;
  private final Explainer explainer;
  private final GuidanceMatcher guidance;
  private final Analyzer keywords = QueryAnalyzer.keywords();
  private final Lexicon lexicon;
  private final WordTranslations translations;

  Recommender(PracticeLibrary library, ConceptDetector detector, Embedder embedder, List<Signal> signals,
      Map<String, Double> weights) {
    this.library = library;
    this.detector = detector;
    this.embedder = embedder;
    this.signals = List.copyOf(signals);
    this.weights = Map.copyOf(weights);
    this.lexicon = new Lexicon(library);
    this.translations = new WordTranslations(library.records(), library.vocabulary().concepts());
    this.explainer = new Explainer(library.records(), detector, idf(library));
    this.guidance = new GuidanceMatcher(library, embedder);
  }

  /**
   * The default recommender: BM25 (plain, and expanded with the vocabulary terms of detected
   * concepts), embeddings of the practice, its sections and its sentences, and detected concepts,
   * fused with the weights of {@code fusion-weights.properties}.
   */
  public static Recommender create(PracticeLibrary library, ConceptDetector detector, Embedder embedder) {
    List<Signal> signals = new ArrayList<>();
    Signal expanded = new LexicalSignal(library, "bm25-expanded", Map.of(Fields.TEXT, 1f), true);
    Signal sentences = new SentenceSignal(library, embedder, 6);
    signals.add(new LexicalSignal(library, "bm25", Map.of(Fields.TEXT, 1f), false));
    signals.add(expanded);
    signals.add(new LexicalSignal(library, "bm25-english", Map.of(Fields.TEXT, 1f), Language.EN, true));
    signals.add(new DenseSignal(library, embedder, Fields.PRACTICE_UNIT));
    for (Section s : List.of(Section.CHALLENGE, Section.ACTION, Section.OUTCOMES)) {
      signals.add(new DenseSignal(library, embedder, s.key()));
    }
    signals.add(new SentenceSignal(library, embedder, 1));
    signals.add(new SentenceSignal(library, embedder, 3));
    signals.add(sentences);
    Signal concepts = new ConceptSignal(library);
    signals.add(concepts);
    signals.add(new FeedbackSignal(library, List.of(expanded, sentences, concepts), 3));
    return new Recommender(library, detector, embedder, signals, loadWeights());
  }

  private static Map<String, Double> loadWeights() {
    Properties p = new Properties();
    try (InputStream in = Recommender.class.getResourceAsStream("/fusion-weights.properties")) {
      if (in == null) throw new IllegalStateException("fusion-weights.properties missing from the class path");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    p.forEach((k, v) -> weights.put((String) k, Double.parseDouble((String) v)));
    return weights;
  }

  /** @throws IllegalArgumentException if a filter is unknown */
  public Result recommend(Request request) {
    library.validateFilters(request.filters());
    Optional<String> corrected = request.spelling() ? corrected(request.challenge()) : Optional.empty();
    String text = corrected.orElse(Homoglyphs.fold(request.challenge()));
    String wanted = QueryFactory.withoutNegations(text);
    List<ConceptDetector.Detected> concepts = detector.detect(wanted).stream()
        .filter(d -> !request.excludedConcepts().contains(d.concept().id()))
        .toList();
    Challenge challenge = challenge(wanted, concepts);
    Set<Integer> excluded = excludedByNegation(text);
    List<PracticeRecord> candidates = library.records().stream()
        .filter(r -> library.matches(r, request.filters()) && !excluded.contains(r.order()))
        .toList();
    Explainer.Wanted telling = explainer.telling(challenge.text(), concepts,
        translations.pairs(challenge.text(), challenge.language()), request.language());
    return new Result(rank(challenge, candidates, request.size(), request.language(), telling, telling.concepts()), concepts,
        corrected, guidance.match(challenge));
  }

  /** @return the orders of the practices the challenge excludes with {@code -word}, as search does */
  private Set<Integer> excludedByNegation(String text) {
    Query exclusion = QueryFactory.exclusion(keywords, Map.of(Fields.TEXT, 1f), text, library.facetsConfig(), detector);
    if (exclusion == null) return Set.of();
    try {
      Set<Integer> out = new HashSet<>();
      for (ScoreDoc sd : library.searcher().search(exclusion, library.records().size()).scoreDocs) {
        out.add(library.recordOfDoc(sd.doc).order());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return practices like the given one, by the same signals, with its title and challenge as the
   *     challenge and its own concepts as the detected ones
   * @throws java.util.NoSuchElementException if there is no practice with that id
   */
  public List<Recommendation> similar(String id, int size, Language language) {
    PracticeRecord self = library.record(id).orElseThrow(() -> new java.util.NoSuchElementException("no practice " + id));
    String text = self.practice().title() + ". " + self.practice().text(Section.CHALLENGE).orElse("");
    List<ConceptDetector.Detected> concepts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : self.tagging().facets().entrySet()) {
      for (String cid : e.getValue()) {
        library.vocabulary().concept(cid).ifPresent(c -> concepts.add(new ConceptDetector.Detected(c, c.label(Language.EN), Language.EN)));
      }
    }
    List<PracticeRecord> others = library.records().stream().filter(r -> r != self).toList();
    // No matched words as the reason: a title and challenge share chance words ("considered", "part").
    return rank(new Challenge(text, concepts), others, size, language, Explainer.Wanted.none(language), null);
  }

  /** @return signal name → fusion weight, from {@code fusion-weights.properties} */
  Map<String, Double> weights() {
    return weights;
  }

  /** @return the signal names, in fusion order */
  public List<String> signalNames() {
    return signals.stream().map(Signal::name).toList();
  }

  /**
   * @return system → practice ids, best first, at most {@code size}: each signal alone, and
   *     {@code fused}; over all practices, for evaluation
   */
  public Map<String, List<String>> rankAll(String challengeText, int size) {
    try {
      Map<String, double[]> scores = scoresBySignal(challenge(challengeText), true);
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String signal : scores.keySet()) out.put(signal, rank(Map.of(signal, 1.0), scores, size));
      out.put("fused", rank(weights, scores, size));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the challenge as {@link #recommend} reads it, all its concepts kept: for evaluation */
  Challenge challenge(String typed) {
    String text = corrected(typed).orElse(Homoglyphs.fold(typed));
    return challenge(text, detector.detect(text));
  }

  /**
   * @return the typed text with mixed-script words folded and unknown words spelled as the practices
   *     spell them, if any was: what {@link Result#corrected()} says for this challenge
   */
  public Optional<String> corrected(String typed) {
    return lexicon.corrected(Homoglyphs.fold(typed));
  }

  private Challenge challenge(String text, List<ConceptDetector.Detected> concepts) {
    Language language = lexicon.language(text);
    return new Challenge(text, concepts, language, translations.english(text, language));
  }

  /** @return practice ids by the fusion of {@code scores} with {@code weights}, best first, at most {@code size} */
  List<String> rank(Map<String, Double> weights, Map<String, double[]> scores, int size) {
    return order(fuse(weights, scores), library.records()).stream().limit(size).map(PracticeRecord::id).toList();
  }

  /**
   * @param telling the challenge words an explanation may cite as matched, in the reader's language; none: by meaning only
   * @param mentioned concept id → the words of the challenge it was detected in; null for similar practices
   */
  private List<Recommendation> rank(Challenge challenge, List<PracticeRecord> candidates, int size, Language language,
      Explainer.Wanted telling, Map<String, String> mentioned) {
    Map<String, double[]> bySignal;
    try {
      bySignal = scoresBySignal(challenge, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!understood(bySignal)) return List.of();
    double[] fused = fuse(bySignal);
    Map<String, Map<Integer, Integer>> ranks = new LinkedHashMap<>();
    bySignal.forEach((name, scores) -> {
      Map<Integer, Integer> r = new HashMap<>();
      List<PracticeRecord> ordered = order(scores, candidates);
      for (int i = 0; i < ordered.size(); i++) r.put(ordered.get(i).order(), i + 1);
      ranks.put(name, r);
    });
    List<Recommendation> out = new ArrayList<>();
    for (PracticeRecord r : order(fused, candidates)) {
      if (out.size() == size) break;
      Map<String, Integer> signalRanks = new LinkedHashMap<>();
      ranks.forEach((name, byOrder) -> {
        if (byOrder.containsKey(r.order())) signalRanks.put(name, byOrder.get(r.order()));
      });
      out.add(explain(r, challenge, telling, mentioned, fused[r.order()], signalRanks, language));
    }
    return out;
  }

  /**
   * @return false when no word of the challenge occurs in the manual and no concept was detected:
   *     embeddings alone always find a nearest practice, even for "asdf", and that is no answer
   */
  private static boolean understood(Map<String, double[]> bySignal) {
    for (Map.Entry<String, double[]> e : bySignal.entrySet()) {
      String family = Reasons.family(e.getKey());
      if (!family.equals("words") && !family.equals("topics")) continue;
      for (double v : e.getValue()) {
        if (v > 0) return true;
      }
    }
    return false;
  }

  /** @return the records with a positive score, best first, manual order breaking ties */
  private static List<PracticeRecord> order(double[] scores, List<PracticeRecord> records) {
    return records.stream()
        .filter(r -> scores[r.order()] > 0)
        .sorted(Comparator.comparingDouble((PracticeRecord r) -> -scores[r.order()]).thenComparingInt(PracticeRecord::order))
        .toList();
  }

  /** @param all every signal (for evaluation), or only those with a fusion weight (for serving) */
  Map<String, double[]> scoresBySignal(Challenge challenge, boolean all) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Signal s : signals) {
      if (all || weights.getOrDefault(s.name(), 0.0) > 0) out.put(s.name(), challenge.scores(s));
    }
    return out;
  }

  private double[] fuse(Map<String, double[]> bySignal) {
    return fuse(weights, bySignal);
  }

  /** Weighted mean of the signals' scores, each scaled to 0..1 between its worst and best practice for the challenge. */
  static double[] fuse(Map<String, Double> weights, Map<String, double[]> bySignal) {
    double[] fused = new double[bySignal.values().iterator().next().length];
    double total = 0;
    for (Map.Entry<String, double[]> e : bySignal.entrySet()) {
      double w = weights.getOrDefault(e.getKey(), 0.0);
      total += w;
      double min = Double.MAX_VALUE, max = 0;
      for (double v : e.getValue()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max <= min) continue;
      for (int i = 0; i < fused.length; i++) fused[i] += w * (e.getValue()[i] - min) / (max - min);
    }
    if (total > 0) for (int i = 0; i < fused.length; i++) fused[i] /= total;
    return fused;
  }

  private Recommendation explain(PracticeRecord r, Challenge challenge, Explainer.Wanted telling, Map<String, String> mentioned,
      double score, Map<String, Integer> signalRanks, Language language) {
    Optional<Evidence> evidence = explainer.explain(r, telling, challenge.sentenceCosines(library, embedder, r));
    List<Concept> shared = challenge.concepts().stream()
        .map(ConceptDetector.Detected::concept)
        .distinct()
        .filter(c -> r.tagging().get(c.dimension()).contains(c.id()))
        .sorted(Comparator.comparingInt(c -> library.having(c.dimension(), c.id()).size())) // rarest first: it says most about why
        .toList();
    String why = mentioned == null ? Reasons.similar(evidence, shared, language) : Reasons.why(evidence, shared, mentioned, language);
    return new Recommendation(r.id(), score, why, evidence, shared, signalRanks);
  }

  /** IDF of every term of each language's catch-all field: explanations weigh rare words more. */
  private static Map<Language, Map<String, Double>> idf(PracticeLibrary library) {
    Map<Language, Map<String, Double>> out = new EnumMap<>(Language.class);
    IndexReader reader = library.searcher().getIndexReader();
    int n = reader.numDocs();
    try {
      for (Language l : Language.values()) {
        Map<String, Double> idf = new HashMap<>();
        String field = Fields.text(l);
        for (LeafReaderContext leaf : reader.leaves()) {
          Terms terms = leaf.reader().terms(field);
          if (terms == null) continue;
          TermsEnum it = terms.iterator();
          for (BytesRef t = it.next(); t != null; t = it.next()) {
            int df = reader.docFreq(new Term(field, t));
            idf.put(t.utf8ToString(), Math.log(1 + (n - df + 0.5) / (df + 0.5)));
          }
        }
        out.put(l, Map.copyOf(idf));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
