package org.practicefinder.recommend;

import java.util.Arrays;
import java.util.List;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;

/**
 * The mean cosine of a practice's {@code k} sentences closest to the challenge: a practice that
 * says the one thing the challenge asks about scores high even when the rest is about other things.
 */
final class SentenceSignal implements Signal {
  private final PracticeLibrary library;
  private final Embedder embedder;
  private final int k;

  SentenceSignal(PracticeLibrary library, Embedder embedder, int k) {
    this.library = library;
    this.embedder = embedder;
    this.k = k;
  }

  @Override
  public String name() {
    return "sentences-top" + k;
  }

  @Override
  public double[] score(Challenge challenge) {
    double[] scores = new double[library.records().size()];
    for (PracticeRecord r : library.records()) {
      double[] cosines = challenge.sentenceCosines(library, embedder, r).clone();
      Arrays.sort(cosines);
      double sum = 0;
      int m = Math.min(k, cosines.length);
      for (int i = 0; i < m; i++) sum += cosines[cosines.length - 1 - i];
      scores[r.order()] = m == 0 ? 0 : Math.max(0, sum / m);
    }
    return scores;
  }

  /** @return the cosine of the (unit) query with each (unit) sentence vector, in order */
  static double[] cosines(float[] query, List<float[]> sentences) {
    double[] out = new double[sentences.size()];
    for (int i = 0; i < out.length; i++) {
      float[] v = sentences.get(i);
      double dot = 0;
      for (int j = 0; j < v.length; j++) dot += query[j] * v[j];
      out[i] = dot;
    }
    return out;
  }
}
