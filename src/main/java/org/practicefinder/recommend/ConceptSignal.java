package org.practicefinder.recommend;

import java.util.List;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * Raises practices tagged with the concepts detected in the challenge. Each shared concept adds its
 * inverse document frequency, so a rare concept (transgender) says more than a common one
 * (outreach). A practice tagged only with the parent of a detected concept (indoor, for saunas)
 * gets half of the parent's: it works in the same kind of setting, if not that one.
 */
final class ConceptSignal implements Signal {
  private final PracticeLibrary library;

  ConceptSignal(PracticeLibrary library) {
    this.library = library;
  }

  @Override
  public String name() {
    return "concepts";
  }

  @Override
  public double[] score(Challenge challenge) {
    double[] scores = new double[library.records().size()];
    java.util.Set<String> detected = new java.util.HashSet<>();
    challenge.concepts().forEach(d -> detected.add(d.concept().id()));
    for (ConceptDetector.Detected d : challenge.concepts()) {
      Concept c = d.concept();
      add(scores, c, c.id(), 1.0);
      c.parent().filter(parent -> !detected.contains(parent)).ifPresent(parent -> add(scores, c, parent, 0.5));
    }
    return scores;
  }

  /** Adds {@code share} of the concept's IDF to practices tagged {@code id} and not already credited for {@code c}. */
  private void add(double[] scores, Concept c, String id, double share) {
    List<PracticeRecord> records = library.records();
    List<PracticeRecord> tagged = records.stream().filter(r -> r.tagging().get(c.dimension()).contains(id)).toList();
    if (tagged.isEmpty()) return;
    double idf = Math.log(1 + (double) records.size() / tagged.size());
    for (PracticeRecord r : tagged) {
      if (share == 1.0 || !r.tagging().get(c.dimension()).contains(c.id())) scores[r.order()] += share * idf;
    }
  }
}
