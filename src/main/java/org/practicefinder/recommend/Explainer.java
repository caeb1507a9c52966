package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Tagger;

/**
 * Finds the sentence of a practice that best matches a challenge, and the words that matched:
 * each sentence scores the summed IDF of the distinct challenge terms it contains.
 */
final class Explainer {

  private record Token(String term, int start, int end) {}

  private final Analyzer analyzer;

  Explainer(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * @param idf analysed term → inverse document frequency; terms absent from it weigh nothing
   * @return the best sentence, or empty when no sentence shares a term with the challenge
   */
  java.util.Optional<Evidence> explain(Practice practice, String challenge, Map<String, Double> idf) {
    Set<String> wanted = new LinkedHashSet<>();
    for (Token t : tokens(challenge)) wanted.add(t.term());
    Evidence best = null;
    double bestScore = 0;
    for (Map.Entry<String, String> s : sentences(practice)) {
      List<Token> tokens = tokens(s.getValue());
      Set<String> seen = new LinkedHashSet<>();
      double score = 0;
      for (Token t : tokens) {
        if (wanted.contains(t.term()) && seen.add(t.term())) score += idf.getOrDefault(t.term(), 0.0);
      }
      if (score > bestScore) {
        bestScore = score;
        best = evidence(s.getKey(), s.getValue(), tokens, wanted);
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static List<Map.Entry<String, String>> sentences(Practice practice) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(Map.entry("title", practice.title()));
    for (Section s : Section.values()) {
      for (String part : practice.items(s)) {
        for (String sentence : Tagger.split(part)) out.add(Map.entry(s.key(), sentence));
      }
    }
    return out;
  }

  private static Evidence evidence(String section, String sentence, List<Token> tokens, Set<String> wanted) {
    StringBuilder html = new StringBuilder();
    List<String> terms = new ArrayList<>();
    int at = 0;
    for (Token t : tokens) {
      if (!wanted.contains(t.term())) continue;
      html.append(SimpleHTMLEncoder.htmlEncode(sentence.substring(at, t.start()))).append("<mark>")
          .append(SimpleHTMLEncoder.htmlEncode(sentence.substring(t.start(), t.end()))).append("</mark>");
      String word = sentence.substring(t.start(), t.end());
      if (!terms.contains(word)) terms.add(word);
      at = t.end();
    }
    html.append(SimpleHTMLEncoder.htmlEncode(sentence.substring(at)));
    return new Evidence(section, sentence, html.toString(), terms);
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
