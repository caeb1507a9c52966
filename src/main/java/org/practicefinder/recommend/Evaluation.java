package org.practicefinder.recommend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicefinder.eval.Figures.Figure;

/**
 * Measures the recommender on judged challenge sets ({@code challenges-*.json}): nDCG@5, Recall@5
 * and MRR@10 of each signal alone, of the fusion ({@code fused}, the shipped weights) and of the
 * fusion with weights refitted without the challenge's need ({@code fused-loo}), per set and language.
 */
public final class Evaluation {
  /** A language with fewer challenges than this in a set is pooled with the other small ones ("ru/uk"). */
  static final int MIN_GROUP = 5;
  /** Rankings are cut here: MRR@10 looks deepest. */
  private static final int DEPTH = 10;

  /**
   * A judged challenge.
   *
   * @param id the challenge's id in its set
   * @param lang language code: {@code en}, {@code ru}, {@code uk}, {@code en-short} …
   * @param relevant practice id → grade (2 directly addresses, 1 partly)
   * @param need the id of the challenge this one rephrases ({@code source} in the file), else its own id
   */
  public record Query(String id, String lang, String challenge, Map<String, Integer> relevant, String need) {
    public Query(String id, String lang, String challenge, Map<String, Integer> relevant) {
      this(id, lang, challenge, relevant, id);
    }

    /** @return whether this is a rephrasing of another challenge (a variant) rather than an original */
    public boolean isVariant() {
      return !need.equals(id);
    }
  }

  /** The challenges of one file, with the language group of each. */
  public record JudgedSet(String name, List<Query> queries, Map<Query, String> groups) {}

  private Evaluation() {}

  /**
   * @return the set, named after the file without {@code .json}
   * @throws IOException if the file cannot be read; malformed JSON throws Gson's JsonParseException
   */
  public static JudgedSet load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
      List<Query> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("queries")) {
        JsonObject q = e.getAsJsonObject();
        Map<String, Integer> rel = new LinkedHashMap<>();
        q.getAsJsonObject("relevant").entrySet().forEach(x -> rel.put(x.getKey(), x.getValue().getAsInt()));
        String id = q.get("id").getAsString();
        out.add(new Query(id, q.get("lang").getAsString(), q.get("challenge").getAsString(), rel,
            q.has("source") ? q.get("source").getAsString() : id));
      }
      return of(file.getFileName().toString().replaceFirst("\\.json$", ""), out);
    }
  }

  /** @return the set with its groups: one per language, languages with fewer than {@link #MIN_GROUP} challenges pooled */
  public static JudgedSet of(String name, List<Query> queries) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    queries.forEach(q -> counts.merge(q.lang(), 1, Integer::sum));
    String pooled = String.join("/", counts.entrySet().stream().filter(e -> e.getValue() < MIN_GROUP).map(Map.Entry::getKey).sorted().toList());
    Map<Query, String> groups = new LinkedHashMap<>();
    for (Query q : queries) groups.put(q, counts.get(q.lang()) < MIN_GROUP ? pooled : q.lang());
    return new JudgedSet(name, List.copyOf(queries), groups);
  }

  /**
   * Ranks every challenge of the sets by each signal, by the fusion, and by the fusion refitted
   * without the challenge's need (leave-one-out over the original challenges: see {@link FusionFitter}).
   *
   * @return the figures, set by set, group by group, system by system
   */
  public static List<Figure> run(Recommender recommender, List<JudgedSet> sets) {
    List<Query> all = sets.stream().flatMap(s -> s.queries().stream()).toList();
    Map<Query, Map<String, double[]>> scores = scores(recommender, all);
    Map<Query, Map<String, List<String>>> rankings = new LinkedHashMap<>();
    scores.forEach((q, byName) -> {
      Map<String, List<String>> r = new LinkedHashMap<>();
      for (String signal : byName.keySet()) r.put(signal, recommender.rank(Map.of(signal, 1.0), byName, DEPTH));
      r.put("fused", recommender.rank(recommender.weights(), byName, DEPTH));
      rankings.put(q, r);
    });
    if (all.stream().anyMatch(q -> !q.isVariant())) { // variants alone: nothing to refit the weights on
      FusionFitter.fit(recommender, scores).leaveOneOut().forEach((q, ranked) -> rankings.get(q).put("fused-loo", ranked));
    }
    return figures(sets, rankings);
  }

  /** Weights fitted on all the original challenges, and the figures of the fusion with them ({@code fused-refit}). */
  public record Refit(Map<String, Double> weights, List<Figure> figures) {}

  /** @return the weights {@link FusionFitter} fits on the sets' original challenges, and the in-sample figures */
  public static Refit refit(Recommender recommender, List<JudgedSet> sets) {
    List<Query> all = sets.stream().flatMap(s -> s.queries().stream()).toList();
    FusionFitter.Fit fit = FusionFitter.fit(recommender, scores(recommender, all));
    Map<Query, Map<String, List<String>>> rankings = new LinkedHashMap<>();
    fit.inSample().forEach((q, ranked) -> rankings.put(q, Map.of("fused-refit", ranked)));
    return new Refit(fit.weights(), figures(sets, rankings));
  }

  /** @return every signal's scores for each challenge, computed once */
  static Map<Query, Map<String, double[]>> scores(Recommender recommender, List<Query> queries) {
    Map<Query, Map<String, double[]>> out = new LinkedHashMap<>();
    try {
      for (Query q : queries) out.put(q, recommender.scoresBySignal(recommender.challenge(q.challenge()), true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * @param rankings challenge → system → practice ids, best first; a system missing for any
   *     challenge of a group is not reported for that group
   * @return mean nDCG@5, Recall@5 and MRR@10 per set, group and system
   */
  static List<Figure> figures(List<JudgedSet> sets, Map<Query, Map<String, List<String>>> rankings) {
    List<Figure> out = new ArrayList<>();
    for (JudgedSet set : sets) {
      List<String> groups = set.groups().values().stream().distinct().toList();
      for (String group : groups) {
        List<Query> qs = set.queries().stream().filter(q -> set.groups().get(q).equals(group)).toList();
        for (String system : rankings.get(qs.get(0)).keySet()) {
          if (!qs.stream().allMatch(q -> rankings.get(q).containsKey(system))) continue;
          double n = 0, r = 0, m = 0;
          for (Query q : qs) {
            List<String> ranked = rankings.get(q).get(system);
            n += Metrics.ndcg(ranked, q.relevant(), 5);
            r += Metrics.recall(ranked, q.relevant(), 5);
            m += Metrics.reciprocalRank(ranked, q.relevant(), 10);
          }
          out.add(new Figure(set.name(), group, system, "nDCG@5", n / qs.size()));
          out.add(new Figure(set.name(), group, system, "Recall@5", r / qs.size()));
          out.add(new Figure(set.name(), group, system, "MRR@10", m / qs.size()));
        }
      }
    }
    return out;
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
}
