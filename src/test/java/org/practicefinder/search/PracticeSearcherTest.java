package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** BM25 search, filters and drill-sideways facet counts on the fixture manual (eight practices). */
class PracticeSearcherTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final PracticeSearcher SEARCHER = new PracticeSearcher(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()));

  private static Map<String, Integer> counts(SearchResult r, String dim) {
    return r.facets().get(dim).stream().filter(c -> c.count() > 0)
        .collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private static SearchResult filtered(Map<String, List<String>> filters) {
    return SEARCHER.search(new SearchRequest("", filters, 1, 10));
  }

  @Test
  void facetCountsOverTheWholeLibrary() {
    SearchResult all = SEARCHER.search(new SearchRequest("", Map.of(), 1, 100));
    assertEquals(8, all.total());
    assertEquals(List.of("UA-1", "UA-2", "UA-3", "UA-4", "RU-1", "RU-2", "RU-3", "RU-4"), ids(all)); // manual order
    Map<String, Integer> population = counts(all, "population");
    for (String one : List.of("transgender", "migrants", "mothers", "male")) assertEquals(1, population.get(one), one);
    assertEquals(Map.of("Ukraine", 4, "Russia", 4), counts(all, "country"));
    assertEquals(Map.of("Mariupol", 1, "Kyiv", 1, "Lviv", 1, "Odessa", 1, "Kazan", 1, "Saint Petersburg", 1, "Barnaul", 1),
        counts(all, "location"));
    assertEquals(7, all.totals().get("location")); // the national forum has no place
    assertEquals(8, all.totals().get("year"));
  }

  @Test
  void aPracticeTaggedWithAChildCountsUnderItsParent() {
    SearchResult all = SEARCHER.search(new SearchRequest("", Map.of(), 1, 100));
    Map<String, Integer> setting = counts(all, "setting");
    assertEquals(1, setting.get("saunas"));
    assertEquals(1, setting.get("apartments"));
    assertEquals(2, setting.get("indoor")); // RU-2 through its children, once; RU-1 names indoor venues
    for (var r : LIBRARY.records()) {
      List<String> tags = r.tagging().get("setting");
      for (String child : List.of("apartments", "saunas", "bars-clubs", "hotels", "escort")) {
        if (tags.contains(child)) assertTrue(tags.contains("indoor"), r.id() + " " + child);
      }
    }
    assertEquals(List.of("RU-2"), ids(filtered(Map.of("setting", List.of("saunas")))));
    assertEquals(List.of("RU-1", "RU-2"), ids(filtered(Map.of("setting", List.of("indoor")))));
  }

  @Test
  void drillSidewaysKeepsTheSelectedDimensionsOtherValues() {
    SearchResult trans = filtered(Map.of("population", List.of("transgender")));
    assertEquals(List.of("UA-4"), ids(trans));
    Map<String, Integer> population = counts(trans, "population");
    assertEquals(1, population.get("migrants")); // counted as if population were not filtered
    assertEquals(1, population.get("transgender"));
    assertEquals(Map.of("Ukraine", 1), counts(trans, "country")); // other dimensions within the filtered practices
  }

  @Test
  void valuesOfOneDimensionOrDimensionsAnd() {
    assertEquals(List.of("UA-4", "RU-1"), ids(filtered(Map.of("population", List.of("transgender", "migrants")))));
    assertEquals(List.of("RU-1"), ids(filtered(Map.of("population", List.of("transgender", "migrants"), "country", List.of("Russia")))));
  }

  @Test
  void bm25RanksThePracticeAboutTheTopicFirst() {
    SearchResult r = SEARCHER.search(SearchRequest.of("police"));
    assertEquals(List.of("UA-3", "RU-2"), ids(r)); // trainings for the police, before a team that met the police once
    assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
    assertTrue(r.hits().get(0).snippets().get(0).html().contains("<mark>police</mark>"), r.hits().get(0).snippets().toString());
    assertEquals("police", r.concepts().get(0).concept().id());
  }

  @Test
  void domainSynonymsExpandTheQuery() {
    assertEquals(List.of("UA-1"), ids(SEARCHER.search(SearchRequest.of("PWID")))); // the fixture says "inject drugs"
    List<String> british = ids(SEARCHER.search(SearchRequest.of("counselling")));
    assertEquals(List.of("UA-4"), british);
    assertEquals(british, ids(SEARCHER.search(SearchRequest.of("counseling")))); // American spelling finds the British text
  }

  @Test
  void snippetsAreEscapedExceptTheMarks() {
    SearchResult r = SEARCHER.search(SearchRequest.of("course"));
    assertEquals(List.of("UA-3"), ids(r));
    String html = r.hits().get(0).snippets().get(0).html();
    assertTrue(html.contains("<mark>course</mark>, called &quot;Rights &amp; Safety&quot;"), html);
    assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
  }

  @Test
  void negatedWordsAreNotReadAsWantedConcepts() {
    SearchResult r = SEARCHER.search(new SearchRequest("-police", Map.of(), 1, 100));
    assertEquals(List.of("UA-1", "UA-2", "UA-4", "RU-1", "RU-3", "RU-4"), ids(r));
    assertTrue(r.concepts().isEmpty());
    assertEquals(List.of("UA-3"), ids(SEARCHER.search(SearchRequest.of("police -saunas"))));
    assertEquals(7, SEARCHER.search(SearchRequest.of("-сауны")).total()); // through the concept
  }

  @Test
  void aVeryLongQueryIsCutNotAnError() {
    String words = String.join(" ", java.util.stream.IntStream.range(0, 900).mapToObj(i -> "word" + i).toList());
    assertEquals(0, SEARCHER.search(new SearchRequest(words.substring(0, 1000), Map.of(), 1, 10)).total());
  }

  @Test
  void cyrillicQueryFindsEnglishPracticesThroughTheVocabulary() {
    SearchResult r = SEARCHER.search(SearchRequest.of("трансгендерные"));
    assertEquals(List.of("UA-4"), ids(r));
    assertEquals("transgender", r.concepts().get(0).concept().id());
    assertEquals(List.of("UA-3", "RU-2"), ids(SEARCHER.search(SearchRequest.of("militia")))); // no word of the manual: the police concept
  }

  @Test
  void unknownFiltersAreRejected() {
    assertEquals("unknown facet; known: [population, setting, service, partner, organisation-type, country, location, year]",
        assertThrows(IllegalArgumentException.class,
            () -> SEARCHER.search(new SearchRequest("", Map.of("colour", List.of("red")), 1, 10))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SEARCHER.search(new SearchRequest("", Map.of("population", List.of("cats")), 1, 10)));
    assertThrows(IllegalArgumentException.class, () -> new SearchRequest("", Map.of(), 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new SearchRequest("", Map.of(), 1, 101));
    assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x".repeat(1001), Map.of(), 1, 10));
  }
}
