package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/** Single signals on the fixture manual, with challenges written for these tests. */
class SignalTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final ConceptDetector DETECTOR = new ConceptDetector(LIBRARY.vocabulary());

  private static double[] scores(Signal signal, String challenge) throws IOException {
    return signal.score(new Challenge(challenge, DETECTOR.detect(challenge)));
  }

  private static double score(double[] scores, String id) {
    return scores[LIBRARY.record(id).orElseThrow().order()];
  }

  private static List<String> positive(double[] s) {
    List<String> out = new ArrayList<>();
    for (PracticeRecord r : LIBRARY.records()) if (s[r.order()] > 0) out.add(r.id());
    return out;
  }

  @Test
  void conceptsWeighHowOftenAPracticeNamesTheConcept() throws IOException {
    double[] s = scores(new ConceptSignal(LIBRARY), "Police officers harass us");
    assertEquals(List.of("UA-3", "RU-2"), positive(s)); // the two practices tagged police
    // UA-3 is about trainings for the police; RU-2 met the police once
    assertTrue(score(s, "UA-3") > 1.5 * score(s, "RU-2"), score(s, "UA-3") + " vs " + score(s, "RU-2"));
  }

  @Test
  void aChildConceptCreditsPracticesWithOnlyItsParentByHalf() throws IOException {
    double[] saunas = scores(new ConceptSignal(LIBRARY), "saunas");
    double[] indoor = scores(new ConceptSignal(LIBRARY), "indoor venues");
    List<String> parentOnly = new ArrayList<>();
    for (PracticeRecord r : LIBRARY.records()) {
      boolean tagged = r.tagging().get("setting").contains("saunas");
      boolean onlyParent = !tagged && r.tagging().get("setting").contains("indoor");
      if (onlyParent) {
        assertEquals(indoor[r.order()] / 2, saunas[r.order()], 1e-9, r.id());
        parentOnly.add(r.id());
      }
      if (!tagged && !onlyParent) assertEquals(0, saunas[r.order()], r.id());
    }
    assertEquals(List.of("RU-1"), parentOnly); // volunteers visit indoor venues; no sauna named
    assertTrue(score(saunas, "RU-2") > score(saunas, "RU-1"));
  }

  @Test
  void aLongChallengeNamingEveryTopicStaysWithinLuceneClauseLimit() throws IOException {
    StringBuilder text = new StringBuilder();
    for (var c : LIBRARY.vocabulary().concepts()) {
      if (text.length() + c.label(Language.EN).length() > 3900) break;
      text.append(c.label(Language.EN)).append(". ");
    }
    Challenge challenge = new Challenge(text.toString(), DETECTOR.detect(text.toString()));
    assertTrue(challenge.concepts().size() > 40, "concepts " + challenge.concepts().size());
    var twoFields = Map.of(Fields.TEXT, 1f, Fields.TITLE, 2f);
    double[] s = new LexicalSignal(LIBRARY, "bm25-expanded", twoFields, true).score(challenge); // threw TooManyClauses before the budget
    assertEquals(8, positive(s).size());
  }

  @Test
  void vocabularyTermsExpandTheWordsOfTheChallenge() throws IOException {
    LexicalSignal plain = new LexicalSignal(LIBRARY, "bm25", Map.of(Fields.TEXT, 1f), false);
    LexicalSignal expanded = new LexicalSignal(LIBRARY, "bm25-expanded", Map.of(Fields.TEXT, 1f), true);
    String challenge = "a helpline for sex workers"; // the fixture says "hotline"
    assertEquals(0, score(scores(plain, "a helpline"), "UA-2"));
    assertTrue(score(scores(expanded, challenge), "UA-2") > score(scores(plain, challenge), "UA-2"));
    double[] s = scores(expanded, challenge);
    assertEquals("UA-2", LIBRARY.records().stream()
        .max(Comparator.comparingDouble((PracticeRecord r) -> s[r.order()])).orElseThrow().id());
  }
}
