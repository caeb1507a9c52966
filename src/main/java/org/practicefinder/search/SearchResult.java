package org.practicefinder.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * One page of search results.
 *
 * @param total practices matching the query and filters
 * @param hits this page's practices, best first (manual order when the query is blank)
 * @param facets dimension → values with counts, computed drill-sideways: a dimension's counts
 *     ignore that dimension's own filter, so a selected value still shows its siblings
 * @param totals dimension → practices with any value of it (drill-sideways like the counts); a
 *     practice with two values counts once
 * @param concepts vocabulary concepts detected in the query text
 * @param corrected the query with its unknown words spelled as the practices spell them, when it
 *     had any ({@link Lexicon#corrected}): the search was made with it
 */
public record SearchResult(int total, List<Hit> hits, Map<String, List<FacetCount>> facets,
    Map<String, Integer> totals, List<ConceptDetector.Detected> concepts, Optional<String> corrected) {

  /**
   * @param id practice id
   * @param score BM25 score (1.0 for every hit of a blank query)
   * @param snippets highlighted passages, one per matching section, in section order, at most three
   */
  public record Hit(String id, float score, List<Snippet> snippets) {}

  /**
   * @param section section key: {@code challenge}, {@code action}, {@code steps}, {@code outcomes} or {@code lessons}
   * @param html the passage, HTML-escaped, with matched words in {@code <mark>} tags
   */
  public record Snippet(String section, String html) {}

  /**
   * @param value concept id, country or place name
   * @param count practices with this value among those matching the query and the other dimensions' filters
   */
  public record FacetCount(String value, int count) {}
}
