package org.practicefinder.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Tagger;

/**
 * BM25 over concepts: raises practices tagged with the concepts detected in the challenge. A
 * practice is taken as a bag of concept mentions, one per sentence that names the concept, so a
 * practice about a hotline outranks one that lists a hotline among ten services, and a rare
 * concept (transgender) says more than a common one (outreach). A practice tagged only with the
 * parent of a detected concept (indoor, for saunas) gets half of the parent's score: it works in
 * the same kind of setting, if not that one.
 */
final class ConceptSignal implements Signal {
  /** Lucene's BM25 defaults: no fitting to any judged set. */
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final PracticeLibrary library;
  /** By practice order: concept id → sentences naming it. */
  private final List<Map<String, Integer>> mentions;
  /** By practice order: sentences counted over their mean number. */
  private final double[] relativeLength;

  ConceptSignal(PracticeLibrary library) {
    this.library = library;
    Tagger tagger = new Tagger(library.vocabulary());
    List<Tagger.Mentions> all = library.records().stream().map(r -> tagger.mentions(r.practice())).toList();
    this.mentions = all.stream().map(Tagger.Mentions::bySentence).toList();
    double mean = all.stream().mapToInt(Tagger.Mentions::sentences).average().orElse(1);
    this.relativeLength = all.stream().mapToDouble(m -> m.sentences() / mean).toArray();
  }

  @Override
  public String name() {
    return "concepts";
  }

  @Override
  public double[] score(Challenge challenge) {
    double[] scores = new double[library.records().size()];
    Set<String> detected = new HashSet<>();
    challenge.concepts().forEach(d -> detected.add(d.concept().id()));
    for (ConceptDetector.Detected d : challenge.concepts()) {
      Concept c = d.concept();
      add(scores, c, c.id(), 1.0);
      c.parent().filter(parent -> !detected.contains(parent)).ifPresent(parent -> add(scores, c, parent, 0.5));
    }
    return scores;
  }

  /** Adds {@code share} of the BM25 score of concept {@code id} to the practices tagged with it and not already credited for {@code c}. */
  private void add(double[] scores, Concept c, String id, double share) {
    List<PracticeRecord> tagged = library.having(c.dimension(), id);
    if (tagged.isEmpty()) return;
    int n = library.records().size();
    double idf = Math.log(1 + (n - tagged.size() + 0.5) / (tagged.size() + 0.5));
    for (PracticeRecord r : tagged) {
      if (share < 1.0 && r.tagging().get(c.dimension()).contains(c.id())) continue;
      // A tag that comes from an override, an implication or a child has no sentence of its own: count one.
      int tf = Math.max(1, mentions.get(r.order()).getOrDefault(id, 0));
      double norm = K1 * (1 - B + B * relativeLength[r.order()]);
      scores[r.order()] += share * idf * tf * (K1 + 1) / (tf + norm);
    }
  }
}
