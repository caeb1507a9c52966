package org.practicefinder.embed;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Locale;

/**
 * The sentence-embedding models (quantized ONNX, from langchain4j's modules on Maven Central; nothing
 * is downloaded at run time), each with its own query and passage prefixes. The jar carries the
 * default, bge-small-en-v1.5; the two it was compared with only when built with
 * {@code mvn -P comparison-models clean package}.
 */
public enum EmbeddingModelChoice {
  BGE_SMALL_EN_V15("bge-small-en-v1.5-q", PoolingMode.CLS, "Represent this sentence for searching relevant passages: ", ""),
  E5_SMALL_V2("e5-small-v2-q", PoolingMode.MEAN, "query: ", "passage: "),
  ALL_MINILM_L6_V2("all-minilm-l6-v2-q", PoolingMode.MEAN, "", "");

  private final String resource;
  private final PoolingMode pooling;
  private final String queryPrefix;
  private final String passagePrefix;

  EmbeddingModelChoice(String resource, PoolingMode pooling, String queryPrefix, String passagePrefix) {
    this.resource = resource;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
  }

  /** @return the name used on the command line and in the index: {@code bge-small-en-v15} … */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return true if the model is on the class path (the comparison models only with their Maven profile) */
  public boolean available() {
    return EmbeddingModelChoice.class.getClassLoader().getResource(resource + ".onnx") != null;
  }

  /**
   * Loads the model from the jar into an ONNX session whose native memory is bounded (see
   * {@link OnnxModel}), in the background (half a second to a second and a half): the server opens its
   * index and answers meanwhile, and the first embedding waits for it. At most as many texts as there
   * are processors are embedded at once.
   *
   * @throws IllegalArgumentException if the model is not in this build ({@link #available()})
   */
  public Embedder load() {
    if (!available()) {
      throw new IllegalArgumentException("the embedding model " + id() + " is not in this build: it is one of the "
          + "comparison models, which a jar built with `mvn -P comparison-models clean package` carries");
    }
    int processors = Runtime.getRuntime().availableProcessors();
    return new Embedder(id(), new BackgroundModel(() -> new OnnxModel(resource + ".onnx", resource + "-tokenizer.json", pooling)),
        queryPrefix, passagePrefix, processors);
  }

  /** @throws IllegalArgumentException if no model has this id */
  public static EmbeddingModelChoice fromId(String id) {
    for (EmbeddingModelChoice m : values()) {
      if (m.id().equals(id)) return m;
    }
    throw new IllegalArgumentException("unknown embedding model " + id);
  }
}
