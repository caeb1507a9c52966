package org.practicefinder.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicefinder.index.Dimensions;
import org.practicefinder.index.PracticeLibrary;

/**
 * The facet values of one library generation as sets of Lucene document ids, one per value, made
 * once when the library is opened: with a few dozen practices, filtering and drill-sideways counting
 * are a few bitset intersections, where Lucene's facet collectors read doc values per request. The
 * values are read from the records in memory ({@link PracticeLibrary#valuesOf}), the same values the
 * index's facet fields hold (FacetBitsTest compares the counts with Lucene's). Immutable.
 */
final class FacetBits {
  /** A dimension's values in display order with their documents, and the documents having any of them. */
  private record Dimension(String id, List<String> values, List<BitSet> docs, BitSet any, boolean byCount) {}

  private final Map<String, Dimension> dimensions = new LinkedHashMap<>();

  FacetBits(PracticeLibrary library) {
    int maxDoc = library.searcher().getIndexReader().maxDoc();
    for (String dim : library.dimensions()) {
      List<String> values = library.knownValues(dim);
      Map<String, BitSet> docs = new LinkedHashMap<>();
      values.forEach(v -> docs.put(v, new BitSet(maxDoc)));
      BitSet any = new BitSet(maxDoc);
      for (int doc = 0; doc < maxDoc; doc++) {
        for (String v : PracticeLibrary.valuesOf(library.recordOfDoc(doc), dim)) {
          BitSet set = docs.get(v);
          if (set != null) set.set(doc);
          any.set(doc);
        }
      }
      // a dimension of the practices' headers (country, places) lists its most frequent values first; years in order
      boolean byCount = library.vocabulary().dimension(dim).isEmpty() && library.registry().source(dim) != Dimensions.Source.YEAR;
      dimensions.put(dim, new Dimension(dim, values, List.copyOf(docs.values()), any, byCount));
    }
  }

  /**
   * @param filters dimension → values (known ones: {@link PracticeLibrary#validateFilters}); values
   *     of one dimension combine with OR, dimensions with AND
   * @param except a dimension whose filter is left out (drill-sideways), or null
   * @return the documents that pass every filter but {@code except}'s
   */
  BitSet passing(Map<String, List<String>> filters, String except) {
    BitSet out = null;
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      if (f.getKey().equals(except)) continue;
      Dimension d = dimensions.get(f.getKey());
      BitSet any = new BitSet();
      for (String v : f.getValue()) any.or(d.docs().get(d.values().indexOf(v)));
      if (out == null) out = any;
      else out.and(any);
    }
    return out;
  }

  /**
   * Drill-sideways counts: a dimension's counts are over the matching documents that pass the other
   * dimensions' filters, so a selected value still shows its siblings.
   *
   * @param matching documents matching the query, before the filters
   * @return dimension → every value with its count (concepts in vocabulary order, years in order,
   *     countries and places most frequent first), and dimension → documents having any value of it
   */
  Counts counts(BitSet matching, Map<String, List<String>> filters) {
    Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
    Map<String, Integer> totals = new LinkedHashMap<>();
    BitSet all = filtered(matching, passing(filters, null));
    for (Dimension d : dimensions.values()) {
      BitSet base = filters.containsKey(d.id()) ? filtered(matching, passing(filters, d.id())) : all;
      List<SearchResult.FacetCount> counts = new ArrayList<>(d.values().size());
      BitSet scratch = new BitSet();
      for (int i = 0; i < d.values().size(); i++) {
        scratch.clear();
        scratch.or(base);
        scratch.and(d.docs().get(i));
        counts.add(new SearchResult.FacetCount(d.values().get(i), scratch.cardinality()));
      }
      if (d.byCount()) counts.sort(Comparator.comparingInt(SearchResult.FacetCount::count).reversed());
      scratch.clear();
      scratch.or(base);
      scratch.and(d.any());
      facets.put(d.id(), counts);
      totals.put(d.id(), scratch.cardinality());
    }
    return new Counts(facets, totals);
  }

  /** @param facets dimension → values with counts; @param totals dimension → documents with any value */
  record Counts(Map<String, List<SearchResult.FacetCount>> facets, Map<String, Integer> totals) {}

  /** @return a copy of {@code docs} without those outside {@code passing}; all of them when it is null */
  private static BitSet filtered(BitSet docs, BitSet passing) {
    BitSet out = (BitSet) docs.clone();
    if (passing != null) out.and(passing);
    return out;
  }
}
