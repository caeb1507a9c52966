package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the fusion weights on judged challenges by coordinate ascent on mean nDCG@5 + Recall@5, and estimates
 * how well fitted weights carry to unseen challenges by leave-one-out cross-validation: each
 * challenge is scored with weights fitted on all the others. One weight is fitted per signal
 * family (words, meaning, topics, resemblance), shared by the family's signals: four weights
 * where eleven would fit two dozen challenges too closely (leave-one-out shows it; see the README).
 */
public final class FusionFitter {
  /** Candidate values of each weight. */
  private static final double[] GRID = {0, 0.25, 0.5, 1, 1.5, 2, 3};
  private static final int ROUNDS = 4;

  /**
   * @param weights signal → weight fitted on all challenges
   * @param inSample nDCG@5, Recall@5 and MRR@10 over the challenges with those weights (optimistic)
   * @param crossValidated the same, each challenge scored with weights fitted without it
   */
  public record Fit(Map<String, Double> weights, double[] inSample, double[] crossValidated) {}

  /** Per-challenge scores of every signal, computed once. */
  private record Case(Map<String, double[]> scores, Map<String, Integer> relevant) {}

  private FusionFitter() {}

  public static Fit fit(Recommender recommender, List<Evaluation.Query> queries) {
    List<Case> cases = new ArrayList<>();
    for (Evaluation.Query q : queries) {
      try {
        cases.add(new Case(recommender.scoresBySignal(recommender.challenge(q.challenge()), true), q.relevant()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> signals = recommender.signalNames();
    double[] cv = new double[3];
    for (int i = 0; i < cases.size(); i++) {
      List<Case> train = new ArrayList<>(cases);
      Case held = train.remove(i);
      add(cv, recommender.rank(fit(recommender, signals, train), held.scores(), 10), held.relevant(), cases.size());
    }
    Map<String, Double> weights = fit(recommender, signals, cases);
    double[] inSample = new double[3];
    for (Case c : cases) add(inSample, recommender.rank(weights, c.scores(), 10), c.relevant(), cases.size());
    return new Fit(weights, inSample, cv);
  }

  private static void add(double[] sums, List<String> ranked, Map<String, Integer> relevant, int n) {
    sums[0] += Metrics.ndcg(ranked, relevant, 5) / n;
    sums[1] += Metrics.recall(ranked, relevant, 5) / n;
    sums[2] += Metrics.reciprocalRank(ranked, relevant, 10) / n;
  }

  private static Map<String, Double> fit(Recommender recommender, List<String> signals, List<Case> cases) {
    Map<String, List<String>> families = new LinkedHashMap<>();
    for (String s : signals) families.computeIfAbsent(Reasons.family(s), f -> new ArrayList<>()).add(s);
    Map<String, Double> w = new LinkedHashMap<>();
    for (String s : signals) w.put(s, 1.0);
    double best = objective(recommender, w, cases);
    for (int round = 0; round < ROUNDS; round++) {
      boolean improved = false;
      for (List<String> family : families.values()) {
        double keep = w.get(family.get(0));
        for (double v : GRID) {
          family.forEach(s -> w.put(s, v));
          double o = objective(recommender, w, cases);
          if (o > best + 1e-9) {
            best = o;
            keep = v;
            improved = true;
          }
        }
        double chosen = keep;
        family.forEach(s -> w.put(s, chosen));
      }
      if (!improved) break;
    }
    return w;
  }

  private static double objective(Recommender recommender, Map<String, Double> weights, List<Case> cases) {
    double sum = 0;
    for (Case c : cases) {
      List<String> top = recommender.rank(weights, c.scores(), 5);
      sum += Metrics.ndcg(top, c.relevant(), 5) + Metrics.recall(top, c.relevant(), 5);
    }
    return sum / cases.size();
  }
}
