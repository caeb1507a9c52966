package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** Search in three languages on the real manual and its translations: acronyms, typing errors, places, snippets. */
class MultilingualSearchTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.real();
  private static final PracticeSearcher SEARCHER = new PracticeSearcher(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()));

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void aCyrillicQueryFindsThePracticesInItsLanguageAndThroughTheVocabulary() {
    SearchResult r = SEARCHER.search(SearchRequest.of("трансгендерные"));
    assertEquals(java.util.Set.of("UA-13", "UA-14b", "RU-5"), java.util.Set.copyOf(ids(r)));
    assertEquals("transgender", r.concepts().get(0).concept().id());
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
    // a short Russian word the practices do not use is more likely a real form than a typo: "evidence" stays, not "street"
    assertEquals(java.util.Optional.empty(), SEARCHER.search(SearchRequest.of("улику")).corrected());
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
