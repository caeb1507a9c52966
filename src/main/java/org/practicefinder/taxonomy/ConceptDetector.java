package org.practicefinder.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a query or challenge in English, Russian or Ukrainian to vocabulary concepts, with the words
 * that matched. The text is matched against every language's terms with that language's analysis,
 * so a user need not say which language they typed. Thread-safe.
 */
public final class ConceptDetector {
  /**
   * A concept found in a query.
   *
   * @param concept the concept
   * @param matched the words of the query that matched, as typed
   * @param language the language whose terms matched
   */
  public record Detected(Concept concept, String matched, Language language) {}

  /**
   * People write more loosely than the vocabulary's terms, so one extra word may stand inside a term
   * ("train clinic staff" for "train staff"); the manual's own text is tagged strictly. Chosen by
   * measuring on the development challenges (see the README).
   */
  static final int SLOP = 1;

  private final Map<Language, PhraseMatcher> matchers = new EnumMap<>(Language.class);

  public ConceptDetector(Vocabulary vocabulary) {
    for (Language l : Language.values()) matchers.put(l, new PhraseMatcher(vocabulary.concepts(), l));
  }

  /**
   * @return the concepts found, one entry per concept, in order of their first match in the text;
   *     where a term is the same in several languages (USAID, CD4), English is reported
   */
  public List<Detected> detect(String text) {
    List<PhraseMatcher.Match> all = new ArrayList<>();
    for (PhraseMatcher matcher : matchers.values()) all.addAll(matcher.find(text, SLOP)); // EN first: EnumMap order
    Map<String, Detected> byConcept = new LinkedHashMap<>();
    all.sort(Comparator.comparingInt(PhraseMatcher.Match::start)); // stable: English first among equals
    for (PhraseMatcher.Match m : all) {
      byConcept.putIfAbsent(m.concept().id(), new Detected(m.concept(), text.substring(m.start(), m.end()), m.language()));
    }
    return List.copyOf(byConcept.values());
  }

  /**
   * Where a concept's term occurs in a text.
   *
   * @param start offset of its first character
   * @param end offset after its last character
   */
  public record Span(Concept concept, int start, int end) {}

  /**
   * @return every occurrence in {@code text} of a term of {@code language}, matched strictly (as the
   *     manual is tagged: no extra word inside a term), in text order, overlapping ones included
   */
  public List<Span> find(String text, Language language) {
    return matchers.get(language).find(text, 0).stream().map(m -> new Span(m.concept(), m.start(), m.end())).toList();
  }
}
