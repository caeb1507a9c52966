package org.practicefinder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicefinder.eval.Figures;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * The README's quality figures are the expected ones that {@code eval --expect} checks: its tables
 * must be those of {@code src/test/resources/eval/expected-dev.tsv}, and the file must cover every
 * signal the recommender has. (The evaluation itself needs ../shared/eval, which CI does not have.)
 */
class ReadmeFiguresTest {
  static final Path EXPECTED = Path.of("src", "test", "resources", "eval", "expected-dev.tsv");

  @Test
  void qualityTablesAreTheExpectedFigures() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Quality\n");
    int end = readme.indexOf("\n## ", start + 1);
    String quality = readme.substring(start, end < 0 ? readme.length() : end);
    String expected = Figures.read(EXPECTED).markdown();
    assertEquals(tables(expected), tables(quality), "README's Quality tables differ from " + EXPECTED + ", whose tables are:\n" + expected);
  }

  @Test
  void expectedFiguresCoverEverySignalAndBothFusions() throws IOException {
    Recommender recommender = Recommender.create(TestLibrary.real(), new ConceptDetector(TestLibrary.real().vocabulary()),
        TestLibrary.realEmbedder());
    Set<String> systems = new LinkedHashSet<>(recommender.signalNames());
    systems.addAll(List.of("fused", "fused-loo"));
    Set<String> inFile = new LinkedHashSet<>();
    Figures.read(EXPECTED).figures().stream().filter(f -> !f.system().equals(Figures.TAGGER)).forEach(f -> inFile.add(f.system()));
    assertEquals(systems, inFile);
  }

  /** @return each Markdown table of the text (consecutive lines starting with "|"), in order */
  private static List<String> tables(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    for (String line : (text + "\n").split("\n", -1)) {
      if (line.startsWith("|")) table.append(line).append('\n');
      else if (!table.isEmpty()) {
        out.add(table.toString());
        table.setLength(0);
      }
    }
    return out;
  }
}
