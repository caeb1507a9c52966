package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.model.Sentences;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * Finds the sentence of a practice that best matches a challenge, in the reader's language, and
 * the words that matched, both the practice's and the reader's own. Each sentence scores the summed
 * IDF of the distinct wanted terms it contains ({@link #telling}: the challenge's words, and the
 * reader's language's terms of the concepts detected in it), plus the cosine of its English
 * sentence's embedding with the challenge's, so that a sentence that says the same thing in other
 * words can win. A translated sentence takes the cosine of the English sentence at its place (the
 * same item and, where both have as many, the same sentence). Practice sentences are analysed once,
 * at construction.
 */
final class Explainer {
  /** An analysed word of a sentence, or a concept's term ({@code concept} set, {@code term} its id). */
  private record Token(String term, int start, int end, boolean concept) {
    Token(String term, int start, int end) {
      this(term, start, end, false);
    }
  }

  /**
   * @param tokens the analysed words, then the concepts' terms found in it
   * @param english index of the English sentence at its place, in {@code Sentences.of(practice, false)} order
   */
  private record AnalysedSentence(String section, String text, List<Token> tokens, int english) {}

  /**
   * A word in more than half of the practices ("who", "also", "sex") says nothing about why one
   * was chosen: it is neither counted nor marked.
   */
  private static final double MIN_IDF = Math.log(2);

  private final Map<Language, Map<String, Double>> idf;
  private final Map<Language, Double> maxIdf = new EnumMap<>(Language.class);
  /** Language → practice order → sentences; a practice not translated into a language is absent there. */
  private final Map<Language, List<List<AnalysedSentence>>> sentences = new EnumMap<>(Language.class);

  /** A concept's term weighs as a word found in this many practices would: a rare word. */
  private static final int CONCEPT_PRACTICES = 3;

  private final ConceptDetector detector;

  /**
   * @param detector finds the concepts' terms in the practices' sentences
   * @param idf language → analysed term → inverse document frequency in that language's text; terms absent weigh nothing
   */
  Explainer(List<PracticeRecord> records, ConceptDetector detector, Map<Language, Map<String, Double>> idf) {
    this.idf = idf;
    this.detector = detector;
    for (Language l : Language.values()) {
      maxIdf.put(l, idf.get(l).values().stream().mapToDouble(Double::doubleValue).max().orElse(1));
      Analyzer analyzer = practiceAnalyzer(l);
      List<List<AnalysedSentence>> byOrder = new ArrayList<>();
      for (PracticeRecord r : records) {
        byOrder.add(r.served(l) == l ? analyse(analyzer, r.practice(), r.practice(l), l) : null);
      }
      sentences.put(l, byOrder);
    }
  }

  /**
   * The challenge's terms that can explain a match, in one language.
   *
   * @param terms analysed term → the words of the challenge, as typed, that brought it
   * @param concepts detected concept id → the words of the challenge that named it
   */
  record Wanted(Language language, Map<String, String> terms, Map<String, String> concepts) {
    /** Nothing wanted: sentences are chosen by meaning alone. */
    static Wanted none(Language language) {
      return new Wanted(language, Map.of(), Map.of());
    }
  }

  /**
   * @param english English words for the challenge's words with the words they translate, when
   *     the challenge is not in English ({@link WordTranslations#pairs})
   * @return what can explain a match in {@code reader}'s language: the challenge's own words in its
   *     analysis, those in at most half of the practices (and for an English reader of a challenge
   *     in another language, the English words for its words); and the detected concepts, whose
   *     terms in that language a sentence may name
   */
  Wanted telling(String challenge, List<ConceptDetector.Detected> concepts, List<String[]> english, Language reader) {
    Map<String, Double> weights = idf.get(reader);
    Map<String, String> wanted = new LinkedHashMap<>();
    Analyzer analyzer = QueryAnalyzer.challenges(reader);
    for (Token t : tokens(analyzer, challenge)) wanted.putIfAbsent(t.term(), challenge.substring(t.start(), t.end()));
    if (reader == Language.EN) {
      for (String[] pair : english) {
        for (Token t : tokens(analyzer, pair[0])) wanted.putIfAbsent(t.term(), pair[1]);
      }
    }
    wanted.keySet().removeIf(term -> weights.getOrDefault(term, 0.0) < MIN_IDF);
    Map<String, String> named = new LinkedHashMap<>();
    concepts.forEach(d -> named.putIfAbsent(d.concept().id(), d.matched()));
    return new Wanted(reader, wanted, named);
  }

  /**
   * @param sentenceCosines cosine of each of the practice's English sentences with the challenge,
   *     in {@code Sentences.of(practice, false)} order
   * @return the best sentence in the wanted terms' language (English if the practice is not
   *     translated into it), or empty when no sentence shares a term or a meaning with the challenge
   */
  Optional<Evidence> explain(PracticeRecord record, Wanted wanted, double[] sentenceCosines) {
    Language language = record.served(wanted.language());
    Wanted w = language == wanted.language() ? wanted : new Wanted(language, Map.of(), wanted.concepts());
    AnalysedSentence best = null;
    double bestScore = 0;
    Map<String, Double> weights = idf.get(language);
    double conceptWeight = Math.log(1 + (sentences.get(language).size() - CONCEPT_PRACTICES + 0.5) / (CONCEPT_PRACTICES + 0.5));
    for (AnalysedSentence s : sentences.get(language).get(record.order())) {
      List<String> seen = new ArrayList<>();
      double lexical = 0;
      for (Token t : s.tokens()) {
        if (typed(w, t) != null && !seen.contains(t.term())) {
          seen.add(t.term());
          lexical += t.concept() ? conceptWeight : weights.getOrDefault(t.term(), 0.0);
        }
      }
      double score = lexical / maxIdf.get(language) + (s.english() < sentenceCosines.length ? sentenceCosines[s.english()] : 0);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return Optional.ofNullable(best).map(s -> evidence(s, w));
  }

  /** @return the challenge's words that make the token wanted, or null */
  private static String typed(Wanted wanted, Token t) {
    return t.concept() ? wanted.concepts().get(t.term()) : wanted.terms().get(t.term());
  }

  private static Evidence evidence(AnalysedSentence s, Wanted wanted) {
    StringBuilder html = new StringBuilder();
    List<String> terms = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Token> marked = new ArrayList<>();
    for (Token t : s.tokens()) {
      if (typed(wanted, t) != null) marked.add(t);
    }
    // in text order, a longer mark first where two start together; a mark inside an earlier one is dropped
    marked.sort(java.util.Comparator.comparingInt(Token::start).thenComparingInt(t -> -t.end()));
    int at = 0;
    for (Token t : marked) {
      String typed = typed(wanted, t);
      if (t.start() < at) continue;
      String word = s.text().substring(t.start(), t.end());
      html.append(SimpleHTMLEncoder.htmlEncode(s.text().substring(at, t.start())))
          .append("<mark>").append(SimpleHTMLEncoder.htmlEncode(word)).append("</mark>");
      if (!terms.contains(word)) terms.add(word);
      if (!words.contains(typed)) words.add(typed);
      at = t.end();
    }
    html.append(SimpleHTMLEncoder.htmlEncode(s.text().substring(at)));
    return new Evidence(s.section(), s.text(), html.toString(), terms, words);
  }

  /** @return the sentences of a practice in a language, each with the index of the English sentence at its place */
  private List<AnalysedSentence> analyse(Analyzer analyzer, Practice english, Practice practice, Language language) {
    List<AnalysedSentence> out = new ArrayList<>();
    out.add(new AnalysedSentence("title", practice.title(), tokens(analyzer, practice.title(), language), 0));
    int base = 1; // the title is English sentence 0
    for (Section s : english.sections().keySet()) {
      List<String> en = english.items(s);
      List<String> items = practice.items(s);
      for (int i = 0; i < en.size(); i++) {
        int n = Sentences.split(en.get(i)).size();
        List<String> split = i < items.size() ? Sentences.split(items.get(i)) : List.of();
        for (int j = 0; j < split.size(); j++) {
          int at = base + (split.size() == n ? j : j * n / split.size());
          out.add(new AnalysedSentence(s.key(), split.get(j), tokens(analyzer, split.get(j), language), at));
        }
        base += n;
      }
    }
    return out;
  }

  /** @return the analysis of practice sentences: the index's steps with a challenge's stop words, so both sides drop the same */
  private static Analyzer practiceAnalyzer(Language language) {
    return language.analyzer(QueryAnalyzer.challengeStopWords(language), null);
  }

  /** @return the analysed words of a practice's sentence, then the concepts' terms it names */
  private List<Token> tokens(Analyzer analyzer, String text, Language language) {
    List<Token> out = tokens(analyzer, text);
    for (ConceptDetector.Span span : detector.find(text, language)) {
      out.add(new Token(span.concept().id(), span.start(), span.end(), true));
    }
    return out;
  }

  private static List<Token> tokens(Analyzer analyzer, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }
}
