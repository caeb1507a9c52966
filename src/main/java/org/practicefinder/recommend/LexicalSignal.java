package org.practicefinder.recommend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.search.QueryFactory;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * BM25 over weighted practice fields of one language, the challenge analysed as that language: by
 * default the challenge's own language ({@link Challenge#language()}), so a Russian challenge is
 * matched against the Russian translations. The terms in that language of concepts detected in the
 * challenge are added as phrases at half weight, so a challenge in another language still finds the
 * practices through the vocabulary, and "help line" finds "hotline" without "line" matching every line.
 */
final class LexicalSignal implements Signal {
  /**
   * The vocabulary's words count half as much as the user's own, as in RM3's usual interpolation;
   * the weight, and phrases rather than words, were chosen on the development challenges (see the README).
   */
  private static final float EXPANSION_WEIGHT = 0.5f;

  private final PracticeLibrary library;
  private final String name;
  private final Map<String, Float> englishFields;
  private final Language fixed;
  private final boolean expandSameLanguage;

  /**
   * @param englishFields English index field → BM25 boost; a challenge in another language is
   *     matched against the same fields in its language ({@link Fields#inLanguage})
   * @param fixed the language of the fields whatever the challenge's, or null for the challenge's
   *     own; a fixed language scores nothing for challenges in it (the own-language signals do)
   * @param expandSameLanguage also add the terms of concepts detected in the fields' language
   *     (those detected in another language always add theirs)
   */
  LexicalSignal(PracticeLibrary library, String name, Map<String, Float> englishFields, Language fixed, boolean expandSameLanguage) {
    this.library = library;
    this.name = name;
    this.englishFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(englishFields)); // a fixed clause order
    this.fixed = fixed;
    this.expandSameLanguage = expandSameLanguage;
  }

  /** A signal over the challenge's own language, as {@link #LexicalSignal(PracticeLibrary, String, Map, Language, boolean)}. */
  LexicalSignal(PracticeLibrary library, String name, Map<String, Float> englishFields, boolean expandSameLanguage) {
    this(library, name, englishFields, null, expandSameLanguage);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    double[] scores = new double[library.records().size()];
    if (fixed != null && challenge.language() == fixed) return scores;
    Language language = fixed != null ? fixed : challenge.language();
    Map<String, Float> fields = new LinkedHashMap<>();
    englishFields.forEach((f, boost) -> fields.put(Fields.inLanguage(f, language), boost));
    Set<String> terms = new LinkedHashSet<>();
    for (ConceptDetector.Detected d : challenge.concepts()) {
      if (expandSameLanguage || d.language() != language) terms.addAll(d.concept().terms().get(language));
    }
    // a challenge in another language reaches these fields through its words' translations
    String text = language == challenge.language() ? challenge.text() : String.join(" ", challenge.english());
    Query q = QueryFactory.text(QueryAnalyzer.challenges(language), fields, text); // negated words: see Recommender
    if (!terms.isEmpty()) {
      Query expansion = QueryFactory.phrases(QueryAnalyzer.keywords(language), fields.keySet(), terms, QueryFactory.clauseBudget(q));
      q = QueryFactory.any(q, new BoostQuery(expansion, EXPANSION_WEIGHT));
    }
    TopDocs top = library.searcher().search(q, scores.length);
    for (ScoreDoc sd : top.scoreDocs) scores[library.recordOfDoc(sd.doc).order()] = sd.score;
    return scores;
  }
}
