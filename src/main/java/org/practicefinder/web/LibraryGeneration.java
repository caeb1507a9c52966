package org.practicefinder.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * One version of everything the API answers from, never changed once made: the library, its searcher
 * and recommender, and the handlers with their response caches. A reload makes a new generation and
 * swaps it in ({@link Generations}); each request uses the one generation it started with, so its
 * answer is wholly of one version, and caches and ETags follow the version. Reference-counted: the
 * last request of a generation swapped out closes its library, if the generation owns it.
 */
public final class LibraryGeneration {
  /** The build (version and time) of this code, part of every version: a new build makes new ETags. */
  static final String BUILD = build();

  private final PracticeLibrary library;
  private final CompletableFuture<Recommender> recommender;
  private final ApiHandlers handlers;
  private final String version;
  private final boolean owned;
  private final AtomicInteger refs = new AtomicInteger(1);

  private LibraryGeneration(PracticeLibrary library, PracticeSearcher searcher, CompletableFuture<Recommender> recommender,
      boolean owned) {
    this.library = library;
    this.recommender = recommender;
    this.handlers = new ApiHandlers(library, searcher, this::recommender);
    this.version = BUILD + " " + library.fingerprint();
    this.owned = owned;
  }

  /** A generation of a library its caller keeps and closes (tests share one library between servers). */
  public static LibraryGeneration of(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender) {
    return new LibraryGeneration(library, searcher, CompletableFuture.completedFuture(recommender), false);
  }

  /**
   * A generation that owns {@code library} and closes it when retired, with its searcher and its
   * recommender, which is made on a thread of its own (the word alignment of Russian and Ukrainian
   * takes about a second): search answers meanwhile, recommend waits for it ({@link #recommender()}).
   */
  public static LibraryGeneration owning(PracticeLibrary library, Embedder embedder) {
    ConceptDetector detector = new ConceptDetector(library.vocabulary());
    CompletableFuture<Recommender> recommender = CompletableFuture.supplyAsync(() -> Recommender.create(library, detector, embedder),
        task -> {
          Thread t = new Thread(task, "recommender-setup");
          t.setDaemon(true);
          t.start();
        });
    return new LibraryGeneration(library, new PracticeSearcher(library, detector), recommender, true);
  }

  /**
   * @return the recommender, once made
   * @throws RuntimeException what making it threw
   */
  public Recommender recommender() {
    try {
      return recommender.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  public PracticeLibrary library() {
    return library;
  }

  ApiHandlers handlers() {
    return handlers;
  }

  /** @return the build and the index fingerprint: equal versions answer every request with the same bytes */
  public String version() {
    return version;
  }

  boolean tryIncRef() {
    for (int n = refs.get(); n > 0; n = refs.get()) {
      if (refs.compareAndSet(n, n + 1)) return true;
    }
    return false;
  }

  void decRef() throws IOException {
    if (refs.decrementAndGet() == 0 && owned) library.close();
  }

  int refCount() {
    return refs.get();
  }

  private static String build() {
    Properties p = new Properties();
    try (InputStream in = LibraryGeneration.class.getResourceAsStream("/practice-finder-build.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("build", "unknown build");
  }
}
