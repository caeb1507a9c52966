package org.practicefinder.taxonomy;

import java.util.ArrayList;
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

  private final Map<Language, PhraseMatcher> matchers = new EnumMap<>(Language.class);

  public ConceptDetector(Vocabulary vocabulary) {
    for (Language l : Language.values()) matchers.put(l, new PhraseMatcher(vocabulary.concepts(), l));
  }

  /** @return the concepts found, one entry per concept, in order of their first match in the text */
  public List<Detected> detect(String text) {
    Map<String, Detected> byConcept = new LinkedHashMap<>();
    List<PhraseMatcher.Match> all = new ArrayList<>();
    Map<PhraseMatcher.Match, Language> language = new LinkedHashMap<>();
    for (Map.Entry<Language, PhraseMatcher> e : matchers.entrySet()) {
      for (PhraseMatcher.Match m : e.getValue().find(text)) {
        all.add(m);
        language.put(m, e.getKey());
      }
    }
    all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    for (PhraseMatcher.Match m : all) {
      byConcept.putIfAbsent(m.concept().id(),
          new Detected(m.concept(), text.substring(m.start(), m.end()), language.get(m)));
    }
    return List.copyOf(byConcept.values());
  }
}
