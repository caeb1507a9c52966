package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** Fitting on challenges written for this test, judged from the fixture practices' titles. */
class FusionFitterTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();

  @Test
  void oneWeightPerSignalFamily() {
    Recommender recommender = Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.fixtureEmbedder());
    List<Evaluation.Query> judged = List.of(
        new Evaluation.Query("t1", "en", "a telephone hotline", Map.of("UA-2", 2)),
        new Evaluation.Query("t2", "en", "visits to saunas and apartments", Map.of("RU-2", 2)),
        new Evaluation.Query("t3", "en", "an internet forum for men", Map.of("RU-4", 2)));
    FusionFitter.Fit fit = FusionFitter.fit(recommender, judged);
    assertEquals(recommender.signalNames(), List.copyOf(fit.weights().keySet()));
    fit.weights().forEach((signal, w) -> fit.weights().forEach((other, v) -> {
      if (Reasons.family(signal).equals(Reasons.family(other))) assertEquals(w, v, signal + " and " + other);
    }));
    assertEquals(1.0, fit.inSample()[2], 1e-9); // each titled practice comes first
    for (double m : fit.crossValidated()) assertTrue(m >= 0 && m <= 1, "metric " + m);
  }
}
