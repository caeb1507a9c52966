package org.practicefinder.recommend;

import java.io.IOException;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;

/**
 * Cosine similarity between the challenge's embedding and one embedded unit of each practice (the
 * whole practice, or one section), by a Lucene vector search over the unit's field.
 */
final class DenseSignal implements Signal {
  private final PracticeLibrary library;
  private final Embedder embedder;
  private final String unit;

  /** @param unit {@code practice} or a section key */
  DenseSignal(PracticeLibrary library, Embedder embedder, String unit) {
    this.library = library;
    this.embedder = embedder;
    this.unit = unit;
  }

  @Override
  public String name() {
    return "dense-" + unit;
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    int n = library.records().size();
    double[] scores = new double[n];
    KnnFloatVectorQuery knn = new KnnFloatVectorQuery(Fields.vector(unit), challenge.embedding(embedder), n);
    for (ScoreDoc sd : library.searcher().search(knn, n).scoreDocs) {
      double cosine = 2 * sd.score - 1; // Lucene scores DOT_PRODUCT as (1 + dot) / 2
      scores[library.recordOfDoc(sd.doc).order()] = Math.max(0, cosine);
    }
    return scores;
  }
}
