package org.practicefinder.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a sentence-embedding model: a hashed bag of words (lower-cased,
 * a final "s" dropped), so texts that share words are close and the same text always gives the
 * same vector. Instant, and no model to load.
 */
public final class FakeEmbeddingModel implements EmbeddingModel {
  public static final int DIMENSION = 64;
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  /** @return an embedder over this model, as the tests use it */
  public static Embedder embedder() {
    return new Embedder("fake-bag-of-words", new FakeEmbeddingModel(), "", "", 2);
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>();
    for (TextSegment s : segments) out.add(Embedding.from(vector(s.text())));
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    v[0] = 0.01f; // never the zero vector
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.endsWith("s")) w = w.substring(0, w.length() - 1);
      int h = w.hashCode();
      v[Math.floorMod(h, DIMENSION)] += (h & 0x10000) == 0 ? 1 : -1;
    }
    return v;
  }
}
