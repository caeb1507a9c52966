package org.practicefinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.practicefinder.index.PracticeLibrary;

/** The real manual, indexed once per test JVM into a temporary folder and shared by the tests. */
public final class TestLibrary {
  public static final Path SEEDS = Path.of("seeds");
  private static PracticeLibrary library;

  private TestLibrary() {}

  public static synchronized PracticeLibrary get() {
    if (library == null) {
      try {
        Path dir = Files.createTempDirectory("pf-index");
        library = PracticeLibrary.open(SEEDS, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return library;
  }
}
