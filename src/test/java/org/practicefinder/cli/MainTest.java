package org.practicefinder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.practicefinder.web.ServerConfig;
import picocli.CommandLine;

/** The command line without a command serves as {@code serve} does, and every command answers {@code --help}. */
class MainTest {
  @Test
  void noCommandServesWithServesDefaults() {
    ServerConfig bare = Main.serveWithDefaults().config();
    CommandLine cli = new CommandLine(new Main());
    cli.parseArgs("serve");
    ServerConfig serve = ((Main.Serve) cli.getSubcommands().get("serve").getCommand()).config();
    assertEquals(serve, bare);
    assertEquals(Duration.ofSeconds(10), bare.idleTimeout());
    assertEquals(Duration.ofSeconds(10), bare.bodyTimeout());
    assertEquals(Duration.ofSeconds(10), bare.stopTimeout());
  }

  @Test
  void optionsOfServeReachItsConfig() {
    CommandLine cli = new CommandLine(new Main());
    cli.parseArgs("serve", "--port", "4630", "--idle-timeout", "3");
    ServerConfig config = ((Main.Serve) cli.getSubcommands().get("serve").getCommand()).config();
    assertEquals(4630, config.port());
    assertEquals(Duration.ofSeconds(3), config.idleTimeout());
    assertEquals(Duration.ofSeconds(10), config.bodyTimeout());
  }

  @Test
  void everyCommandAnswersHelp() {
    for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
      CommandLine cli = new CommandLine(new Main());
      StringWriter out = new StringWriter();
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(command, "--help"), command);
      assertTrue(out.toString().startsWith("Usage: practice-finder " + command), out.toString());
    }
  }
}
