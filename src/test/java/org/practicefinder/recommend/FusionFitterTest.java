package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.ConceptDetector;

/** Fitting on challenges written for this test, judged from the fixture practices' titles. */
class FusionFitterTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final Recommender RECOMMENDER =
      Recommender.create(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()), TestLibrary.fixtureEmbedder());

  @Test
  void oneWeightPerSignalFamily() {
    List<Evaluation.Query> judged = List.of(
        new Evaluation.Query("t1", "en", "a telephone hotline", Map.of("UA-2", 2)),
        new Evaluation.Query("t2", "en", "visits to saunas and apartments", Map.of("RU-2", 2)),
        new Evaluation.Query("t3", "en", "an internet forum for men", Map.of("RU-4", 2)));
    FusionFitter.Fit fit = FusionFitter.fit(RECOMMENDER, judged);
    assertEquals(RECOMMENDER.signalNames(), List.copyOf(fit.weights().keySet()));
    fit.weights().forEach((signal, w) -> fit.weights().forEach((other, v) -> {
      if (Reasons.family(signal).equals(Reasons.family(other))) assertEquals(w, v, signal + " and " + other);
    }));
    for (Evaluation.Query q : judged) { // each titled practice comes first with the fitted weights
      assertEquals(1.0, Metrics.reciprocalRank(fit.inSample().get(q), q.relevant(), 10), q.id());
    }
    assertEquals(judged, List.copyOf(fit.leaveOneOut().keySet()));
  }

  @Test
  void variantsAreRankedButNeverFittedOn() {
    Evaluation.Query original = new Evaluation.Query("t1", "en", "a telephone hotline", Map.of("UA-2", 2));
    Evaluation.Query other = new Evaluation.Query("t2", "en", "an internet forum for men", Map.of("RU-4", 2));
    Evaluation.Query variant = new Evaluation.Query("t1-ru", "ru", "телефон доверия", Map.of("UA-2", 2), "t1");
    FusionFitter.Fit fit = FusionFitter.fit(RECOMMENDER, List.of(original, other, variant));
    FusionFitter.Fit withoutVariant = FusionFitter.fit(RECOMMENDER, List.of(original, other));
    assertEquals(withoutVariant.weights(), fit.weights());
    assertEquals(List.of(original, other, variant), List.copyOf(fit.inSample().keySet()));
    // left out together with its original: the fold that ranks it was fitted on t2 alone
    assertEquals(List.of(original, variant, other), List.copyOf(fit.leaveOneOut().keySet()));
    assertEquals(withoutVariant.leaveOneOut().get(original), fit.leaveOneOut().get(original));
  }
}
