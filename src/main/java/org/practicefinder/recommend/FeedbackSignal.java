package org.practicefinder.recommend;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;

/**
 * Pseudo-relevance feedback: takes the practices that the given first-stage signals rank highest,
 * and scores every practice by the mean cosine of its embedding with theirs, so practices that
 * resemble the best matches rise even when they share no words with the challenge.
 */
final class FeedbackSignal implements Signal {
  private final PracticeLibrary library;
  private final List<Signal> firstStage;
  private final int depth;

  /** @param depth how many of the first stage's best practices to take as relevant */
  FeedbackSignal(PracticeLibrary library, List<Signal> firstStage, int depth) {
    this.library = library;
    this.firstStage = List.copyOf(firstStage);
    this.depth = depth;
  }

  @Override
  public String name() {
    return "feedback";
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    List<PracticeRecord> records = library.records();
    int n = records.size();
    double[] first = new double[n];
    for (Signal s : firstStage) {
      double[] v = challenge.scores(s);
      double max = IntStream.range(0, n).mapToDouble(i -> v[i]).max().orElse(0);
      if (max > 0) for (int i = 0; i < n; i++) first[i] += v[i] / max;
    }
    List<Integer> top = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -first[i])).limit(depth).toList();
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      float[] v = library.practiceVector(records.get(i));
      for (int t : top) sum += SentenceSignal.cosines(v, List.of(library.practiceVector(records.get(t))))[0];
      scores[i] = Math.max(0, sum / top.size());
    }
    return scores;
  }
}
