package org.practicefinder.recommend;

import java.util.List;
import java.util.Map;

/**
 * Ranking metrics as defined in the evaluation set's README: graded relevance (2 directly
 * addresses, 1 partly), linear gain.
 */
public final class Metrics {
  private Metrics() {}

  /** @return nDCG@k: DCG of the ranking over DCG of the ideal ordering of the judged grades; 0 if none judged */
  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += grades.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** @return share of judged (grade ≥ 1) practices in the top k; 0 if none judged */
  public static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
    long judged = grades.values().stream().filter(g -> g > 0).count();
    if (judged == 0) return 0;
    long found = ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) > 0).count();
    return (double) found / judged;
  }

  /** @return 1/rank of the first judged practice within the top k, 0 if none */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> grades, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) > 0) return 1.0 / (i + 1);
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
