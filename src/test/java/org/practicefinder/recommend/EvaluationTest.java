package org.practicefinder.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.eval.Figures.Figure;

/** Grouping and averaging, on rankings given by hand (no recommender). */
class EvaluationTest {
  private static Evaluation.Query q(String id, String lang, String need) {
    return new Evaluation.Query(id, lang, "text " + id, Map.of("A", 2, "B", 1), need);
  }

  @Test
  void smallLanguagesArePooledAndVariantsKeepTheirNeed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("challenges-t.json");
    StringBuilder json = new StringBuilder("{\"queries\": [");
    for (int i = 0; i < 5; i++) json.append("{\"id\": \"e").append(i).append("\", \"lang\": \"en\", \"challenge\": \"c\", \"relevant\": {\"A\": 2}},");
    json.append("{\"id\": \"r\", \"lang\": \"ru\", \"challenge\": \"c\", \"relevant\": {\"A\": 1}},");
    json.append("{\"id\": \"e0-uk\", \"source\": \"e0\", \"lang\": \"uk\", \"challenge\": \"c\", \"relevant\": {\"A\": 2}}]}");
    Files.writeString(dir.resolve("challenges-t.json"), json);
    Evaluation.JudgedSet set = Evaluation.load(file);
    assertEquals("challenges-t", set.name());
    assertEquals(List.of("en", "en", "en", "en", "en", "ru/uk", "ru/uk"), List.copyOf(set.groups().values()));
    Evaluation.Query variant = set.queries().get(6);
    assertEquals("e0", variant.need());
    assertEquals(true, variant.isVariant());
    assertEquals(false, set.queries().get(0).isVariant());
  }

  @Test
  void meansPerGroupAndSystem() {
    List<Evaluation.Query> qs = new ArrayList<>();
    for (int i = 0; i < 5; i++) qs.add(q("e" + i, "en", "e" + i));
    qs.add(q("r", "ru", "r"));
    Evaluation.JudgedSet set = Evaluation.of("challenges-t", qs);
    Map<Evaluation.Query, Map<String, List<String>>> rankings = new java.util.LinkedHashMap<>();
    for (Evaluation.Query x : qs) {
      // bm25 finds both judged practices for e0 only; fused always puts B, then A
      List<String> bm25 = x.id().equals("e0") ? List.of("A", "B") : List.of("X", "Y", "Z", "W", "V", "U", "A");
      rankings.put(x, x.id().equals("r") ? Map.of("bm25", bm25) : Map.of("bm25", bm25, "fused", List.of("B", "A")));
    }
    List<Figure> figures = Evaluation.figures(List.of(set), rankings);
    Map<String, Double> byKey = new java.util.TreeMap<>();
    figures.forEach(f -> byKey.put(f.group() + " " + f.system() + " " + f.metric(), f.value()));
    assertEquals(0.2, byKey.get("en bm25 Recall@5"), 1e-6); // figures keep six decimals
    assertEquals((1 + 4 * (1.0 / 7)) / 5, byKey.get("en bm25 MRR@10"), 1e-6);
    assertEquals(0.2, byKey.get("en bm25 nDCG@5"), 1e-6);
    assertEquals(1.0, byKey.get("en fused Recall@5"), 1e-6);
    // linear gain: (1 + 2/log2 3) / (2 + 1/log2 3)
    assertEquals((1 + 2 / (Math.log(3) / Math.log(2))) / (2 + 1 / (Math.log(3) / Math.log(2))), byKey.get("en fused nDCG@5"), 1e-6);
    assertEquals(0.0, byKey.get("ru bm25 Recall@5"), 1e-6); // one ru challenge in a set of its own: a group of one
    assertEquals(false, byKey.containsKey("ru fused Recall@5")); // not ranked for ru: not reported
    assertEquals(9, figures.size());
  }
}
