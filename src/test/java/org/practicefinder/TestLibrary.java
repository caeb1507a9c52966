package org.practicefinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.practicefinder.embed.Embedder;
import org.practicefinder.embed.EmbeddingModelChoice;
import org.practicefinder.embed.FakeEmbeddingModel;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.search.WordLists;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.web.ApiServer;
import org.practicefinder.web.SiteSettings;

/**
 * The libraries the tests share. Unit tests use {@link #fixture()}: the eight practices of
 * {@code src/test/resources/fixture-seeds} with {@link FakeEmbeddingModel}, indexed in well under a
 * second. End-to-end tests use {@link #real()}: the manual in {@code seeds/} with the real model,
 * indexed into {@code target/test-index} and reused while its fingerprint holds.
 */
public final class TestLibrary {
  public static final Path SEEDS = Path.of("seeds");
  public static final Path FIXTURE_SEEDS = Path.of("src", "test", "resources", "fixture-seeds");
  private static PracticeLibrary real;
  private static Embedder realEmbedder;
  private static PracticeLibrary fixture;
  private static Embedder fixtureEmbedder;

  private TestLibrary() {}

  /** The default embedding model, loaded once. */
  public static synchronized Embedder realEmbedder() {
    if (realEmbedder == null) realEmbedder = EmbeddingModelChoice.BGE_SMALL_EN_V15.load();
    return realEmbedder;
  }

  /** The real manual with real embeddings. */
  public static synchronized PracticeLibrary real() {
    if (real == null) {
      real = open(SEEDS, Path.of("target", "test-index"), realEmbedder());
      WordLists.loaded().join(); // spelling on the real library is tested with its dictionaries, not in their loading window
    }
    return real;
  }

  /** The fake model of the fixture library. */
  public static synchronized Embedder fixtureEmbedder() {
    if (fixtureEmbedder == null) fixtureEmbedder = FakeEmbeddingModel.embedder();
    return fixtureEmbedder;
  }

  /** The fixture manual with fake embeddings. */
  public static synchronized PracticeLibrary fixture() {
    if (fixture == null) fixture = open(FIXTURE_SEEDS, Path.of("target", "fixture-index"), fixtureEmbedder());
    return fixture;
  }

  private static PracticeLibrary open(Path seeds, Path index, Embedder embedder) {
    try {
      return PracticeLibrary.open(seeds, index, embedder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new server of the real library on a free port, with the default settings; close it after. */
  public static ApiServer startServer() {
    return startServer(SiteSettings.DEFAULTS);
  }

  /** A new server of the shared library on a free port, with {@code settings}; close it after. */
  public static ApiServer startServer(SiteSettings settings) {
    PracticeLibrary lib = real();
    ConceptDetector detector = new ConceptDetector(lib.vocabulary());
    return new ApiServer(lib, new PracticeSearcher(lib, detector), Recommender.create(lib, detector, realEmbedder()), 0, settings);
  }
}
