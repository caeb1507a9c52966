package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {
  private static final org.apache.lucene.analysis.Analyzer ANALYZER = QueryAnalyzer.keywords();

  @Test
  void expansionTermsArePhrasesOverEachField() {
    BooleanQuery q = (BooleanQuery) QueryFactory.phrases(ANALYZER, List.of("text", "title"), List.of("help line", "hotline"), 100);
    assertEquals(4, q.clauses().size());
    assertEquals(new PhraseQuery("text", "help", "line"), q.clauses().get(0).getQuery());
    assertEquals(new TermQuery(new org.apache.lucene.index.Term("title", "hotlin")), q.clauses().get(3).getQuery());
  }

  @Test
  void expansionStaysWithinItsClauseBudget() {
    List<String> terms = IntStream.range(0, 400).mapToObj(i -> "term" + i).toList();
    assertEquals(50, ((BooleanQuery) QueryFactory.phrases(ANALYZER, List.of("text", "title"), terms, 50)).clauses().size());
    BooleanQuery sw = (BooleanQuery) QueryFactory.phrases(ANALYZER, List.of("text"), List.of("sex workers"), 100);
    assertEquals(2, QueryFactory.leaves(sw)); // "sex workers" and its synonym "sw"
    assertEquals(org.apache.lucene.search.IndexSearcher.getMaxClauseCount() - 2, QueryFactory.clauseBudget(sw));
  }

  @Test
  void questionWordsAreStopWords() {
    BooleanQuery q = (BooleanQuery) QueryFactory.text(QueryAnalyzer.challenges(), java.util.Map.of("text", 1f), "How can we reach our clients?");
    assertEquals("text:reach text:client", q.clauses().stream().map(c -> c.getQuery().toString()).reduce((a, b) -> a + " " + b).orElseThrow());
    assertTrue(QueryAnalyzer.CHALLENGE_STOP_WORDS_EN.contains("how"));
  }
}
