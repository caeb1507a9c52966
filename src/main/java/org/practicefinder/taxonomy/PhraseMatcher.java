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
 * A match inside a longer one of the same dimension does not count ({@link #outermost}).
 * Thread-safe once built.
 */
final class PhraseMatcher {
  /** A term found in a text: the concept, the language whose term it is, and where (character offsets). */
  record Match(Concept concept, Language language, int start, int end) {}

  /** Tokens at one position: several where the analyzer gives several lemmas (Ukrainian). */
  private record Token(Set<String> forms, int start, int end) {}

  private record Pattern(Concept concept, List<Token> tokens) {}

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
        Pattern p = new Pattern(c, tokens);
        for (String form : tokens.get(0).forms()) byFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(p);
      }
    }
  }

  /** @return every term occurrence in {@code text}, overlapping ones included, in text order */
  List<Match> find(String text) {
    List<Token> tokens = tokens(text);
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Set<Pattern> tried = new HashSet<>();
      for (String form : tokens.get(i).forms()) {
        for (Pattern p : byFirstForm.getOrDefault(form, List.of())) {
          int n = p.tokens().size();
          if (i + n > tokens.size() || !tried.add(p)) continue;
          boolean all = true;
          for (int k = 1; k < n && all; k++) {
            all = intersects(tokens.get(i + k).forms(), p.tokens().get(k).forms())
                && !SENTENCE_END.matcher(text.substring(tokens.get(i + k - 1).end(), tokens.get(i + k).start())).find();
          }
          if (all) matches.add(new Match(p.concept(), language, tokens.get(i).start(), tokens.get(i + n - 1).end()));
        }
      }
    }
    return matches;
  }

  /**
   * @return the matches not lying inside a longer match of the same dimension, in text order:
   *     "transgender women" is transgender, not also female through "women". Matches that only
   *     overlap, or belong to other dimensions, all count: "female sex workers and their children"
   *     is female and mothers, and "children's polyclinic" is a partner as well as a service.
   */
  static List<Match> outermost(List<Match> matches) {
    return matches.stream().filter(m -> matches.stream().noneMatch(o -> covers(o, m))).toList();
  }

  private static boolean covers(Match outer, Match inner) {
    return outer.concept().dimension().equals(inner.concept().dimension())
        && outer.start() <= inner.start() && inner.end() <= outer.end()
        && outer.end() - outer.start() > inner.end() - inner.start();
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
