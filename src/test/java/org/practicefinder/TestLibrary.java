package org.practicefinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.practicefinder.embed.Embedder;
import org.practicefinder.embed.EmbeddingModelChoice;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.web.ApiServer;
import org.practicefinder.web.SiteSettings;

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

  /** A new server of the shared library on a free port, with the default site settings; close it after. */
  public static ApiServer startServer() {
    return startServer(SiteSettings.DEFAULTS);
  }

  /** A new server of the shared library on a free port, with {@code settings}; close it after. */
  public static ApiServer startServer(SiteSettings settings) {
    PracticeLibrary lib = get();
    ConceptDetector detector = new ConceptDetector(lib.vocabulary());
    return new ApiServer(lib, new PracticeSearcher(lib, detector), Recommender.create(lib, detector, embedder()), 0, settings);
  }
}
