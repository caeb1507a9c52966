package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.GuidanceLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.model.Guidance;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * Finds the key gaps and key elements of the manual's guidance that a challenge is about. An entry
 * matches when two kinds of evidence agree:
 *
 * <ol>
 *   <li>its meaning stands out: the cosine of its embedding with the challenge's is at least
 *       {@value #MIN_MEANING} standard deviations above the mean cosine of the challenge with every
 *       guidance entry (a z-score, so it does not depend on the model's scale of cosines); and
 *   <li>it shares what the challenge names: at least {@value #MIN_SHARE} of the weight of the
 *       topics detected in the challenge (each weighs ln(practices / practices tagged with it), as
 *       for {@link MatchStrength}) are named in its text, or at least {@value #MIN_SHARE} of the
 *       weight of the challenge's words (each weighs its IDF over the guidance entries, so "sex
 *       workers" weighs almost nothing) occur in it, in the challenge's language (the entry's
 *       translation for a Russian or Ukrainian challenge).
 * </ol>
 *
 * At most {@value #MAX_MATCHES}, the most standing out first. The thresholds were set by reading the
 * results of challenges we wrote ({@code GuidanceMatcherTest}), not fitted. Thread-safe.
 */
public final class GuidanceMatcher {
  /** The kinds of guidance a challenge is matched with: what is missing, and what good practice has. */
  static final Set<Guidance.Kind> KINDS = Set.of(Guidance.Kind.GAP, Guidance.Kind.KEY_ELEMENT);
  /** Standard deviations above the mean cosine from which an entry's meaning stands out. */
  static final double MIN_MEANING = 1.0;
  /** The share of the challenge's topics or words an entry must have. */
  static final double MIN_SHARE = 0.3;
  static final int MAX_MATCHES = 3;
  /** Fewer entries give no meaningful spread of cosines. */
  private static final int MIN_ENTRIES = 10;
  /** A word in more than half of the entries ("sex workers") is counted but not named as shared. */
  private static final double MIN_NAMED_IDF = Math.log(2);

  /**
   * A matching entry.
   *
   * @param entry the key gap or key element
   * @param meaning the z-score of its cosine with the challenge among all guidance entries
   * @param topicShare the share of the weight of the challenge's topics its text names, 0..1
   * @param wordShare the share of the IDF weight of the challenge's words its text has, 0..1
   * @param sharedConcepts the challenge's topics its text names, the most telling first
   * @param words the challenge's telling words (as typed) its text has, in the challenge's order
   */
  public record Match(Guidance entry, double meaning, double topicShare, double wordShare, List<Concept> sharedConcepts,
      List<String> words) {}

  private record Word(String term, String typed) {}

  /** The entries' words in one language: by entry (those written or translated in it), with their IDF over them. */
  private record EntryWords(Analyzer analyzer, Map<String, Set<String>> termsById, Map<String, Double> idf, double unknownIdf) {}

  private final PracticeLibrary library;
  private final GuidanceLibrary guidance;
  private final Embedder embedder;
  private final Map<Language, EntryWords> byLanguage = new EnumMap<>(Language.class);

  GuidanceMatcher(PracticeLibrary library, Embedder embedder) {
    this.library = library;
    this.guidance = library.guidance();
    this.embedder = embedder;
    for (Language l : Language.values()) {
      Analyzer analyzer = l.analyzer(QueryAnalyzer.challengeStopWords(l), null);
      Map<String, Set<String>> termsById = new HashMap<>();
      Map<String, Integer> df = new HashMap<>();
      for (Guidance english : guidance.entries()) {
        if (guidance.served(english, l) != l) continue;
        Guidance g = guidance.in(english, l);
        Set<String> terms = new HashSet<>();
        for (Word w : words(analyzer, g.title() + "\n" + g.body())) terms.add(w.term());
        termsById.put(g.id(), terms);
        terms.forEach(t -> df.merge(t, 1, Integer::sum));
      }
      int n = termsById.size();
      Map<String, Double> idf = new HashMap<>();
      df.forEach((term, count) -> idf.put(term, Math.log((n + 1.0) / (count + 1.0))));
      byLanguage.put(l, new EntryWords(analyzer, termsById, idf, Math.log(n + 1.0)));
    }
  }

  /** @return the matching key gaps and key elements, the most standing out first; none for a library without guidance */
  List<Match> match(Challenge challenge) {
    List<Guidance> entries = guidance.entries();
    if (entries.size() < MIN_ENTRIES) return List.of();
    float[] q = challenge.embedding(embedder);
    Map<String, Double> cosines = new LinkedHashMap<>();
    double sum = 0;
    double squares = 0;
    for (Guidance g : entries) {
      double c = 0;
      float[] v = guidance.vector(g);
      for (int i = 0; i < v.length; i++) c += q[i] * v[i];
      cosines.put(g.id(), c);
      sum += c;
      squares += c * c;
    }
    double mean = sum / entries.size();
    double sd = Math.sqrt(Math.max(0, squares / entries.size() - mean * mean));
    if (sd == 0) return List.of();

    List<Concept> topics = challenge.concepts().stream().map(ConceptDetector.Detected::concept).distinct().toList();
    EntryWords entryWords = byLanguage.get(challenge.language());
    List<Word> words = words(entryWords.analyzer(), challenge.text());
    List<Match> out = new ArrayList<>();
    for (Guidance g : entries) {
      if (!KINDS.contains(g.kind())) continue;
      double meaning = (cosines.get(g.id()) - mean) / sd;
      if (meaning < MIN_MEANING) continue;
      List<String> named = guidance.concepts(g);
      double topicWeight = 0;
      double sharedWeight = 0;
      List<Concept> shared = new ArrayList<>();
      for (Concept c : topics) {
        double w = MatchStrength.weight(c, library);
        topicWeight += w;
        if (named.contains(c.id())) {
          sharedWeight += w;
          shared.add(c);
        }
      }
      shared.sort(Comparator.comparingDouble(c -> -MatchStrength.weight(c, library)));
      Set<String> terms = entryWords.termsById().getOrDefault(g.id(), Set.of());
      double wordWeight = 0;
      double foundWeight = 0;
      Set<String> seen = new HashSet<>();
      Set<String> found = new LinkedHashSet<>(); // a Ukrainian word may have two lemmas
      for (Word w : words) {
        if (!seen.add(w.term())) continue;
        double weight = entryWords.idf().getOrDefault(w.term(), entryWords.unknownIdf());
        wordWeight += weight;
        if (terms.contains(w.term())) {
          foundWeight += weight;
          if (weight >= MIN_NAMED_IDF) found.add(w.typed());
        }
      }
      double topicShare = topicWeight > 0 ? sharedWeight / topicWeight : 0;
      double wordShare = wordWeight > 0 ? foundWeight / wordWeight : 0;
      if (topicShare < MIN_SHARE && wordShare < MIN_SHARE) continue;
      out.add(new Match(g, meaning, topicShare, wordShare, List.copyOf(shared), List.copyOf(found)));
    }
    out.sort(Comparator.comparingDouble(m -> -m.meaning()));
    return out.size() > MAX_MATCHES ? List.copyOf(out.subList(0, MAX_MATCHES)) : List.copyOf(out);
  }

  /** @return the text's words after a language's analysis (stop words out, stemmed), each with the word as written */
  private static List<Word> words(Analyzer analyzer, String text) {
    List<Word> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(new Word(term.toString(), text.substring(offset.startOffset(), offset.endOffset())));
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    return out;
  }
}
