package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** Fitting on challenges written for this test, judged from the practices' titles. */
class FusionFitterTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.get();

  @Test
  void oneWeightPerSignalFamily() {
    Recommender recommender = Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.embedder());
    List<Evaluation.Query> judged = List.of(
        new Evaluation.Query("t1", "en", "a telephone hotline", Map.of("RU-3", 2)),
        new Evaluation.Query("t2", "en", "a magazine written by sex workers", Map.of("UA-5a", 2, "UA-9", 2)),
        new Evaluation.Query("t3", "en", "taxi drivers", Map.of("RU-7", 2)));
    FusionFitter.Fit fit = FusionFitter.fit(recommender, judged);
    assertEquals(recommender.signalNames(), List.copyOf(fit.weights().keySet()));
    fit.weights().forEach((signal, w) -> fit.weights().forEach((other, v) -> {
      if (Reasons.family(signal).equals(Reasons.family(other))) assertEquals(w, v, signal + " and " + other);
    }));
    assertEquals(1.0, fit.inSample()[2], 1e-9); // each titled practice comes first
    for (double m : fit.crossValidated()) assertTrue(m >= 0 && m <= 1, "metric " + m);
  }
}
