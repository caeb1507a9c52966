package org.practicefinder.recommend;

import java.util.List;

/**
 * The sentence of a practice that best matches a challenge.
 *
 * @param section section key the sentence comes from ({@code title} for the title)
 * @param sentence the sentence as plain text
 * @param html the sentence HTML-escaped, matched words in {@code <mark>} tags
 * @param terms the words of the sentence that matched, as written, in order of first appearance
 * @param words the words of the challenge that brought them, as the reader typed them, in the same
 *     order: a word, or the words that named a detected concept whose terms matched
 */
public record Evidence(String section, String sentence, String html, List<String> terms, List<String> words) {
  public Evidence {
    terms = List.copyOf(terms);
    words = List.copyOf(words);
  }
}
