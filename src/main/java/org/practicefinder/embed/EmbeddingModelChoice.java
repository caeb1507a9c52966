package org.practicefinder.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The sentence-embedding models the jar carries (quantized ONNX, from langchain4j's modules on Maven
 * Central; nothing is downloaded at run time), each with its own query and passage prefixes.
 */
public enum EmbeddingModelChoice {
  BGE_SMALL_EN_V15("Represent this sentence for searching relevant passages: ", "", BgeSmallEnV15QuantizedEmbeddingModel::new),
  E5_SMALL_V2("query: ", "passage: ", E5SmallV2QuantizedEmbeddingModel::new),
  ALL_MINILM_L6_V2("", "", AllMiniLmL6V2QuantizedEmbeddingModel::new);

  private final String queryPrefix;
  private final String passagePrefix;
  private final Supplier<EmbeddingModel> factory;

  EmbeddingModelChoice(String queryPrefix, String passagePrefix, Supplier<EmbeddingModel> factory) {
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.factory = factory;
  }

  /** @return the name used on the command line and in the index: {@code bge-small-en-v15} … */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  String queryPrefix() {
    return queryPrefix;
  }

  String passagePrefix() {
    return passagePrefix;
  }

  /** Loads the model from the jar: takes about a second and some 100 MB of memory. */
  EmbeddingModel load() {
    return factory.get();
  }

  /** @throws IllegalArgumentException if no model has this id */
  public static EmbeddingModelChoice fromId(String id) {
    for (EmbeddingModelChoice m : values()) {
      if (m.id().equals(id)) return m;
    }
    throw new IllegalArgumentException("unknown embedding model " + id);
  }
}
