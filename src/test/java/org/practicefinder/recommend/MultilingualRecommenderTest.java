package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/** Challenges in Russian and Ukrainian on the real manual and its translations, with challenges written for these tests. */
class MultilingualRecommenderTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.real();
  private static final Recommender RECOMMENDER =
      Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.realEmbedder());

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

  @Test
  void russianChallengesReachTheEnglishFieldsThroughTheirWordsTranslations() throws java.io.IOException {
    Challenge c = RECOMMENDER.challenge("Нужны юристы, которые помогут в суде");
    assertEquals(Language.RU, c.language());
    assertTrue(c.english().containsAll(List.of("lawyers", "court")), c.english().toString());
    assertEquals("RU-2b", RECOMMENDER.rank(Map.of("bm25-english", 1.0), RECOMMENDER.scoresBySignal(c, true), 1).get(0));
  }
}
