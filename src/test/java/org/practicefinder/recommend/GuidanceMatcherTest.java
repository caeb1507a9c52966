package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * The key gaps and key elements matched to challenges, on the real manual with the real model.
 * The challenges were written for this test (and read to set {@link GuidanceMatcher}'s thresholds);
 * none comes from an evaluation set.
 */
class GuidanceMatcherTest {
  private static Recommender recommender;

  @BeforeAll
  static void load() {
    PracticeLibrary library = TestLibrary.real();
    recommender = Recommender.create(library, new ConceptDetector(library.vocabulary()), TestLibrary.realEmbedder());
  }

  private static List<GuidanceMatcher.Match> match(String challenge) {
    return recommender.recommend(Recommender.Request.of(challenge)).guidance();
  }

  private static List<String> ids(String challenge) {
    return match(challenge).stream().map(m -> m.entry().id()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Sex workers from abroad have no residence permit, so hospitals refuse them treatment without insurance|gap-undocumented-migrants",
      "Мигрантов без документов не лечат в больнице|gap-undocumented-migrants",
      "Clients beat our members and the police will not register their complaints|gap-personal-safety element-personal-safety",
      "Клієнти б'ють жінок, а поліція не приймає заяви|gap-personal-safety",
      "Nobody offers services to men and trans people who sell sex|gap-male-transgender",
      "We want to start an organisation run by sex workers themselves|element-sex-worker-led gap-representation",
      "Many women in saunas inject heroin and share needles|element-harm-reduction",
      "Where can a sex worker get tested for HIV and start treatment|element-counselling-testing",
      "Police confiscate condoms as evidence|gap-personal-safety element-safer-sex element-personal-safety",
      // the last of the next three is loosely related at best (the README says so)
      "Our outreach reaches only the capital, small towns have nothing|gap-coverage gap-male-transgender",
      "The NGO and the state AIDS centre never refer people to each other|gap-integration element-counselling-testing gap-undocumented-migrants",
      "How do we train peer educators to hand out condoms|element-safer-sex element-peer-support gap-stigma"})
  void challengesBringTheGuidanceTheyAreAbout(String challenge, String expected) {
    assertEquals(List.of(expected.split(" ")), ids(challenge));
  }

  @ParameterizedTest
  @CsvSource({"asdf qwerty", "We need to repaint the office and buy new chairs", "The weather was bad all week"})
  void textAboutNothingInTheManualBringsNone(String challenge) {
    assertEquals(List.of(), ids(challenge));
  }

  @Test
  void missesTheReadmeOwns() {
    // the stigma gap is nearest in meaning, but shares no topic and no telling word with the challenge
    assertEquals(List.of(), ids("Nurses at the clinic shame sex workers and refuse to see them"));
    // the compound "секс-работницы-мигрантки" gets no English word for "migrant", so the meaning
    // of the gap (z 0.92) falls short, though its Russian translation shares the topics
    assertEquals(List.of(), ids("Секс-работницы-мигрантки, у которых нет регистрации, не получают лечения в больницах"));
  }

  @Test
  void aRussianChallengeSharesTheRussianWordsOfTheTranslatedGap() {
    GuidanceMatcher.Match m = match("Мигрантов без документов не лечат в больнице").get(0);
    assertEquals(List.of("Мигрантов", "документов", "больнице"), m.words());
    assertEquals(1.0, m.topicShare(), 0.001);
  }

  @Test
  void aMatchSaysWhatItShares() {
    GuidanceMatcher.Match m = match("Sex workers from abroad have no residence permit, so hospitals refuse them "
        + "treatment without insurance").get(0);
    assertEquals(List.of("migrants", "health-professionals"), m.sharedConcepts().stream().map(c -> c.id()).toList());
    assertEquals(List.of("residence", "hospitals", "insurance"), m.words());
    assertEquals(0.88, m.topicShare(), 0.01);
    assertEquals(0.37, m.wordShare(), 0.01);
    assertTrue(m.meaning() >= GuidanceMatcher.MIN_MEANING, "z " + m.meaning());
  }

  @Test
  void aFixtureWithoutGuidanceMatchesNothing() {
    PracticeLibrary fixture = TestLibrary.fixture();
    Recommender r = Recommender.create(fixture, new ConceptDetector(fixture.vocabulary()), TestLibrary.fixtureEmbedder());
    var result = r.recommend(Recommender.Request.of("Night outreach at truck stops with condoms"));
    assertTrue(!result.recommendations().isEmpty());
    assertEquals(List.of(), result.guidance());
  }
}
