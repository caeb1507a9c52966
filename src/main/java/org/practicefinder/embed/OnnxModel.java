package org.practicefinder.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One of langchain4j's in-jar ONNX models, in a session whose native memory is bounded. langchain4j's
 * own model classes open their session with ONNX Runtime's defaults (a CPU memory arena that only
 * grows, cached memory patterns per input shape, a thread pool per session) and take no session
 * options; under concurrent load that grew to gigabytes outside the Java heap. Here the arena and
 * the memory patterns are off, so memory goes back after each run, and each run uses one thread
 * ({@link Embedder} decides how many run at once).
 */
final class OnnxModel extends AbstractInProcessEmbeddingModel {
  private static final int DIMENSION = 384; // all three models in the jar

  private final OnnxBertBiEncoder encoder;

  /**
   * @param modelResource the {@code .onnx} file on the class path (inside langchain4j's module jar)
   * @param tokenizerResource its {@code tokenizer.json}
   * @throws IllegalStateException if a resource is missing or ONNX Runtime cannot load the model
   */
  OnnxModel(String modelResource, String tokenizerResource, PoolingMode pooling) {
    super(Runnable::run); // texts come one at a time from Embedder's own threads
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(tokenizerResource)) {
      options.setCPUArenaAllocator(false);
      options.setMemoryPatternOptimization(false);
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      byte[] model;
      try (InputStream in = resource(modelResource)) {
        model = in.readAllBytes();
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      this.encoder = new OnnxBertBiEncoder(env, env.createSession(model, options), tokenizer, pooling);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load " + modelResource + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) throw new IllegalStateException(name + " is not on the class path");
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }
}
