package org.practicefinder.recommend;

import java.util.List;

/**
 * The sentence of a practice that best matches a challenge.
 *
 * @param section section key the sentence comes from ({@code title} for the title)
 * @param sentence the sentence as plain text
 * @param html the sentence HTML-escaped, matched words in {@code <mark>} tags
 * @param terms the words of the sentence that matched, as written, in order of first appearance
 */
public record Evidence(String section, String sentence, String html, List<String> terms) {
  public Evidence {
    terms = List.copyOf(terms);
  }
}
