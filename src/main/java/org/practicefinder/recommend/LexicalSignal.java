package org.practicefinder.recommend;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.search.QueryFactory;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * BM25 over weighted practice fields. The English terms of concepts detected in the challenge are
 * added as phrases at half weight, so a Russian or Ukrainian challenge still finds English practices
 * through the vocabulary, and "help line" finds "hotline" without "line" matching every line.
 */
final class LexicalSignal implements Signal {
  /**
   * The vocabulary's words count half as much as the user's own, as in RM3's usual interpolation;
   * the weight, and phrases rather than words, were chosen on the development challenges (see the README).
   */
  private static final float EXPANSION_WEIGHT = 0.5f;

  private final PracticeLibrary library;
  private final Analyzer challengeAnalyzer = QueryAnalyzer.challenges();
  private final Analyzer phraseAnalyzer = QueryAnalyzer.keywords();
  private final String name;
  private final Map<String, Float> fields;
  private final boolean expandEnglishConcepts;

  /**
   * @param fields index field → BM25 boost
   * @param expandEnglishConcepts also add the terms of concepts detected in English text (those
   *     detected in Russian or Ukrainian always add theirs)
   */
  LexicalSignal(PracticeLibrary library, String name, Map<String, Float> fields, boolean expandEnglishConcepts) {
    this.library = library;
    this.name = name;
    this.fields = Map.copyOf(fields);
    this.expandEnglishConcepts = expandEnglishConcepts;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    for (ConceptDetector.Detected d : challenge.concepts()) {
      if (expandEnglishConcepts || d.language() != Language.EN) terms.addAll(d.concept().terms().get(Language.EN));
    }
    Query q = QueryFactory.text(challengeAnalyzer, fields, challenge.text()); // negated words: see Recommender
    if (!terms.isEmpty()) {
      Query expansion = QueryFactory.phrases(phraseAnalyzer, fields.keySet(), terms, QueryFactory.clauseBudget(q));
      q = QueryFactory.any(q, new BoostQuery(expansion, EXPANSION_WEIGHT));
    }
    double[] scores = new double[library.records().size()];
    TopDocs top = library.searcher().search(q, scores.length);
    for (ScoreDoc sd : top.scoreDocs) scores[library.recordOfDoc(sd.doc).order()] = sd.score;
    return scores;
  }
}
