package org.practicefinder.recommend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the recommender on a judged challenge set ({@code challenges-*.json}): nDCG@5, Recall@5
 * and MRR@10 for each signal alone and for the fusion, English and Russian/Ukrainian apart.
 */
public final class Evaluation {
  /** A judged challenge: language code, text, practice id → grade. */
  public record Query(String id, String lang, String challenge, Map<String, Integer> relevant) {}

  /** Mean metrics of one system on one language group. */
  public record Row(String system, String group, int queries, double ndcg5, double recall5, double mrr10) {}

  private Evaluation() {}

  /** @throws IOException if the file cannot be read; malformed JSON throws Gson's JsonParseException */
  public static List<Query> load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
      List<Query> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("queries")) {
        JsonObject q = e.getAsJsonObject();
        Map<String, Integer> rel = new LinkedHashMap<>();
        q.getAsJsonObject("relevant").entrySet().forEach(x -> rel.put(x.getKey(), x.getValue().getAsInt()));
        out.add(new Query(q.get("id").getAsString(), q.get("lang").getAsString(), q.get("challenge").getAsString(), rel));
      }
      return out;
    }
  }

  /** @return one row per system (each signal, then {@code fused}) and group ({@code en}, {@code ru/uk}) */
  public static List<Row> run(Recommender recommender, List<Query> queries) {
    List<String> systems = new ArrayList<>(recommender.signalNames());
    systems.add("fused");
    Map<Query, Map<String, List<String>>> rankings = new LinkedHashMap<>();
    for (Query q : queries) rankings.put(q, recommender.rankAll(q.challenge(), 10)); // signals computed once per query
    List<Row> rows = new ArrayList<>();
    for (String system : systems) {
      for (String group : List.of("en", "ru/uk")) {
        List<Query> qs = queries.stream().filter(q -> group.equals("en") == q.lang().equals("en")).toList();
        double n = 0, r = 0, m = 0;
        for (Query q : qs) {
          List<String> ranked = rankings.get(q).get(system);
          n += Metrics.ndcg(ranked, q.relevant(), 5);
          r += Metrics.recall(ranked, q.relevant(), 5);
          m += Metrics.reciprocalRank(ranked, q.relevant(), 10);
        }
        int c = Math.max(1, qs.size());
        rows.add(new Row(system, group, qs.size(), n / c, r / c, m / c));
      }
    }
    return rows;
  }

  /**
   * @return one line per challenge whose fused top 5 misses a judged practice: its Recall@5, then
   *     each missed practice as id (grade) at its fused rank among all 39
   */
  public static List<String> misses(Recommender recommender, List<Query> queries) {
    List<String> out = new ArrayList<>();
    for (Query q : queries) {
      List<String> ranked = recommender.rankAll(q.challenge(), Recommender.MAX_SIZE).get("fused");
      StringBuilder line = new StringBuilder();
      q.relevant().forEach((id, grade) -> {
        int rank = ranked.indexOf(id) + 1;
        if (grade > 0 && (rank == 0 || rank > 5)) line.append(' ').append(id).append(" (").append(grade).append(") at ").append(rank == 0 ? "-" : rank);
      });
      if (!line.isEmpty()) {
        out.add(String.format(java.util.Locale.ROOT, "%s %s R@5 %.2f, missed:%s", q.id(), q.lang(), Metrics.recall(ranked, q.relevant(), 5), line));
      }
    }
    return out;
  }

  /** @return the rows as a Markdown table, systems down, metrics across, en then ru/uk */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder("| system | en nDCG@5 | en R@5 | en MRR@10 | ru/uk nDCG@5 | ru/uk R@5 | ru/uk MRR@10 |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    Map<String, List<Row>> bySystem = new LinkedHashMap<>();
    rows.forEach(r -> bySystem.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r));
    bySystem.forEach((system, rs) -> {
      out.append("| ").append(system);
      for (Row r : rs) out.append(String.format(java.util.Locale.ROOT, " | %.2f | %.2f | %.2f", r.ndcg5(), r.recall5(), r.mrr10()));
      out.append(" |\n");
    });
    return out.toString();
  }
}
