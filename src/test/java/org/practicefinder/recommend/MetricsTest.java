package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Map<String, Integer> GRADES = Map.of("A", 2, "B", 1, "C", 1);

  @Test
  void ndcgWithLinearGain() {
    // DCG = 1/log2(2) + 2/log2(3) = 1 + 1.2619; ideal = 2 + 1/log2(3) + 1/log2(4) = 2 + 0.6309 + 0.5
    assertEquals(2.2619 / 3.1309, Metrics.ndcg(List.of("B", "A", "X"), GRADES, 5), 1e-4);
    assertEquals(1.0, Metrics.ndcg(List.of("A", "B", "C"), GRADES, 5), 1e-12);
    assertEquals(0.0, Metrics.ndcg(List.of("X", "Y"), GRADES, 5), 1e-12);
  }

  @Test
  void recallCountsJudgedPracticesInTheTopK() {
    assertEquals(1.0 / 3, Metrics.recall(List.of("X", "A", "Y", "Z", "W", "C", "B"), GRADES, 5), 1e-12);
  }

  @Test
  void reciprocalRankOfTheFirstJudgedPractice() {
    assertEquals(1.0 / 3, Metrics.reciprocalRank(List.of("X", "Y", "C", "A"), GRADES, 10), 1e-12);
    assertEquals(0.0, Metrics.reciprocalRank(List.of("X", "Y", "C"), GRADES, 2), 1e-12);
  }
}
