package org.practicefinder.recommend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.model.Section;
import org.practicefinder.search.QueryFactory;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * BM25 over the practice sections with per-section weights. The English terms of concepts detected
 * in the challenge are added to its text, so a Russian or Ukrainian challenge still finds English
 * practices through the vocabulary.
 */
final class LexicalSignal implements Signal {
  private final PracticeLibrary library;
  private final Analyzer analyzer = Language.EN.newAnalyzer();
  private final Map<String, Float> weights;

  /** @param sectionWeights section → BM25 boost; the title and catch-all text fields weigh 1 */
  LexicalSignal(PracticeLibrary library, Map<Section, Float> sectionWeights) {
    this.library = library;
    Map<String, Float> w = new LinkedHashMap<>();
    w.put(Fields.TEXT, 1f);
    sectionWeights.forEach((s, boost) -> w.put(Fields.section(s), boost));
    this.weights = Map.copyOf(w);
  }

  @Override
  public String name() {
    return "bm25";
  }

  @Override
  public double[] score(Challenge challenge) throws IOException {
    StringBuilder text = new StringBuilder(challenge.text());
    for (ConceptDetector.Detected d : challenge.concepts()) {
      if (d.language() != Language.EN) text.append(' ').append(String.join(" ", d.concept().terms().get(Language.EN)));
    }
    Query q = QueryFactory.text(analyzer, weights, text.toString());
    double[] scores = new double[library.records().size()];
    TopDocs top = library.searcher().search(q, scores.length);
    for (ScoreDoc sd : top.scoreDocs) scores[library.recordOfDoc(sd.doc).order()] = sd.score;
    return scores;
  }
}
