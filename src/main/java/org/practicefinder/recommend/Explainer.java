package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Sentences;

/**
 * Finds the sentence of a practice that best matches a challenge, and the words that matched:
 * each sentence scores the summed IDF of the distinct challenge terms it contains, plus its
 * embedding's cosine with the challenge's, so that a sentence that says the same thing in other
 * words can win. Practice sentences are analysed once, at construction.
 */
final class Explainer {
  private record Token(String term, int start, int end) {}

  private record AnalysedSentence(String section, String text, List<Token> tokens) {}

  private final Analyzer analyzer;
  private final Map<String, Double> idf;
  private final double maxIdf;
  private final List<List<AnalysedSentence>> byOrder = new ArrayList<>();

  /**
   * A word in more than half of the practices ("who", "also", "sex") says nothing about why one
   * was chosen: it is neither counted nor marked.
   */
  private static final double MIN_IDF = Math.log(2);

  /** @param idf analysed term → inverse document frequency; terms absent from it weigh nothing */
  Explainer(Analyzer analyzer, List<PracticeRecord> records, Map<String, Double> idf) {
    this.analyzer = analyzer;
    this.idf = idf;
    this.maxIdf = idf.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    for (PracticeRecord r : records) {
      List<AnalysedSentence> list = new ArrayList<>();
      for (Sentences.Sentence s : Sentences.of(r.practice(), false)) {
        list.add(new AnalysedSentence(s.section(), s.text(), tokens(s.text())));
      }
      byOrder.add(List.copyOf(list));
    }
  }

  /**
   * @param wanted the challenge's {@link #telling} terms
   * @param sentenceCosines cosine of each of the practice's sentences with the challenge, in
   *     {@code Sentences.of(practice, false)} order
   * @return the best sentence, or empty when no sentence shares a term or a meaning with the challenge
   */
  Optional<Evidence> explain(PracticeRecord record, Set<String> wanted, double[] sentenceCosines) {
    AnalysedSentence best = null;
    double bestScore = 0;
    List<AnalysedSentence> sentences = byOrder.get(record.order());
    for (int i = 0; i < sentences.size(); i++) {
      AnalysedSentence s = sentences.get(i);
      Set<String> seen = new LinkedHashSet<>();
      double lexical = 0;
      for (Token t : s.tokens()) {
        if (wanted.contains(t.term()) && seen.add(t.term())) lexical += idf.getOrDefault(t.term(), 0.0);
      }
      double score = lexical / maxIdf + (i < sentenceCosines.length ? sentenceCosines[i] : 0);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return Optional.ofNullable(best).map(s -> evidence(s, wanted));
  }

  /** @return the analysed terms of the challenge that can explain a match: those in at most half of the practices */
  Set<String> telling(String challenge) {
    Set<String> wanted = new LinkedHashSet<>();
    for (Token t : tokens(challenge)) {
      if (idf.getOrDefault(t.term(), 0.0) >= MIN_IDF) wanted.add(t.term());
    }
    return wanted;
  }

  private static Evidence evidence(AnalysedSentence s, Set<String> wanted) {
    StringBuilder html = new StringBuilder();
    List<String> terms = new ArrayList<>();
    int at = 0;
    for (Token t : s.tokens()) {
      if (!wanted.contains(t.term())) continue;
      String word = s.text().substring(t.start(), t.end());
      html.append(SimpleHTMLEncoder.htmlEncode(s.text().substring(at, t.start())))
          .append("<mark>").append(SimpleHTMLEncoder.htmlEncode(word)).append("</mark>");
      if (!terms.contains(word)) terms.add(word);
      at = t.end();
    }
    html.append(SimpleHTMLEncoder.htmlEncode(s.text().substring(at)));
    return new Evidence(s.section(), s.text(), html.toString(), terms);
  }

  private List<Token> tokens(String text) {
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
