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

/**
 * The fused recommender on the fixture manual with the fake embedding model, with challenges
 * written for these tests. The real model on the real manual: {@code web.EndToEndTest}.
 */
class RecommenderTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final Recommender RECOMMENDER =
      Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.fixtureEmbedder());

  private static List<String> top(String challenge, int n) {
    return RECOMMENDER.recommend(new Recommender.Request(challenge, Map.of(), n, Set.of(), Language.EN))
        .recommendations().stream().map(Recommender.Recommendation::id).toList();
  }

  @Test
  void englishChallenges() {
    assertEquals("UA-2", top("A helpline people can call at night", 1).get(0));
    assertEquals("RU-2", top("Outreach staff cannot get into the saunas where women work", 1).get(0));
  }

  @Test
  void russianAndUkrainianChallengesFindEnglishPractices() {
    assertEquals("RU-1", top("Мигрантки боятся идти в поликлинику", 1).get(0));
    assertEquals("UA-4", top("Трансгендерні жінки уникають лікарів", 1).get(0));
  }

  @Test
  void eachResultSaysWhy() {
    Recommender.Result result = RECOMMENDER.recommend(Recommender.Request.of("A helpline people can call at night"));
    Recommender.Recommendation first = result.recommendations().get(0);
    assertEquals("UA-2", first.id());
    assertEquals(List.of("hotline"), first.sharedConcepts().stream().map(c -> c.id()).toList());
    assertEquals("Offers: Hotline — you mentioned “helpline”; Uses your words: call, night", first.why());
    assertTrue(first.signals().containsKey("concepts"));
    assertTrue(first.score() > 0.5 && first.score() <= 1.0, "score " + first.score());
    assertEquals(List.of("hotline"), result.concepts().stream().map(d -> d.concept().id()).toList());
  }

  @Test
  void matchedWordsAreMarkedInTheEvidence() {
    Recommender.Recommendation first = RECOMMENDER.recommend(Recommender.Request.of("Police raided the saunas")).recommendations().get(0);
    assertEquals("RU-2", first.id());
    Evidence e = first.evidence().orElseThrow();
    assertTrue(e.html().contains("<mark>raided</mark>"), e.html());
    assertTrue(e.html().contains("<mark>raids</mark>"), e.html());
    // the person's own word, once, though the sentence has two forms of it
    assertTrue(first.why().endsWith("; Uses your words: raided"), first.why());
  }

  @Test
  void reasonsComeInTheRequestedLanguage() {
    Recommender.Recommendation hotline = RECOMMENDER.recommend(new Recommender.Request(
        "телефон доверия для секс-работниц", Map.of(), 3, Set.of(), Language.RU)).recommendations().stream()
        .filter(r -> r.id().equals("UA-2")).findFirst().orElseThrow();
    assertTrue(hotline.why().startsWith("Что делает: Горячая линия (вы написали «телефон доверия»)"), hotline.why());
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
    List<String> ids = RECOMMENDER.recommend(new Recommender.Request("Police raided the saunas",
        Map.of("country", List.of("Russia")), 10, Set.of(), Language.EN)).recommendations().stream()
        .map(Recommender.Recommendation::id).toList();
    assertEquals("RU-2", ids.get(0));
    assertTrue(ids.stream().allMatch(id -> id.startsWith("RU-")), ids.toString());
  }

  @Test
  void aChallengeWithNoKnownWordGetsNoAnswer() {
    assertEquals(List.of(), top("asdfgh qwerty", 5));
  }

  @Test
  void similarPracticesExcludeTheOneAsked() {
    List<Recommender.Recommendation> similar = RECOMMENDER.similar("RU-2", 3, Language.EN);
    assertEquals(3, similar.size());
    assertEquals("UA-3", similar.get(0).id()); // the other practice working with the police
    assertEquals("In common: Police and law enforcement; Close in meaning to this practice", similar.get(0).why());
    assertFalse(similar.stream().anyMatch(r -> r.id().equals("RU-2")));
  }

  @Test
  void aLongChallengeIsEmbeddedOnlyUpToItsFirstParagraph() {
    String sentence = "Outreach workers meet women at the highway at night. ";
    String paragraph = Challenge.head(sentence.repeat(60), Challenge.EMBEDDED_CHARS);
    assertTrue(paragraph.length() <= Challenge.EMBEDDED_CHARS && paragraph.length() > Challenge.EMBEDDED_CHARS - 10);
    assertTrue(sentence.repeat(60).startsWith(paragraph + " "), "cut inside a word"); // whole words only
    assertEquals("x".repeat(Challenge.EMBEDDED_CHARS), Challenge.head("x".repeat(3000), Challenge.EMBEDDED_CHARS)); // no space: cut anyway
    String emoji = "😀".repeat(600); // no cut inside a surrogate pair
    assertEquals("😀".repeat(Challenge.EMBEDDED_CHARS / 2), Challenge.head(emoji, Challenge.EMBEDDED_CHARS + 1));
  }

  @Test
  void badRequestsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Recommender.Request.of(" "));
    assertThrows(IllegalArgumentException.class, () -> Recommender.Request.of("x".repeat(4001)));
    assertThrows(IllegalArgumentException.class, () -> new Recommender.Request("x", Map.of(), 0, Set.of(), Language.EN));
    assertThrows(java.util.NoSuchElementException.class, () -> RECOMMENDER.similar("UA-99", 3, Language.EN));
  }
}
