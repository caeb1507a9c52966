package org.practicefinder.recommend;

import java.util.List;
import java.util.regex.Pattern;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * A challenge as the signals see it: the user's text and the concepts detected in it (less any
 * the user removed).
 */
record Challenge(String text, List<ConceptDetector.Detected> concepts) {
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

  /**
   * @return the text itself when it is not in Cyrillic script; otherwise the English labels and
   *     definitions of its detected concepts, which English models and fields can match
   */
  String englishText() {
    if (!CYRILLIC.matcher(text).find() || concepts.isEmpty()) return text;
    StringBuilder out = new StringBuilder();
    for (ConceptDetector.Detected d : concepts) {
      out.append(d.concept().label(Language.EN)).append(": ").append(d.concept().definition(Language.EN)).append(". ");
    }
    return out.toString().trim();
  }
}
