package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** BM25 search, filters and drill-sideways facet counts on the real manual. */
class PracticeSearcherTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.get();
  private static final PracticeSearcher SEARCHER = new PracticeSearcher(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()));

  private static Map<String, Integer> counts(SearchResult r, String dim) {
    return r.facets().get(dim).stream().collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void facetCountsOverTheWholeLibrary() {
    SearchResult all = SEARCHER.search(new SearchRequest("", Map.of(), 1, 100));
    assertEquals(39, all.total());
    Map<String, Integer> population = counts(all, "population");
    assertEquals(Map.of("female", 20, "male", 5, "transgender", 3, "msm", 3, "adolescents", 3,
        "people-who-use-drugs", 12, "migrants", 1, "mothers", 6, "living-with-hiv", 6), population);
    // a practice with two populations counts once in the dimension total: 59 values, 27 practices
    assertEquals(59, population.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(27, all.totals().get("population"));
    assertEquals(Map.of("Ukraine", 19, "Russia", 20), counts(all, "country"));
    assertEquals(8, counts(all, "location").get("Saint Petersburg"));
    assertEquals(2, counts(all, "location").get("Kazan")); // KAZAN and KAZAN, TATARSTAN are one place
  }

  @Test
  void aPracticeTaggedWithAChildCountsUnderItsParent() {
    SearchResult all = SEARCHER.search(new SearchRequest("", Map.of(), 1, 100));
    Map<String, Integer> setting = counts(all, "setting");
    assertEquals(9, setting.get("indoor"));
    assertEquals(1, setting.get("saunas"));
    assertEquals(1, setting.get("apartments"));
    for (var r : LIBRARY.records()) {
      List<String> tags = r.tagging().get("setting");
      for (String child : List.of("apartments", "saunas", "bars-clubs", "hotels", "escort")) {
        if (tags.contains(child)) assertTrue(tags.contains("indoor"), r.id() + " " + child);
      }
    }
    SearchResult saunas = SEARCHER.search(new SearchRequest("", Map.of("setting", List.of("saunas")), 1, 10));
    assertEquals(List.of("RU-8"), ids(saunas));
    assertEquals(14, all.totals().get("setting")); // practices with any setting (a website or a campaign makes none)
  }

  @Test
  void drillSidewaysKeepsTheSelectedDimensionsOtherValues() {
    SearchResult trans = SEARCHER.search(new SearchRequest("", Map.of("population", List.of("transgender")), 1, 10));
    assertEquals(List.of("UA-13", "UA-14b", "RU-5"), ids(trans));
    Map<String, Integer> population = counts(trans, "population");
    assertEquals(20, population.get("female")); // counted as if population were not filtered
    assertEquals(3, population.get("transgender"));
    // other dimensions are counted within the filtered practices
    assertEquals(Map.of("Ukraine", 2, "Russia", 1), counts(trans, "country"));
  }

  @Test
  void valuesOfOneDimensionOrDimensionsAnd() {
    SearchResult or = SEARCHER.search(new SearchRequest("", Map.of("population", List.of("transgender", "migrants")), 1, 10));
    assertEquals(List.of("UA-13", "UA-14b", "RU-5", "RU-6"), ids(or));
    SearchResult and = SEARCHER.search(new SearchRequest("",
        Map.of("population", List.of("transgender", "migrants"), "country", List.of("Russia")), 1, 10));
    assertEquals(List.of("RU-5", "RU-6"), ids(and));
  }

  @Test
  void bm25RanksThePracticeAboutTheTopicFirst() {
    SearchResult r = SEARCHER.search(SearchRequest.of("hotline"));
    assertEquals("RU-3", ids(r).get(0));
    assertEquals("steps", r.hits().get(0).snippets().get(1).section());
    assertTrue(r.hits().get(0).snippets().get(0).html().contains("<mark>hotline</mark>"));
  }

  @Test
  void domainSynonymsExpandTheQuery() {
    // "PWID" is not in the manual; its synonym "people who inject drugs" and "injecting drug users" are
    List<String> pwid = ids(SEARCHER.search(new SearchRequest("PWID", Map.of(), 1, 100)));
    assertEquals(12, pwid.size());
    assertTrue(pwid.contains("UA-6b"), pwid.toString());
    // American spelling finds the British text
    assertEquals(ids(SEARCHER.search(new SearchRequest("counselling", Map.of(), 1, 100))),
        ids(SEARCHER.search(new SearchRequest("counseling", Map.of(), 1, 100))));
  }

  @Test
  void snippetsAreEscapedExceptTheMarks() {
    // UA-15's action quotes "Union of female sex workers" with ASCII quotes
    SearchResult r = SEARCHER.search(SearchRequest.of("Union"));
    assertEquals("UA-15", ids(r).get(0));
    String html = r.hits().get(0).snippets().get(0).html();
    assertTrue(html.contains("&quot;<mark>Union</mark> of female sex workers&quot;"), html);
    assertTrue(!html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
  }

  @Test
  void negatedWordsAreNotReadAsWantedConcepts() {
    SearchResult r = SEARCHER.search(new SearchRequest("-police", Map.of(), 1, 100));
    assertEquals(33, r.total());
    assertTrue(r.concepts().isEmpty());
    assertTrue(!ids(r).contains("UA-4"));
  }

  @Test
  void aVeryLongQueryIsCutNotAnError() {
    String words = String.join(" ", java.util.stream.IntStream.range(0, 900).mapToObj(i -> "word" + i).toList());
    assertEquals(0, SEARCHER.search(new SearchRequest(words.substring(0, 1000), Map.of(), 1, 10)).total());
  }

  @Test
  void cyrillicQueryFindsThePracticesInItsLanguageAndThroughTheVocabulary() {
    SearchResult r = SEARCHER.search(SearchRequest.of("трансгендерные"));
    assertEquals(java.util.Set.of("UA-13", "UA-14b", "RU-5"), java.util.Set.copyOf(ids(r)));
    assertEquals("transgender", r.concepts().get(0).concept().id());
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

  private static java.util.Set<String> all(String query) {
    return java.util.Set.copyOf(ids(SEARCHER.search(new SearchRequest(query, Map.of(), 1, 100))));
  }

  @Test
  void theFieldsAcronymsInAnyLanguageFindWhatTheEnglishOneFinds() {
    assertEquals(25, all("HIV").size());
    assertEquals(all("HIV"), all("ВИЧ"));
    assertEquals(all("HIV"), all("ВІЛ"));
    assertEquals(13, all("AIDS").size());
    assertEquals(all("AIDS"), all("СПИД"));
    assertEquals(all("AIDS"), all("СНІД"));
  }

  @Test
  void legalAidIsNotAids() {
    SearchResult r = SEARCHER.search(new SearchRequest("legal aid", Map.of(), 1, 100));
    for (SearchResult.Hit h : r.hits()) {
      for (SearchResult.Snippet s : h.snippets()) assertTrue(!s.html().toLowerCase().contains("<mark>aids"), h.id() + " " + s.html());
    }
    // "aid" and "AIDS" are different words
    assertTrue(!all("aid").containsAll(all("AIDS")), all("aid").toString());
  }

  @Test
  void typingErrorsFindWhatTheWordFindsAndSaySo() {
    SearchResult polise = SEARCHER.search(new SearchRequest("polise", Map.of(), 1, 100));
    assertEquals(java.util.Optional.of("police"), polise.corrected());
    assertEquals(ids(SEARCHER.search(new SearchRequest("police", Map.of(), 1, 100))), ids(polise));
    assertEquals(java.util.Optional.of("outreach"), SEARCHER.search(SearchRequest.of("outreech")).corrected());
    // a Latin i inside a Ukrainian word is folded, not corrected
    SearchResult latinI = SEARCHER.search(new SearchRequest("поліцiя", Map.of(), 1, 100));
    assertEquals(java.util.Optional.empty(), latinI.corrected());
    assertEquals(all("поліція"), java.util.Set.copyOf(ids(latinI)));
    // words the library knows, in any form, are never corrected
    assertEquals(java.util.Optional.empty(), SEARCHER.search(SearchRequest.of("saunas поліції Харкові")).corrected());
  }

  @Test
  void aPlaceNamedInRussianOrUkrainianFindsItsPractices() {
    assertEquals(java.util.Set.of("RU-14"), all("Уфа"));
    assertTrue(all("Харків").contains("UA-13"));
    assertTrue(all("Харьков").contains("UA-13"));
    assertEquals(java.util.Set.copyOf(ids(SEARCHER.search(new SearchRequest("", Map.of("location", List.of("Kharkiv")), 1, 100)))),
        java.util.Set.of("UA-13"));
  }

  @Test
  void snippetsComeFromTheTextInTheReadersLanguage() {
    SearchResult r = SEARCHER.search(new SearchRequest("поліція", Map.of(), 1, 10, java.util.Set.of(), org.practicefinder.taxonomy.Language.UK));
    assertEquals("UA-4", ids(r).get(0));
    assertTrue(r.hits().get(0).snippets().toString().contains("<mark>поліці"), r.hits().get(0).snippets().toString());
    SearchResult ru = SEARCHER.search(new SearchRequest("приют", Map.of(), 1, 10, java.util.Set.of(), org.practicefinder.taxonomy.Language.RU));
    assertEquals("RU-1", ids(ru).get(0));
    assertTrue(ru.hits().get(0).snippets().toString().contains("<mark>приют"), ru.hits().get(0).snippets().toString());
  }
}
