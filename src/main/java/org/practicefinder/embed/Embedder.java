package org.practicefinder.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * Turns text into L2-normalised sentence embeddings with one of the models in the jar, adding the
 * model's own query or passage prefix. Thread-safe (the ONNX session is).
 */
public final class Embedder {
  private final EmbeddingModelChoice choice;
  private final EmbeddingModel model;

  /** Loads the model from the jar: about a second and some 100 MB of memory. */
  public Embedder(EmbeddingModelChoice choice) {
    this.choice = choice;
    this.model = choice.load();
  }

  public EmbeddingModelChoice choice() {
    return choice;
  }

  /** @return the embedding of a query or challenge, unit length */
  public float[] query(String text) {
    return normalise(model.embed(choice.queryPrefix() + text).content().vector());
  }

  /** @return the embeddings of passages (practice text), unit length, in input order */
  public List<float[]> passages(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(choice.passagePrefix() + t)).toList();
    return model.embedAll(segments).content().stream().map(e -> normalise(e.vector())).toList();
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
