package org.practicefinder.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Turns text into L2-normalised sentence embeddings with any langchain4j {@link EmbeddingModel},
 * adding the model's own query or passage prefix. Texts are embedded on {@code threads} worker
 * threads of the embedder's own: callers wait their turn, so the model's CPU and native memory (the
 * allocator keeps memory per thread) stay bounded whatever the number of requests. Thread-safe if
 * the model is (the ONNX session is).
 */
public final class Embedder {
  private final String id;
  private final EmbeddingModel model;
  private final String queryPrefix;
  private final String passagePrefix;
  private final ExecutorService workers;

  /**
   * @param id names the model in the index fingerprint: another id rebuilds the index
   * @param threads texts embedded at once, 1 or more (daemon threads, never stopped)
   */
  public Embedder(String id, EmbeddingModel model, String queryPrefix, String passagePrefix, int threads) {
    this.id = Objects.requireNonNull(id);
    this.model = Objects.requireNonNull(model);
    this.queryPrefix = Objects.requireNonNull(queryPrefix);
    this.passagePrefix = Objects.requireNonNull(passagePrefix);
    if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more");
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** @return the model's id, e.g. {@code bge-small-en-v15} */
  public String id() {
    return id;
  }

  /** @return the embedding of a query or challenge, unit length */
  public float[] query(String text) {
    return await(workers.submit(() -> embed(queryPrefix + text)));
  }

  /** @return the embeddings of passages (practice text), unit length, in input order */
  public List<float[]> passages(List<String> texts) {
    return passages(texts, done -> {});
  }

  /**
   * @param progress told the number of texts embedded so far after each one, from the embedder's threads
   * @return the embeddings of passages (practice text), unit length, in input order; all of them are
   *     queued at once, so every thread of the embedder works until the last
   */
  public List<float[]> passages(List<String> texts, IntConsumer progress) {
    AtomicInteger done = new AtomicInteger();
    List<Future<float[]>> futures = new ArrayList<>();
    for (String t : texts) {
      futures.add(workers.submit(() -> {
        float[] v = embed(passagePrefix + t);
        progress.accept(done.incrementAndGet());
        return v;
      }));
    }
    List<float[]> out = new ArrayList<>();
    for (Future<float[]> f : futures) out.add(await(f));
    return out;
  }

  private float[] embed(String text) {
    return normalise(model.embedAll(List.of(TextSegment.from(text))).content().get(0).vector());
  }

  private static float[] await(Future<float[]> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
    return out;
  }
}
