package org.practicefinder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.eval.Figures.Figure;

class FiguresTest {
  private static final List<Figure> SOME = List.of(
      new Figure("facets-x", "population", Figures.TAGGER, "precision", 0.9),
      new Figure("facets-x", "population", Figures.TAGGER, "TP", 12),
      new Figure("challenges-x", "en", "bm25", "nDCG@5", 0.61234),
      new Figure("challenges-x", "ru/uk", "bm25", "nDCG@5", 0.5),
      new Figure("challenges-x", "en", "fused", "nDCG@5", 0.8),
      new Figure("challenges-x-variants", "ru", "fused", "nDCG@5", 0.555));

  @Test
  void writesAndReadsBack(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("expected.tsv");
    new Figures(SOME, 0.002).write(file, "two\ncomment lines");
    List<String> lines = Files.readAllLines(file);
    assertEquals(List.of("# two", "# comment lines", "tolerance\t0.002", "set\tgroup\tsystem\tmetric\tvalue",
        "facets-x\tpopulation\ttagger\tprecision\t0.900000", "facets-x\tpopulation\ttagger\tTP\t12"), lines.subList(0, 6));
    Figures back = Figures.read(file);
    assertEquals(0.002, back.tolerance());
    assertEquals(6, back.figures().size());
    assertEquals(0.61234, back.figures().get(2).value()); // six decimals kept
    assertEquals(List.of(), back.compare(new Figures(SOME, 0.002)));
  }

  @Test
  void valuesKeepSixDecimalsSoThatTablesOfMeasuredAndRecordedFiguresAgree() {
    Figure measured = new Figure("s", "g", "bm25", "nDCG@5", 0.45499996);
    assertEquals(0.455, measured.value()); // as the file keeps it
    assertEquals("| nDCG@5 | s g |\n|---|---|\n| bm25 | 0.46 |\n\n", new Figures(List.of(measured), 0.001).markdown());
  }

  @Test
  void comparisonListsEveryDifferenceBeyondTheTolerance() {
    Figures expected = new Figures(SOME.subList(2, 5), 0.001);
    Figures measured = new Figures(List.of(
        new Figure("challenges-x", "en", "bm25", "nDCG@5", 0.6133), // within 0.001
        new Figure("challenges-x", "ru/uk", "bm25", "nDCG@5", 0.4),
        new Figure("challenges-x", "en", "feedback", "nDCG@5", 0.7)), 0.001);
    assertEquals(List.of(
        "challenges-x ru/uk bm25 nDCG@5: expected 0.500000, measured 0.400000 (-0.100000)",
        "challenges-x en fused nDCG@5: expected 0.800000, not measured",
        "challenges-x en feedback nDCG@5: measured 0.700000, not in the expected figures"), expected.compare(measured));
  }

  @Test
  void markdownHasATableForTaggingAndOnePerRankingMetric() {
    assertEquals("""
        | dimension | precision | recall | F1 | TP | FP | FN |
        |---|---|---|---|---|---|---|
        | population | 0.90 | – | – | 12 | – | – |

        | nDCG@5 | x en | x ru/uk | x-variants ru |
        |---|---|---|---|
        | bm25 | 0.61 | 0.50 | – |
        | fused | 0.80 | – | 0.56 |

        """, new Figures(SOME, 0.001).markdown());
  }

  @Test
  void badFilesNameTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "# c\nset\tgroup\tsystem\tmetric\tvalue\nchallenges-x\ten\tbm25\tnDCG@5\tlots\n");
    assertEquals(file + " line 3: For input string: \"lots\"",
        assertThrows(IllegalArgumentException.class, () -> Figures.read(file)).getMessage());
    Files.writeString(file, "challenges-x\ten\tbm25\t0.5\n");
    assertEquals(file + " line 1: expected 5 tab-separated fields, found 4",
        assertThrows(IllegalArgumentException.class, () -> Figures.read(file)).getMessage());
    Files.writeString(file, "a\tb\tc\td\t1\na\tb\tc\td\t2\n");
    assertEquals("figure given twice: a b c d", assertThrows(IllegalArgumentException.class, () -> Figures.read(file)).getMessage());
  }
}
