package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.practicefinder.index.Fields;
import org.practicefinder.index.GuidanceLibrary;
import org.practicefinder.model.Guidance;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * BM25 search over the manual's guidance entries, the same way as over the practices: the query's
 * words on title (weighted as in {@link PracticeSearcher}) and text, and the concepts it names in
 * any of the three languages on the concepts each entry's text names; one highlighted passage per
 * hit. Thread-safe.
 */
public final class GuidanceSearcher {
  private static final Map<String, Float> FIELDS = Map.of(GuidanceLibrary.TEXT, 1f,
      GuidanceLibrary.TITLE, PracticeSearcher.FIELDS.get(Fields.TITLE));

  /**
   * @param entry the guidance entry
   * @param score its BM25 score, plus {@link PracticeSearcher#CONCEPT_BOOST} per concept of the query it names
   * @param snippet a passage of its text, HTML-escaped, with the query's words in {@code <mark>} tags; empty when found through a concept alone
   */
  public record Hit(Guidance entry, float score, Optional<String> snippet) {}

  /** @param total entries matching; @param hits the best of them, best first */
  public record Result(int total, List<Hit> hits) {}

  private final GuidanceLibrary guidance;
  private final ConceptDetector detector;
  private final Analyzer analyzer = QueryAnalyzer.keywords();
  private final UnifiedHighlighter highlighter;

  public GuidanceSearcher(GuidanceLibrary guidance, ConceptDetector detector) {
    this.guidance = guidance;
    this.detector = detector;
    this.highlighter = UnifiedHighlighter.builder(guidance.searcher(), analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withFieldMatcher(field -> true) // title words are in the text too
        .withMaxNoHighlightPassages(0)
        .build();
  }

  /**
   * @param query any text (as for practices: {@code -word} leaves that word out of the query)
   * @param kind only entries of this kind, or all
   * @param size the most hits returned, 1 or more
   * @return the matching entries, best first; none for a blank query
   * @throws IllegalArgumentException if the query has control characters or is longer than {@link SearchRequest#MAX_QUERY_CHARS}
   */
  public Result search(String query, Optional<Guidance.Kind> kind, int size) {
    QueryFactory.requireTypedText("q", query);
    if (query.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("q is longer than " + SearchRequest.MAX_QUERY_CHARS + " characters");
    }
    String wanted = QueryFactory.withoutNegations(query);
    if (wanted.isBlank() || guidance.entries().isEmpty()) return new Result(0, List.of());
    Query text = QueryFactory.text(analyzer, FIELDS, wanted);
    BooleanQuery.Builder concepts = new BooleanQuery.Builder();
    for (ConceptDetector.Detected d : detector.detect(wanted)) {
      concepts.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(GuidanceLibrary.CONCEPT, d.concept().id()))),
          PracticeSearcher.CONCEPT_BOOST), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(QueryFactory.any(text, concepts.build()), BooleanClause.Occur.MUST);
    kind.ifPresent(k -> q.add(new TermQuery(new Term(GuidanceLibrary.KIND, k.id())), BooleanClause.Occur.FILTER));
    try {
      TopDocs top = guidance.searcher().search(q.build(), size);
      String[] passages = highlighter.highlight(GuidanceLibrary.TEXT, text, top, 1);
      List<Hit> hits = new ArrayList<>();
      for (int i = 0; i < top.scoreDocs.length; i++) {
        hits.add(new Hit(guidance.entryOfDoc(top.scoreDocs[i].doc), top.scoreDocs[i].score, Optional.ofNullable(passages[i])));
      }
      return new Result(guidance.searcher().count(q.build()), hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
