package org.practicefinder.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * How well a recommended practice fits a challenge, in words a reader can weigh: the fused score is
 * scaled per challenge (the best practice always scores high), so strength is read from what the
 * practice and the challenge share instead. Topics the person named count by how telling they are
 * (a topic most practices have says little): {@code coverage} is the share of the detected topics'
 * weight, ln(practices / practices having it), that the practice is tagged with.
 */
public enum MatchStrength {
  /** Covers most of what the challenge names. */
  STRONG,
  /** Covers part of it, or uses several of its telling words. */
  GOOD,
  /** Near in words or meaning only. */
  RELATED;

  /** Coverage from which a practice answers most of the challenge. */
  static final double STRONG_COVERAGE = 0.6;
  /** Coverage from which it answers part of it. */
  static final double GOOD_COVERAGE = 0.3;
  /** Distinct telling words of the challenge in the evidence sentence that make a match good without topics. */
  static final int GOOD_WORDS = 2;

  /** @return the JSON name: {@code strong}, {@code good} or {@code related} */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param detected the topics detected in the challenge (less those the person removed)
   * @return the strength of {@code r} for the challenge those topics were detected in
   */
  public static MatchStrength of(Recommender.Recommendation r, List<ConceptDetector.Detected> detected, PracticeLibrary library) {
    double named = 0;
    double shared = 0;
    Set<Concept> seen = new HashSet<>();
    for (ConceptDetector.Detected d : detected) {
      if (!seen.add(d.concept())) continue; // a topic named twice counts once
      double w = weight(d.concept(), library);
      named += w;
      if (r.sharedConcepts().contains(d.concept())) shared += w;
    }
    double coverage = named > 0 ? shared / named : 0;
    long words = r.evidence().map(e -> e.terms().stream().map(MatchStrength::word).distinct().count()).orElse(0L);
    if (coverage >= STRONG_COVERAGE) return STRONG;
    if (coverage >= GOOD_COVERAGE || words >= GOOD_WORDS) return GOOD;
    return RELATED;
  }

  /** "Women’s" and "women" are one word the person wrote. */
  private static String word(String term) {
    return term.toLowerCase(Locale.ROOT).replaceFirst("['’]s$", "");
  }

  /** @return how telling a topic is: ln(practices / practices tagged with it) */
  static double weight(Concept c, PracticeLibrary library) {
    int n = library.records().size();
    int having = library.having(c.dimension(), c.id()).size();
    return Math.log((double) n / Math.max(1, having));
  }
}
