package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.ConceptDetector;

/** Single signals on the real manual, with challenges written for these tests. */
class SignalTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.get();
  private static final ConceptDetector DETECTOR = new ConceptDetector(LIBRARY.vocabulary());

  private static double[] scores(Signal signal, String challenge) throws IOException {
    return signal.score(new Challenge(challenge, DETECTOR.detect(challenge)));
  }

  private static double score(double[] scores, String id) {
    return scores[LIBRARY.record(id).orElseThrow().order()];
  }

  @Test
  void conceptsWeighHowOftenAPracticeNamesTheConcept() throws IOException {
    double[] s = scores(new ConceptSignal(LIBRARY), "a helpline for sex workers");
    List<String> scored = new ArrayList<>();
    for (PracticeRecord r : LIBRARY.records()) if (s[r.order()] > 0) scored.add(r.id());
    assertEquals(List.of("UA-12", "RU-3"), scored); // the two practices tagged hotline
    // RU-3 is about its hotline; UA-12 names one among its services
    assertTrue(score(s, "RU-3") > 1.5 * score(s, "UA-12"), score(s, "RU-3") + " vs " + score(s, "UA-12"));
  }

  @Test
  void aChildConceptCreditsPracticesWithOnlyItsParentByHalf() throws IOException {
    double[] saunas = scores(new ConceptSignal(LIBRARY), "saunas");
    double[] indoor = scores(new ConceptSignal(LIBRARY), "indoor venues");
    int parentOnlyCount = 0;
    for (PracticeRecord r : LIBRARY.records()) {
      boolean tagged = r.tagging().get("setting").contains("saunas");
      boolean parentOnly = !tagged && r.tagging().get("setting").contains("indoor");
      if (parentOnly) {
        assertEquals(indoor[r.order()] / 2, saunas[r.order()], 1e-9, r.id());
        parentOnlyCount++;
      }
      if (!tagged && !parentOnly) assertEquals(0, saunas[r.order()], r.id());
    }
    assertEquals(8, parentOnlyCount);
  }

  @Test
  void aLongChallengeNamingEveryTopicStaysWithinLuceneClauseLimit() throws IOException {
    StringBuilder text = new StringBuilder();
    for (var c : LIBRARY.vocabulary().concepts()) {
      if (text.length() + c.label(org.practicefinder.taxonomy.Language.EN).length() > 3900) break;
      text.append(c.label(org.practicefinder.taxonomy.Language.EN)).append(". ");
    }
    Challenge challenge = new Challenge(text.toString(), DETECTOR.detect(text.toString()));
    assertTrue(challenge.concepts().size() > 40, "concepts " + challenge.concepts().size());
    var twoFields = java.util.Map.of(org.practicefinder.index.Fields.TEXT, 1f, org.practicefinder.index.Fields.TITLE, 2f);
    double[] s = new LexicalSignal(LIBRARY, "bm25-expanded", twoFields, true).score(challenge); // threw TooManyClauses before the budget
    assertEquals(39, java.util.Arrays.stream(s).filter(x -> x > 0).count());
  }

  @Test
  void vocabularyTermsExpandTheWordsOfTheChallenge() throws IOException {
    LexicalSignal plain = new LexicalSignal(LIBRARY, "bm25", java.util.Map.of(org.practicefinder.index.Fields.TEXT, 1f), false);
    LexicalSignal expanded = new LexicalSignal(LIBRARY, "bm25-expanded", java.util.Map.of(org.practicefinder.index.Fields.TEXT, 1f), true);
    String challenge = "a helpline for sex workers"; // the manual says "hotline" and "hot-line", never "helpline"
    assertTrue(score(scores(expanded, challenge), "RU-3") > score(scores(plain, challenge), "RU-3"));
    double[] s = scores(expanded, challenge);
    List<String> top2 = LIBRARY.records().stream()
        .sorted(java.util.Comparator.comparingDouble((PracticeRecord r) -> -s[r.order()])).limit(2).map(PracticeRecord::id).sorted().toList();
    assertEquals(List.of("RU-3", "UA-12"), top2); // the two practices with a hotline
  }
}
