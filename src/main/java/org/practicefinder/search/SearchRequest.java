package org.practicefinder.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.practicefinder.taxonomy.Language;

/**
 * A search: free text plus facet filters, paged.
 *
 * @param query free text, any characters; blank lists every practice that passes the filters
 * @param filters dimension → values; values of one dimension combine with OR, dimensions with AND
 * @param page 1-based page number
 * @param size hits per page
 * @param excludedConcepts ids of concepts detected in the query that the user removed
 * @param language the reader's language: snippets come from the practices' text in it where they are translated
 * @param spelling true to spell words the library knows in no form as the practices spell them; false
 *     to search for exactly what was typed
 */
public record SearchRequest(String query, Map<String, List<String>> filters, int page, int size, Set<String> excludedConcepts,
    Language language, boolean spelling) {
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** Longer text is a paste, not a query; recommend takes long challenges. */
  public static final int MAX_QUERY_CHARS = 1000;

  /**
   * @throws IllegalArgumentException if page &lt; 1, size is not in 1..100, or the query is longer
   *     than 1000 characters or has control characters
   */
  public SearchRequest {
    Objects.requireNonNull(query);
    QueryFactory.requireTypedText("q", query);
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("q is longer than " + MAX_QUERY_CHARS + " characters");
    }
    if (page < 1) throw new IllegalArgumentException("page must be 1 or more");
    if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    filters.forEach((dim, values) -> {
      if (!values.isEmpty()) copy.put(dim, List.copyOf(values));
    });
    filters = java.util.Collections.unmodifiableMap(copy);
    excludedConcepts = Set.copyOf(excludedConcepts);
    Objects.requireNonNull(language);
  }

  /** A request whose unknown words are spelled as the practices spell them. */
  public SearchRequest(String query, Map<String, List<String>> filters, int page, int size, Set<String> excludedConcepts,
      Language language) {
    this(query, filters, page, size, excludedConcepts, language, true);
  }

  /** A request that keeps every detected concept, for an English reader. */
  public SearchRequest(String query, Map<String, List<String>> filters, int page, int size) {
    this(query, filters, page, size, Set.of(), Language.EN);
  }

  /** @return a first-page request with no filters */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), 1, DEFAULT_SIZE);
  }
}
