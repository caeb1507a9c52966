package org.practicefinder.recommend;

import java.util.List;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * Raises practices tagged with the concepts detected in the challenge. Each shared concept adds its
 * inverse document frequency, so a rare concept (transgender) says more than a common one (outreach).
 */
final class ConceptSignal implements Signal {
  private final PracticeLibrary library;
  private final String dimension;

  /** @param dimension only concepts of this dimension, or null for all */
  ConceptSignal(PracticeLibrary library, String dimension) {
    this.library = library;
    this.dimension = dimension;
  }

  @Override
  public String name() {
    return dimension == null ? "concepts" : "concepts-" + dimension;
  }

  @Override
  public double[] score(Challenge challenge) {
    List<PracticeRecord> records = library.records();
    double[] scores = new double[records.size()];
    for (ConceptDetector.Detected d : challenge.concepts()) {
      String dim = d.concept().dimension();
      if (dimension != null && !dimension.equals(dim)) continue;
      String id = d.concept().id();
      long df = records.stream().filter(r -> r.tagging().get(dim).contains(id)).count();
      if (df == 0) continue;
      double idf = Math.log(1 + (double) records.size() / df);
      for (PracticeRecord r : records) {
        if (r.tagging().get(dim).contains(id)) scores[r.order()] += idf;
      }
    }
    return scores;
  }
}
