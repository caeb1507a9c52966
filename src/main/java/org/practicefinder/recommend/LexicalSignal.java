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
 * BM25 over weighted practice fields of one language, the challenge analysed as that language. The
 * terms in that language of concepts detected in the challenge are added as phrases at half weight,
 * so a challenge in another language still finds the practices through the vocabulary, and "phone
 * line" finds "hotline" without "line" matching every line.
 */
final class LexicalSignal implements Signal {
  /** The vocabulary's words count half as much as the user's own, as in RM3's usual interpolation. */
  private static final float EXPANSION_WEIGHT = 0.5f;

  private final PracticeLibrary library;
  private final Language language;
  private final Analyzer challengeAnalyzer;
  private final Analyzer phraseAnalyzer;
  private final String name;
  private final Map<String, Float> fields;
  private final boolean expandSameLanguage;

  /**
   * @param language the language of the fields, whose analysis the challenge gets
   * @param fields index field → BM25 boost
   * @param expandSameLanguage also add the terms of concepts detected in this language's words
   *     (those detected in another language always add theirs)
   */
  LexicalSignal(PracticeLibrary library, String name, Language language, Map<String, Float> fields, boolean expandSameLanguage) {
    this.library = library;
    this.name = name;
    this.language = language;
    this.challengeAnalyzer = QueryAnalyzer.challenges(language);
    this.phraseAnalyzer = QueryAnalyzer.keywords(language);
    this.fields = Map.copyOf(fields);
    this.expandSameLanguage = expandSameLanguage;
  }

  /** An English signal, as {@link #LexicalSignal(PracticeLibrary, String, Language, Map, boolean)}. */
  LexicalSignal(PracticeLibrary library, String name, Map<String, Float> fields, boolean expandEnglishConcepts) {
    this(library, name, Language.EN, fields, expandEnglishConcepts);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    for (ConceptDetector.Detected d : challenge.concepts()) {
      if (expandSameLanguage || d.language() != language) terms.addAll(d.concept().terms().get(language));
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
