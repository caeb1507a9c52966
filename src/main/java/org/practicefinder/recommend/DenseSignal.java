package org.practicefinder.recommend;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;

/**
 * Cosine similarity between the challenge's sentence embedding and the embeddings of each
 * practice's units (the whole practice and each section), combined by per-unit weights. A challenge
 * in Russian or Ukrainian is embedded through the English labels and definitions of its detected
 * concepts, since the models in the jar are English.
 */
final class DenseSignal implements Signal {
  private final PracticeLibrary library;
  private final Embedder embedder;
  private final Map<String, Double> unitWeights;

  /** @param unitWeights unit ({@code practice} or a section key) → weight of its cosine */
  DenseSignal(PracticeLibrary library, Embedder embedder, Map<String, Double> unitWeights) {
    this.library = library;
    this.embedder = embedder;
    this.unitWeights = Map.copyOf(unitWeights);
  }

  @Override
  public String name() {
    return "dense";
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    float[] query = embedder.query(challenge.englishText());
    int n = library.records().size();
    double[] scores = new double[n];
    for (Map.Entry<String, Double> unit : unitWeights.entrySet()) {
      KnnFloatVectorQuery knn = new KnnFloatVectorQuery(Fields.vector(unit.getKey()), query, n);
      for (ScoreDoc sd : library.searcher().search(knn, n).scoreDocs) {
        double cosine = 2 * sd.score - 1; // Lucene scores DOT_PRODUCT as (1 + dot) / 2
        scores[library.recordOfDoc(sd.doc).order()] += unit.getValue() * Math.max(0, cosine);
      }
    }
    return scores;
  }
}
