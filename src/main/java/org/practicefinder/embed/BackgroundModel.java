package org.practicefinder.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A model loaded on a thread of its own from the moment it is made, so that start-up does other work
 * meanwhile; every call waits until it is loaded. A model that failed to load fails every call with
 * the loader's exception.
 */
final class BackgroundModel implements EmbeddingModel {
  private final CompletableFuture<EmbeddingModel> model;

  BackgroundModel(Supplier<EmbeddingModel> loader) {
    this.model = CompletableFuture.supplyAsync(loader, task -> {
      Thread t = new Thread(task, "model-load");
      t.setDaemon(true);
      t.start();
    });
  }

  private EmbeddingModel model() {
    try {
      return model.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return model().embedAll(segments);
  }

  @Override
  public int dimension() {
    return model().dimension();
  }
}
