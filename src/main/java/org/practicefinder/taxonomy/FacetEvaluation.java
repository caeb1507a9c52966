package org.practicefinder.taxonomy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.practicefinder.eval.Figures;
import org.practicefinder.eval.Figures.Figure;

/**
 * Measures tagging against judged facets ({@code facets-*.json}: practice id → dimension →
 * concept ids): micro-averaged precision, recall and F1 per dimension.
 */
public final class FacetEvaluation {
  /**
   * @param errors readable differences, e.g. {@code UA-3 +online -street} (+ assigned but not judged, - judged but missed)
   */
  public record Row(String dimension, int truePositives, int falsePositives, int falseNegatives, List<String> errors) {
    public double precision() {
      return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
      return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision(), r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private FacetEvaluation() {}

  /** @return the rows as figures of {@code set}: precision, recall, F1 and the counts, per dimension */
  public static List<Figure> figures(String set, List<Row> rows) {
    List<Figure> out = new ArrayList<>();
    for (Row r : rows) {
      double[] values = {r.precision(), r.recall(), r.f1(), r.truePositives(), r.falsePositives(), r.falseNegatives()};
      for (int i = 0; i < values.length; i++) {
        out.add(new Figure(set, r.dimension(), Figures.TAGGER, Figures.TAGGING_METRICS.get(i), values[i]));
      }
    }
    return out;
  }

  /** @return practice id → dimension → judged concept ids */
  public static Map<String, Map<String, Set<String>>> load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> p : JsonParser.parseReader(r).getAsJsonObject().entrySet()) {
        Map<String, Set<String>> dims = new LinkedHashMap<>();
        JsonObject o = p.getValue().getAsJsonObject();
        for (Map.Entry<String, JsonElement> d : o.entrySet()) {
          Set<String> ids = new HashSet<>();
          d.getValue().getAsJsonArray().forEach(x -> ids.add(x.getAsString()));
          dims.put(d.getKey(), ids);
        }
        out.put(p.getKey(), dims);
      }
      return out;
    }
  }

  /**
   * Compares assigned with judged concepts, on the judged dimensions. Only concepts of the
   * judgement's own level count: a judged {@code indoor} is met by {@code indoor}, which the tagger
   * also assigns through a child; children not judged are left out.
   *
   * @param assigned practice id → dimension → assigned concept ids
   */
  public static List<Row> run(Map<String, Map<String, Set<String>>> judged,
      Function<String, Map<String, Set<String>>> assigned, Vocabulary vocabulary) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    judged.forEach((id, dims) -> dims.forEach((dim, want) -> {
      Set<String> got = new HashSet<>(assigned.apply(id).getOrDefault(dim, Set.of()));
      got.removeIf(c -> vocabulary.concept(c).flatMap(Concept::parent).isPresent());
      int[] c = counts.computeIfAbsent(dim, k -> new int[3]);
      StringBuilder err = new StringBuilder();
      for (String g : got) {
        if (want.contains(g)) c[0]++;
        else {
          c[1]++;
          err.append(" +").append(g);
        }
      }
      for (String w : want) {
        if (!got.contains(w)) {
          c[2]++;
          err.append(" -").append(w);
        }
      }
      if (err.length() > 0) errors.computeIfAbsent(dim, k -> new ArrayList<>()).add(id + err);
    }));
    List<Row> rows = new ArrayList<>();
    counts.forEach((dim, c) -> rows.add(new Row(dim, c[0], c[1], c[2], errors.getOrDefault(dim, List.of()))));
    return rows;
  }
}
