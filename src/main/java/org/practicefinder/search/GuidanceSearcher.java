package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.practicefinder.index.GuidanceLibrary;
import org.practicefinder.model.Guidance;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * BM25 search over the manual's guidance entries, the same way as over the practices: the query's
 * words on each language's title (weighted as in {@link PracticeSearcher}) and text, analysed as that
 * language, an entry scoring as its best language does (disjunction-max); and the concepts the query
 * names in any of the three languages on the concepts each entry's text names. One highlighted
 * passage per hit, in the reader's language where the entry is translated into it. Thread-safe.
 */
public final class GuidanceSearcher {
  /**
   * @param entry the guidance entry
   * @param score its BM25 score, plus {@link PracticeSearcher#CONCEPT_BOOST} per concept of the query it names
   * @param snippet a passage of its text in the language asked for (else English), HTML-escaped, with
   *     the query's words in {@code <mark>} tags; empty when found through a concept alone
   */
  public record Hit(Guidance entry, float score, Optional<String> snippet) {}

  /** @param total entries matching; @param hits the best of them, best first */
  public record Result(int total, List<Hit> hits) {}

  private final GuidanceLibrary guidance;
  private final ConceptDetector detector;
  private final Analyzer analyzer = QueryAnalyzer.keywordsByField();
  private final UnifiedHighlighter.Builder highlighting;
  /** Text field → its language. */
  private final Map<String, Language> textFields = new HashMap<>();

  public GuidanceSearcher(GuidanceLibrary guidance, ConceptDetector detector) {
    this.guidance = guidance;
    this.detector = detector;
    for (Language l : Language.values()) textFields.put(GuidanceLibrary.text(l), l);
    // the highlighter analyses the entries' text as queries are (synonyms): once, not on every search
    Map<String, List<String>> texts = new HashMap<>();
    for (int doc = 0; doc < guidance.entries().size(); doc++) {
      for (Language l : Language.values()) texts.computeIfAbsent(GuidanceLibrary.text(l), f -> new ArrayList<>()).add(guidance.indexedText(doc, l));
    }
    this.highlighting = UnifiedHighlighter.builder(guidance.searcher(), new ReplayingAnalyzer(analyzer, texts))
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withFieldMatcher(field -> true) // title words are in the text too
        .withMaxNoHighlightPassages(0);
  }

  /**
   * @param query any text (as for practices: {@code -word} leaves that word out of the query)
   * @param kind only entries of this kind, or all
   * @param size the most hits returned, 1 or more
   * @param language the reader's: the language of the passages, where the entry has it
   * @return the matching entries, best first; none for a blank query
   * @throws IllegalArgumentException if the query has control characters or is longer than {@link SearchRequest#MAX_QUERY_CHARS}
   */
  public Result search(String query, Optional<Guidance.Kind> kind, int size, Language language) {
    QueryFactory.requireTypedText("q", query);
    if (query.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("q is longer than " + SearchRequest.MAX_QUERY_CHARS + " characters");
    }
    String wanted = QueryFactory.withoutNegations(Homoglyphs.fold(query));
    if (wanted.isBlank() || guidance.entries().isEmpty()) return new Result(0, List.of());
    List<Query> byLanguage = new ArrayList<>();
    for (Language l : Language.values()) {
      Map<String, Float> fields = new LinkedHashMap<>(); // a fixed clause order: the same scores on every run
      fields.put(GuidanceLibrary.text(l), 1f);
      fields.put(GuidanceLibrary.title(l), PracticeSearcher.TITLE_BOOST);
      byLanguage.add(QueryFactory.text(analyzer, fields, wanted));
    }
    Query text = new DisjunctionMaxQuery(byLanguage, 0f);
    BooleanQuery.Builder concepts = new BooleanQuery.Builder();
    for (ConceptDetector.Detected d : detector.detect(wanted)) {
      concepts.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(GuidanceLibrary.CONCEPT, d.concept().id()))),
          PracticeSearcher.CONCEPT_BOOST), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(QueryFactory.any(text, concepts.build()), BooleanClause.Occur.MUST);
    kind.ifPresent(k -> q.add(new TermQuery(new Term(GuidanceLibrary.KIND, k.id())), BooleanClause.Occur.FILTER));
    try {
      TopDocs top = guidance.searcher().search(q.build(), size);
      String[] fields = language == Language.EN ? new String[] {GuidanceLibrary.text(Language.EN)}
          : new String[] {GuidanceLibrary.text(language), GuidanceLibrary.text(Language.EN)};
      int[] one = new int[fields.length];
      Arrays.fill(one, 1);
      // the text in a language other than the one the entry is served in is given as "" (its passage is not used)
      MemoryHighlighter highlighter = new MemoryHighlighter(highlighting, (doc, field) -> {
        Language l = textFields.get(field);
        return l == guidance.served(guidance.entryOfDoc(doc), language) ? guidance.indexedText(doc, l) : "";
      }, null);
      Map<String, String[]> passages = highlighter.highlightFields(fields, text, top, one);
      List<Hit> hits = new ArrayList<>();
      for (int i = 0; i < top.scoreDocs.length; i++) {
        Guidance g = guidance.entryOfDoc(top.scoreDocs[i].doc);
        String passage = passages.get(GuidanceLibrary.text(guidance.served(g, language)))[i];
        hits.add(new Hit(g, top.scoreDocs[i].score, Optional.ofNullable(passage)));
      }
      return new Result((int) top.totalHits.value, hits); // exact: far fewer entries than Lucene's threshold for counting
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
