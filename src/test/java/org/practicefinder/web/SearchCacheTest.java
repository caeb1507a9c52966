package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicefinder.search.SearchRequest;
import org.practicefinder.taxonomy.Language;

/** What a cached search weighs: the memory it holds, whatever part of the request holds it. */
class SearchCacheTest {
  @Test
  void aSearchWeighsItsJsonAndEveryTextOfItsKey() {
    // exclude takes any text: a URL of 46 KB held 46,000 characters in a key weighed at its 6 KB answer
    // alone; 2,500 such searches grew the live heap of a -Xmx256m server by 105 MB (by 24 MB weighed so)
    SearchRequest excluding = new SearchRequest("police", Map.of(), 1, 10, Set.of("x".repeat(40_000), "sex-workers"), Language.EN);
    assertEquals(2 * (6 + 40_000 + 11) + 6_000, ApiHandlers.weight(excluding, new byte[6_000]));
    SearchRequest filtered = new SearchRequest("", Map.of("setting", List.of("street", "online")), 1, 10);
    assertEquals(2 * (6 + 6) + 100, ApiHandlers.weight(filtered, new byte[100]));
  }
}
