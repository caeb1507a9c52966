package org.practicefinder.web;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.search.ReferenceManager;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.IndexBuilder;
import org.practicefinder.index.PracticeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link LibraryGeneration}, swapped atomically on reload: Lucene's {@link ReferenceManager}
 * (as its {@code SearcherManager} does for searchers) over whole generations. A request acquires the
 * current generation and releases it when answered; a reload builds the new index beside the old one
 * in the same folder (new segment files; the old generation's reader keeps the files it has open
 * until its last request releases it) and swaps. Seeds that cannot be indexed leave the old
 * generation serving.
 */
public final class Generations extends ReferenceManager<LibraryGeneration> {
  private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

  /** Rebuilds when the seeds changed; null: the library never changes. */
  private final Source source;

  private record Source(Path seeds, Path indexDir, Embedder embedder) {}

  private Generations(LibraryGeneration first, Source source) {
    this.current = first;
    this.source = source;
  }

  /** @return generations that stay {@code only} */
  public static Generations fixed(LibraryGeneration only) {
    return new Generations(only, null);
  }

  /**
   * @param first the generation open now, of the index at {@code indexDir} built from {@code seeds}
   * @return generations that a {@link #maybeRefreshBlocking() refresh} rebuilds from {@code seeds} when
   *     they changed (by the index fingerprint)
   */
  public static Generations reloading(LibraryGeneration first, Path seeds, Path indexDir, Embedder embedder) {
    return new Generations(first, new Source(seeds, indexDir, embedder));
  }

  /** @return true if {@link #maybeRefreshBlocking()} can change the library */
  public boolean reloads() {
    return source != null;
  }

  /** Something done with one generation, acquired for it and released after. */
  @FunctionalInterface
  public interface Use<T> {
    T apply(LibraryGeneration generation) throws Exception;
  }

  /** @return what {@code use} makes of the current generation, which stays open while it runs */
  public <T> T with(Use<T> use) throws Exception {
    LibraryGeneration g = acquire();
    try {
      return use.apply(g);
    } finally {
      release(g);
    }
  }

  /** @return the current generation's {@link LibraryGeneration#version() version} */
  public String version() {
    try {
      return with(LibraryGeneration::version);
    } catch (Exception e) {
      throw new IllegalStateException(e); // reading a field; acquire fails only once closed
    }
  }

  @Override
  protected LibraryGeneration refreshIfNeeded(LibraryGeneration old) throws IOException {
    if (source == null) return null;
    if (IndexBuilder.fingerprint(source.seeds, source.embedder).equals(old.library().fingerprint())) return null;
    LOG.info("the seeds changed: building the new index beside the one being served");
    IndexBuilder.build(source.seeds, source.indexDir, source.embedder); // fails before writing when the seeds are bad
    LibraryGeneration next = LibraryGeneration.owning(PracticeLibrary.open(source.indexDir), source.embedder);
    next.recommender(); // whole before it is swapped in
    LOG.info("reloaded: {} practices", next.library().records().size());
    return next;
  }

  @Override
  protected boolean tryIncRef(LibraryGeneration g) {
    return g.tryIncRef();
  }

  @Override
  protected void decRef(LibraryGeneration g) throws IOException {
    g.decRef();
  }

  @Override
  protected int getRefCount(LibraryGeneration g) {
    return g.refCount();
  }
}
