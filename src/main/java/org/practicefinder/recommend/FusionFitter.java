package org.practicefinder.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the fusion weights on judged challenges by coordinate ascent on mean nDCG@5 + Recall@5, and estimates
 * how well fitted weights carry to unseen challenges by leave-one-out cross-validation. Weights are
 * fitted on the original challenges only, never on their variants (rephrasings in other languages or
 * words); in leave-one-out each need (an original challenge and its variants) is ranked with weights
 * fitted on the other originals. Only the weights are refitted: design choices made on the same
 * challenges (vocabulary, slop, stop words, the signals themselves) stay as they are. One weight
 * is fitted per signal family (words, meaning, topics, resemblance), shared by the family's
 * signals: four weights where twelve would fit two dozen challenges too closely.
 */
public final class FusionFitter {
  /** Candidate values of each weight. */
  private static final double[] GRID = {0, 0.25, 0.5, 1, 1.5, 2, 3};
  private static final int ROUNDS = 4;
  private static final int DEPTH = 10;

  /**
   * @param weights signal → weight fitted on all original challenges
   * @param inSample challenge → practice ids (top 10) by the fusion with those weights (optimistic)
   * @param leaveOneOut challenge → practice ids (top 10) by the fusion with weights fitted without its need
   */
  public record Fit(Map<String, Double> weights, Map<Evaluation.Query, List<String>> inSample,
      Map<Evaluation.Query, List<String>> leaveOneOut) {}

  /** Per-challenge scores of every signal, computed once. */
  private record Case(Map<String, double[]> scores, Map<String, Integer> relevant) {}

  private FusionFitter() {}

  /** @throws IllegalArgumentException if no challenge is an original */
  public static Fit fit(Recommender recommender, List<Evaluation.Query> queries) {
    return fit(recommender, Evaluation.scores(recommender, queries));
  }

  /** @param scores challenge → signal → scores, as {@link Evaluation#scores} gives them */
  static Fit fit(Recommender recommender, Map<Evaluation.Query, Map<String, double[]>> scores) {
    List<Evaluation.Query> originals = scores.keySet().stream().filter(q -> !q.isVariant()).toList();
    if (originals.isEmpty()) throw new IllegalArgumentException("no original challenge to fit the weights on");
    List<String> signals = recommender.signalNames();
    Map<Evaluation.Query, List<String>> loo = new LinkedHashMap<>();
    for (String need : originals.stream().map(Evaluation.Query::need).distinct().toList()) {
      List<Case> train = originals.stream().filter(q -> !q.need().equals(need)).map(q -> new Case(scores.get(q), q.relevant())).toList();
      Map<String, Double> w = fit(recommender, signals, train);
      scores.forEach((q, s) -> {
        if (q.need().equals(need)) loo.put(q, recommender.rank(w, s, DEPTH));
      });
    }
    Map<String, Double> weights = fit(recommender, signals, originals.stream().map(q -> new Case(scores.get(q), q.relevant())).toList());
    Map<Evaluation.Query, List<String>> inSample = new LinkedHashMap<>();
    scores.forEach((q, s) -> inSample.put(q, recommender.rank(weights, s, DEPTH)));
    return new Fit(weights, inSample, loo);
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
