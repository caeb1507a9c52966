package org.practicefinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.practicefinder.embed.Embedder;
import org.practicefinder.embed.EmbeddingModelChoice;
import org.practicefinder.index.PracticeLibrary;

/**
 * The real manual, indexed into {@code target/test-index} and shared by the tests. The index is
 * reused while its fingerprint matches (as in serving), and {@code mvn clean} removes it.
 */
public final class TestLibrary {
  public static final Path SEEDS = Path.of("seeds");
  private static final Path INDEX = Path.of("target", "test-index");
  private static PracticeLibrary library;
  private static Embedder embedder;

  private TestLibrary() {}

  /** The default embedding model, loaded once. */
  public static synchronized Embedder embedder() {
    if (embedder == null) embedder = new Embedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
    return embedder;
  }

  public static synchronized PracticeLibrary get() {
    if (library == null) {
      try {
        library = PracticeLibrary.open(SEEDS, INDEX, embedder());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return library;
  }
}
