package org.practicefinder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate} checks practice files against the format and the manual's ids, without an index. */
class ValidateCommandTest {
  private static String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertEquals(expectedExit, new CommandLine(new Main()).execute(args));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void goodFilesPassAndAManualIdIsTaken(@TempDir Path dir) throws Exception {
    Path good = Path.of("src/test/resources/practices/probes.json");
    String ok = run(0, "validate", "--seeds", "seeds", good.toString());
    assertEquals("ok: " + good + " (3 practices: UA-night-route-kryvyi-rih, RU-chat-outreach-novosibirsk, "
        + "UA-pregnant-women-harm-reduction)\n", ok.replace("\r", ""));

    Path clash = dir.resolve("clash.json");
    Files.writeString(clash, "[{\"id\": \"UA-4\", \"title\": \"t\", \"organisation\": \"o\", \"country\": \"Ukraine\","
        + " \"sections\": {\"challenge\": \"c\", \"action\": \"a\"}}]");
    String refused = run(1, "validate", "--seeds", "seeds", clash.toString());
    assertTrue(refused.contains("error: " + clash + ": record 1 (id UA-4), field id: the id is already in the library"), refused);
  }
}
