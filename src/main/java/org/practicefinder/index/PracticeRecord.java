package org.practicefinder.index;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.practicefinder.model.Practice;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Tagging;

/**
 * A practice as the library holds it: its record as written (the manual's, in English, or one added
 * as data, in its own language), the concepts assigned to it, and its translations.
 *
 * @param order position in the manual, 0-based
 * @param translations language → the practice in it; a language without a translation that
 *     passed the checks is absent, and the practice is served in its original language there
 */
public record PracticeRecord(int order, Practice practice, Tagging tagging, Map<Language, Translation> translations) {
  /**
   * A practice translated from the manual's English.
   *
   * @param practice the translated title, organisation, sections and notes, with the English header fields
   * @param evidence concept id (or year) → the translation's sentence that names it; a concept
   *     whose terms in this language no sentence names keeps its English sentence
   */
  public record Translation(Practice practice, Map<String, String> evidence) {
    public Translation {
      evidence = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
  }

  public PracticeRecord {
    translations = translations.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(translations));
  }

  /** A practice with no translation. */
  public PracticeRecord(int order, Practice practice, Tagging tagging) {
    this(order, practice, tagging, Map.of());
  }

  public String id() {
    return practice.id();
  }

  /** @return the language the practice is written in (English for the manual's) */
  public Language original() {
    return Language.fromCode(practice.language()).orElse(Language.EN);
  }

  /** @return the language the practice is served in when {@code asked} is: that language if it is written or translated in it, else its original's */
  public Language served(Language asked) {
    return translations.containsKey(asked) ? asked : original();
  }

  /** @return the practice in {@code asked}, or its original if it has no translation there */
  public Practice practice(Language asked) {
    Translation t = translations.get(asked);
    return t == null ? practice : t.practice();
  }

  /** @return concept id → the sentence that made it so, in {@code asked} if translated, else in the original */
  public Map<String, String> evidence(Language asked) {
    Translation t = translations.get(asked);
    return t == null ? tagging.evidence() : t.evidence();
  }
}
