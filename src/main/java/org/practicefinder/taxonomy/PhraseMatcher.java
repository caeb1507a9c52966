package org.practicefinder.taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Finds the vocabulary's terms of one language in a text, after that language's analysis, so that
 * inflected forms match ({@code women} / {@code woman}, {@code беременных} / {@code беременные}).
 * A term matches where its analysed tokens occur in sequence; stop words between them are skipped.
 * Thread-safe once built.
 */
final class PhraseMatcher {
  /** A term found in a text: the concept, the language and term as the vocabulary has it, and where (character offsets). */
  record Match(Concept concept, Language language, String term, int start, int end) {}

  /** Tokens at one position: several where the analyzer gives several lemmas (Ukrainian). */
  private record Token(Set<String> forms, int start, int end) {}

  private record Pattern(Concept concept, String term, List<Token> tokens) {
    /** Equal patterns have equal concepts and terms: hashing those alone spares hashing a concept's maps per token. */
    @Override
    public int hashCode() {
      return 31 * concept.hashCode() + term.hashCode();
    }
  }

  /** A phrase does not run across the end of a sentence or clause ("…serves MSM. Sex workers…"). */
  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?;:]");

  private final Analyzer analyzer;
  private final Language language;
  /** Patterns by each form of their first token: a text position only tries the patterns that can start there. */
  private final Map<String, List<Pattern>> byFirstForm = new HashMap<>();

  PhraseMatcher(Iterable<Concept> concepts, Language language) {
    this.analyzer = language.newAnalyzer();
    this.language = language;
    for (Concept c : concepts) {
      for (String term : c.terms().get(language)) {
        List<Token> tokens = tokens(term);
        if (tokens.isEmpty()) continue;
        Pattern p = new Pattern(c, term, tokens);
        for (String form : tokens.get(0).forms()) byFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(p);
      }
    }
  }

  /**
   * @param slop how many words in all may stand between the words of a term ("train clinic staff"
   *     for "train staff"); stop words are not counted
   * @return every term occurrence in {@code text}, overlapping ones included, in text order
   */
  List<Match> find(String text, int slop) {
    List<Token> tokens = tokens(text);
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Set<Pattern> tried = new HashSet<>();
      for (String form : tokens.get(i).forms()) {
        for (Pattern p : byFirstForm.getOrDefault(form, List.of())) {
          if (!tried.add(p)) continue;
          int end = matchFrom(text, tokens, p, i, slop);
          if (end >= 0) matches.add(new Match(p.concept(), language, p.term(), tokens.get(i).start(), tokens.get(end).end()));
        }
      }
    }
    return matches;
  }

  /** @return the index of the last text token of the pattern matched from token i, skipping at most slop tokens in all; -1 if none */
  private static int matchFrom(String text, List<Token> tokens, Pattern p, int i, int slop) {
    int pos = i;
    int left = slop;
    for (int k = 1; k < p.tokens().size(); k++) {
      int found = -1;
      for (int j = pos + 1; j <= pos + 1 + left && j < tokens.size(); j++) {
        if (SENTENCE_END.matcher(text.substring(tokens.get(j - 1).end(), tokens.get(j).start())).find()) break;
        if (intersects(tokens.get(j).forms(), p.tokens().get(k).forms())) {
          found = j;
          break;
        }
      }
      if (found < 0) return -1;
      left -= found - pos - 1;
      pos = found;
    }
    return pos;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) return true;
    }
    return false;
  }

  private List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 && !out.isEmpty()) {
          out.get(out.size() - 1).forms().add(term.toString());
        } else {
          Set<String> forms = new HashSet<>();
          forms.add(term.toString());
          out.add(new Token(forms, offset.startOffset(), offset.endOffset()));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }
}
