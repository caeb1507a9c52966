package org.practicefinder.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluation figures (set, group, system, metric → value) and the file of expected ones that
 * {@code eval --expect} checks, as Anserini's regression files do. The file is tab-separated UTF-8:
 * {@code #} comment lines, one {@code tolerance} line, a header, then one figure a line, e.g.
 * {@code challenges-dev	en	fused	nDCG@5	0.831234}. The README's quality tables are {@link #markdown()}
 * of that file.
 */
public final class Figures {
  /** Metrics of a ranking, in the order tables show them. */
  public static final List<String> RANKING_METRICS = List.of("nDCG@5", "Recall@5", "MRR@10");
  /** Metrics of tagging against judged facets. */
  public static final List<String> TAGGING_METRICS = List.of("precision", "recall", "F1", "TP", "FP", "FN");
  /** The system of tagging figures (the other systems are the recommender's signals and fusions). */
  public static final String TAGGER = "tagger";
  /** Allowed difference between an expected and a measured figure unless the file says otherwise. */
  public static final double DEFAULT_TOLERANCE = 0.001;
  /** Decimals kept in the file. */
  public static final int DECIMALS = 6;
  private static final String HEADER = "set\tgroup\tsystem\tmetric\tvalue";
  private static final Set<String> COUNTS = Set.of("TP", "FP", "FN");

  /**
   * One figure.
   *
   * @param set the judged file's name without {@code .json}, e.g. {@code challenges-dev}
   * @param group a language ({@code en}, {@code ru/uk} …) or a facet dimension
   * @param system a signal, {@code fused}, {@code fused-loo} or {@link #TAGGER}
   * @param metric one of {@link #RANKING_METRICS} or {@link #TAGGING_METRICS}
   */
  public record Figure(String set, String group, String system, String metric, double value) {
    /** Rounds the value to the file's {@value Figures#DECIMALS} decimals, so that measured and recorded figures print alike. */
    public Figure {
      value = Math.round(value * Math.pow(10, DECIMALS)) / Math.pow(10, DECIMALS);
    }

    String key() {
      return set + " " + group + " " + system + " " + metric;
    }
  }

  private final List<Figure> figures;
  private final double tolerance;

  public Figures(List<Figure> figures, double tolerance) {
    this.figures = List.copyOf(figures);
    this.tolerance = tolerance;
    Set<String> keys = new LinkedHashSet<>();
    for (Figure f : figures) {
      if (!keys.add(f.key())) throw new IllegalArgumentException("figure given twice: " + f.key());
    }
  }

  public List<Figure> figures() {
    return figures;
  }

  /** @return the largest difference {@link #compare} lets pass */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line, if a line is malformed or a figure repeats
   */
  public static Figures read(Path file) throws IOException {
    List<Figure> out = new ArrayList<>();
    double tolerance = DEFAULT_TOLERANCE;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) continue;
      String[] f = line.split("\t", -1);
      try {
        if (f.length == 2 && f[0].equals("tolerance")) tolerance = Double.parseDouble(f[1]);
        else if (f.length == 5) out.add(new Figure(f[0], f[1], f[2], f[3], Double.parseDouble(f[4])));
        else throw new IllegalArgumentException("expected 5 tab-separated fields, found " + f.length);
      } catch (IllegalArgumentException e) { // NumberFormatException too
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Figures(out, tolerance);
  }

  /** Writes the figures with {@code comment} (one or more lines) above them. */
  public void write(Path file, String comment) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String c : comment.split("\n")) out.append("# ").append(c).append('\n');
    out.append(String.format(Locale.ROOT, "tolerance\t%s%n", tolerance)).append(HEADER).append('\n');
    for (Figure f : figures) {
      out.append(String.join("\t", f.set(), f.group(), f.system(), f.metric(), format(f, DECIMALS))).append('\n');
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  /**
   * @return one line per difference between these (expected) figures and the measured ones: a
   *     value off by more than the tolerance, an expected figure not measured, a measured figure not
   *     expected; empty when they agree
   */
  public List<String> compare(Figures measured) {
    Map<String, Figure> got = new LinkedHashMap<>();
    measured.figures.forEach(f -> got.put(f.key(), f));
    List<String> out = new ArrayList<>();
    for (Figure want : figures) {
      Figure have = got.remove(want.key());
      if (have == null) out.add(want.key() + ": expected " + format(want, DECIMALS) + ", not measured");
      else if (Math.abs(have.value() - want.value()) > tolerance + 1e-12) {
        out.add(String.format(Locale.ROOT, "%s: expected %s, measured %s (%+.6f)", want.key(), format(want, DECIMALS),
            format(have, DECIMALS), have.value() - want.value()));
      }
    }
    got.values().forEach(f -> out.add(f.key() + ": measured " + format(f, DECIMALS) + ", not in the expected figures"));
    return out;
  }

  /**
   * @return Markdown tables, two decimals: for ranking figures one table per metric (systems down,
   *     set and group across), for tagging figures one table per set (dimensions down, metrics across)
   */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    List<Figure> ranking = figures.stream().filter(f -> !f.system().equals(TAGGER)).toList();
    for (String set : distinct(figures.stream().filter(f -> f.system().equals(TAGGER)).map(Figure::set).toList())) {
      out.append("| dimension | ").append(String.join(" | ", TAGGING_METRICS)).append(" |\n|---|")
          .append("---|".repeat(TAGGING_METRICS.size())).append('\n');
      List<Figure> ofSet = figures.stream().filter(f -> f.set().equals(set) && f.system().equals(TAGGER)).toList();
      for (String dimension : distinct(ofSet.stream().map(Figure::group).toList())) {
        out.append("| ").append(dimension);
        for (String metric : TAGGING_METRICS) out.append(" | ").append(cell(ofSet, set, dimension, TAGGER, metric));
        out.append(" |\n");
      }
      out.append('\n');
    }
    List<String> columns = distinct(ranking.stream().map(f -> f.set() + "\t" + f.group()).toList());
    for (String metric : RANKING_METRICS) {
      if (ranking.stream().noneMatch(f -> f.metric().equals(metric))) continue;
      out.append("| ").append(metric);
      for (String c : columns) out.append(" | ").append(c.replaceFirst("^challenges-", "").replace('\t', ' '));
      out.append(" |\n|---|").append("---|".repeat(columns.size())).append('\n');
      for (String system : distinct(ranking.stream().map(Figure::system).toList())) {
        out.append("| ").append(system);
        for (String c : columns) {
          String[] sg = c.split("\t");
          out.append(" | ").append(cell(ranking, sg[0], sg[1], system, metric));
        }
        out.append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(List<Figure> figures, String set, String group, String system, String metric) {
    return figures.stream()
        .filter(f -> f.set().equals(set) && f.group().equals(group) && f.system().equals(system) && f.metric().equals(metric))
        .findFirst().map(f -> format(f, 2)).orElse("–");
  }

  private static String format(Figure f, int decimals) {
    return COUNTS.contains(f.metric()) ? String.valueOf(Math.round(f.value()))
        : String.format(Locale.ROOT, "%." + decimals + "f", f.value());
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
