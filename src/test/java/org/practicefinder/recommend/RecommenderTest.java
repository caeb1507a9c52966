package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/** The fused recommender on the real manual, with challenges written for these tests (not the eval sets). */
class RecommenderTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.get();
  private static final Recommender RECOMMENDER =
      Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.embedder());

  private static List<String> top(String challenge, int n) {
    return RECOMMENDER.recommend(new Recommender.Request(challenge, Map.of(), n, Set.of(), Language.EN))
        .recommendations().stream().map(Recommender.Recommendation::id).toList();
  }

  @Test
  void englishChallenges() {
    assertEquals("RU-3", top("Our outreach team wants to open a telephone hotline", 1).get(0));
    assertEquals("RU-18", top("Pregnant sex workers need an obstetrician who does not judge them", 1).get(0));
  }

  @Test
  void russianAndUkrainianChallengesFindEnglishPractices() {
    assertTrue(top("Мигрантки из Средней Азии боятся обращаться к врачам", 3).contains("RU-6"));
    assertEquals("UA-14b", top("Трансгендерним секс-працівницям потрібна підтримка", 1).get(0));
  }

  @Test
  void eachResultSaysWhy() {
    Recommender.Result result = RECOMMENDER.recommend(Recommender.Request.of("Our outreach team wants to open a telephone hotline"));
    Recommender.Recommendation first = result.recommendations().get(0);
    Evidence e = first.evidence().orElseThrow();
    assertTrue(e.terms().contains("hotline"), e.terms().toString());
    assertTrue(e.html().contains("<mark>hotline</mark>"), e.html());
    assertTrue(first.why().startsWith("Offers: Hotline — you mentioned “hotline”"), first.why());
    assertTrue(first.why().contains("; Uses your words: ") && first.why().contains("hotline"), first.why());
    assertTrue(first.signals().containsKey("bm25-expanded"));
    assertTrue(first.score() > 0.5 && first.score() <= 1.0, "score " + first.score());
    assertTrue(result.concepts().stream().anyMatch(d -> d.concept().id().equals("hotline")));
  }

  @Test
  void reasonsComeInTheRequestedLanguage() {
    Recommender.Recommendation first = RECOMMENDER.recommend(new Recommender.Request(
        "Нужен телефон доверия, работающий по ночам", Map.of(), 1, Set.of(), Language.RU)).recommendations().get(0);
    assertEquals("RU-3", first.id());
    assertTrue(first.why().startsWith("Что делает: Горячая линия (вы написали «телефон доверия»)"), first.why());
  }

  @Test
  void excludedConceptsAreNotUsed() {
    Recommender.Result withConcept = RECOMMENDER.recommend(Recommender.Request.of("transgender"));
    assertEquals("transgender", withConcept.concepts().get(0).concept().id());
    Recommender.Result without = RECOMMENDER.recommend(
        new Recommender.Request("transgender", Map.of(), 10, Set.of("transgender"), Language.EN));
    assertTrue(without.concepts().isEmpty());
  }

  @Test
  void filtersRestrictTheResults() {
    List<String> ids = RECOMMENDER.recommend(new Recommender.Request("violence against sex workers",
        Map.of("country", List.of("Russia")), 10, Set.of(), Language.EN)).recommendations().stream()
        .map(Recommender.Recommendation::id).toList();
    assertFalse(ids.isEmpty());
    assertTrue(ids.stream().allMatch(id -> id.startsWith("RU-")), ids.toString());
  }

  @Test
  void aChallengeWithNoKnownWordGetsNoAnswer() {
    assertEquals(List.of(), top("asdfgh qwerty", 5));
  }

  @Test
  void similarPracticesExcludeTheOneAsked() {
    List<Recommender.Recommendation> similar = RECOMMENDER.similar("RU-11a", 3, Language.EN);
    assertEquals(3, similar.size());
    assertEquals("RU-11b", similar.get(0).id()); // the same organisation's other MSM practice
    assertFalse(similar.stream().anyMatch(r -> r.id().equals("RU-11a")));
  }

  @Test
  void badRequestsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Recommender.Request.of(" "));
    assertThrows(IllegalArgumentException.class, () -> Recommender.Request.of("x".repeat(4001)));
    assertThrows(IllegalArgumentException.class, () -> new Recommender.Request("x", Map.of(), 0, Set.of(), Language.EN));
    assertThrows(java.util.NoSuchElementException.class, () -> RECOMMENDER.similar("UA-99", 3, Language.EN));
  }

  private static Recommender.Result recommend(String challenge, Language lang) {
    return RECOMMENDER.recommend(new Recommender.Request(challenge, Map.of(), 3, Set.of(), lang));
  }

  @Test
  void aRussianAndAUkrainianChallengeAboutDifferentThingsGetDifferentPractices() {
    List<String> shelter = recommend("Нам нужен кризисный приют для женщин, переживших насилие", Language.RU)
        .recommendations().stream().map(Recommender.Recommendation::id).toList();
    List<String> pregnant = recommend("Як залучити гінекологів до роботи з вагітними секс-працівницями", Language.UK)
        .recommendations().stream().map(Recommender.Recommendation::id).toList();
    assertEquals("RU-1", shelter.get(0)); // the crisis shelter
    assertEquals("RU-18", pregnant.get(0)); // obstetric care for sex workers
    assertTrue(java.util.Collections.disjoint(shelter.subList(0, 2), pregnant.subList(0, 2)), shelter + " " + pregnant);
  }

  @Test
  void reasonsAndEvidenceComeInTheReadersLanguageWithTheReadersWords() {
    Recommender.Recommendation ru = recommend("Нам нужен кризисный приют для женщин, переживших насилие", Language.RU)
        .recommendations().get(0);
    assertTrue(ru.why().startsWith("Что делает: Кризисная помощь и убежище (вы написали «приют»); "), ru.why());
    assertTrue(ru.why().endsWith("; В тексте есть ваши слова: кризисный"), ru.why());
    assertEquals("Кризисный приют и услуги для секс-работников", ru.evidence().orElseThrow().sentence());
    assertEquals(List.of("кризисный", "приют"), ru.evidence().orElseThrow().words());
    // the same challenge for an English reader: the English text, the reader's own words named
    Recommender.Recommendation en = recommend("Нам нужен кризисный приют для женщин, переживших насилие", Language.EN)
        .recommendations().get(0);
    assertEquals("RU-1", en.id());
    assertTrue(en.why().startsWith("Offers: Crisis support and shelter — you mentioned “приют”"), en.why());
    assertTrue(en.evidence().orElseThrow().words().stream().allMatch(w -> w.matches("[\\p{IsCyrillic} ,-]+")), en.evidence().toString());
  }

  @Test
  void aTypingErrorInAChallengeIsCorrectedAndSaid() {
    Recommender.Result r = RECOMMENDER.recommend(Recommender.Request.of("Our outreech team needs a telephone hotline"));
    assertEquals(java.util.Optional.of("Our outreach team needs a telephone hotline"), r.corrected());
    assertEquals("RU-3", r.recommendations().get(0).id());
  }
}
