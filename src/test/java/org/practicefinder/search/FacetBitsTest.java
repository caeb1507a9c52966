package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.Language;

/**
 * The facet counts from bitsets against Lucene's own drill-sideways facet counts on the fixture
 * manual (eight practices): the same hits and, per dimension and value, the same counts and totals.
 */
class FacetBitsTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final FacetBits BITS = new FacetBits(LIBRARY);
  private static final SortedSetDocValuesReaderState STATE = state();

  /** The facets' doc values as Lucene's facet counting reads them: the reference, not used in serving. */
  private static SortedSetDocValuesReaderState state() {
    try {
      return new DefaultSortedSetDocValuesReaderState(LIBRARY.searcher().getIndexReader(), LIBRARY.facetsConfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return dimension → value → count, and under "" dimension → total, as Lucene's DrillSideways counts them */
  private static Map<String, Map<String, Integer>> lucene(Query query, Map<String, List<String>> filters, List<Integer> hits)
      throws IOException {
    DrillDownQuery ddq = new DrillDownQuery(LIBRARY.facetsConfig(), query);
    filters.forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
    DrillSideways.DrillSidewaysResult r = new DrillSideways(LIBRARY.searcher(), LIBRARY.facetsConfig(), STATE)
        .search(ddq, 100);
    for (ScoreDoc sd : r.hits.scoreDocs) hits.add(sd.doc);
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    for (String dim : LIBRARY.dimensions()) {
      Map<String, Integer> counts = new HashMap<>();
      FacetResult fr = r.facets.getTopChildren(1000, dim);
      if (fr != null) {
        for (LabelAndValue lv : fr.labelValues) counts.put(lv.label, lv.value.intValue());
        totals.put(dim, fr.value.intValue());
      } else {
        totals.put(dim, 0);
      }
      out.put(dim, counts);
    }
    out.put("", totals);
    return out;
  }

  /** @return the same from {@link FacetBits}, zero counts left out */
  private static Map<String, Map<String, Integer>> bits(Query query, Map<String, List<String>> filters, List<Integer> hits)
      throws IOException {
    java.util.BitSet matching = new java.util.BitSet();
    for (ScoreDoc sd : LIBRARY.searcher().search(query, 100).scoreDocs) matching.set(sd.doc);
    java.util.BitSet passing = BITS.passing(filters, null);
    for (int doc = matching.nextSetBit(0); doc >= 0; doc = matching.nextSetBit(doc + 1)) {
      if (passing == null || passing.get(doc)) hits.add(doc);
    }
    FacetBits.Counts c = BITS.counts(matching, filters);
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    c.facets().forEach((dim, values) -> {
      Map<String, Integer> counts = new HashMap<>();
      values.stream().filter(v -> v.count() > 0).forEach(v -> counts.put(v.value(), v.count()));
      out.put(dim, counts);
    });
    out.put("", c.totals());
    return out;
  }

  private static void same(Query query, Map<String, List<String>> filters) throws IOException {
    List<Integer> luceneHits = new ArrayList<>();
    List<Integer> bitsHits = new ArrayList<>();
    assertEquals(lucene(query, filters, luceneHits), bits(query, filters, bitsHits), query + " " + filters);
    luceneHits.sort(null);
    assertEquals(luceneHits, bitsHits, query + " " + filters);
  }

  @Test
  void countsAsLucenesDrillSideways() throws IOException {
    Query all = new MatchAllDocsQuery();
    Query sexWork = new BooleanQuery.Builder()
        .add(new TermQuery(new org.apache.lucene.index.Term(Fields.text(Language.EN), "sex")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new org.apache.lucene.index.Term(Fields.text(Language.EN), "outreach")), BooleanClause.Occur.SHOULD)
        .build();
    List<Map<String, List<String>>> filters = List.of(
        Map.of(),
        Map.of("population", List.of("transgender")),
        Map.of("population", List.of("transgender", "migrants")),
        Map.of("country", List.of("Russia")),
        Map.of("setting", List.of("indoor"), "country", List.of("Russia")),
        Map.of("population", List.of("transgender", "migrants"), "country", List.of("Ukraine"), "location", List.of("Kyiv")));
    for (Map<String, List<String>> f : filters) {
      same(all, f);
      same(sexWork, f);
    }
  }

  @Test
  void theFixturesCountsAreNotAllZero() throws IOException {
    Map<String, Map<String, Integer>> all = bits(new MatchAllDocsQuery(), Map.of(), new ArrayList<>());
    assertEquals(Map.of("Ukraine", 4, "Russia", 4), all.get("country"));
    assertEquals(7, all.get("").get("location"));
  }
}
