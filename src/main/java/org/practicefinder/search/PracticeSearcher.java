package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * BM25 search over the practices in every language, with facet filters, drill-sideways facet counts
 * and highlighted snippets in the reader's language. The query is analysed with each language's
 * analysis and matched against that language's fields; a practice scores as its best language does
 * (a disjunction-max), so a Russian query is answered by the Russian text, an English one by the
 * English. Thread-safe.
 */
public final class PracticeSearcher {
  /** Title words say what a practice is about; they weigh more than a word anywhere in the text. */
  static final float TITLE_BOOST = 2f;
  /** A concept detected in the query (any language) raises practices tagged with it by this much. */
  static final float CONCEPT_BOOST = 1f;
  private static final int MAX_SNIPPETS = 3;

  private final PracticeLibrary library;
  private final Analyzer analyzer = QueryAnalyzer.keywordsByField();
  private final ConceptDetector detector;
  private final UnifiedHighlighter.Builder highlighting;
  private final TermOffsets sectionOffsets;
  /** Section field → its section and language. */
  private final Map<String, Map.Entry<Section, Language>> sectionFields = new HashMap<>();
  private final Lexicon lexicon;
  private final FacetBits facetBits;

  public PracticeSearcher(PracticeLibrary library, ConceptDetector detector) {
    this.library = library;
    this.lexicon = new Lexicon(library);
    this.detector = detector;
    this.facetBits = new FacetBits(library);
    for (Language l : Language.values()) {
      for (Section s : Section.values()) sectionFields.put(Fields.section(s, l), Map.entry(s, l));
    }
    this.sectionOffsets = new TermOffsets(library.searcher().getIndexReader(), sectionFields.keySet());
    this.highlighting = UnifiedHighlighter.builder(library.searcher(), Fields.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withFieldMatcher(field -> true) // query terms are on the catch-all field; highlight them in every section
        .withMaxNoHighlightPassages(0)
        // the query's terms, read from each section's postings: matching the whole query again per section
        // and document (weight matches) took two thirds of a search; the passage chosen differs in 2 % of snippets
        .withWeightMatches(false);
  }

  /**
   * @return the section's text in that language from the record in memory, as IndexBuilder indexes it;
   *     "" where the practice has none
   */
  private String sectionText(int doc, String field) {
    Map.Entry<Section, Language> f = sectionFields.get(field);
    if (f == null) throw new IllegalArgumentException("not a section field: " + field);
    PracticeRecord record = library.recordOfDoc(doc);
    return record.served(f.getValue()) == f.getValue() ? record.practice(f.getValue()).text(f.getKey()).orElse("") : "";
  }

  /**
   * @return the requested page, with facet counts for every dimension
   * @throws IllegalArgumentException if a filter names an unknown dimension or value
   */
  public SearchResult search(SearchRequest request) {
    library.validateFilters(request.filters());
    String folded = Homoglyphs.fold(request.query());
    Optional<String> corrected = request.spelling() ? lexicon.corrected(folded) : Optional.empty();
    String query = corrected.orElse(folded);
    String wanted = QueryFactory.withoutNegations(query);
    List<ConceptDetector.Detected> concepts = detector.detect(wanted).stream()
        .filter(d -> !request.excludedConcepts().contains(d.concept().id()))
        .toList();
    Query words = wanted.isBlank() ? null : words(wanted);
    Query text = words == null
        ? new MatchAllDocsQuery()
        : QueryFactory.any(words, QueryFactory.concepts(library.facetsConfig(), concepts, CONCEPT_BOOST));
    Query excluded = QueryFactory.exclusion(analyzer, allFields(), query, library.facetsConfig(), detector);
    if (excluded != null) {
      text = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(excluded, BooleanClause.Occur.MUST_NOT).build();
    }
    try {
      // every match, best first (ties in document order, as Lucene's top hits): a few dozen practices
      ScoreDoc[] matches = library.searcher().search(text, Math.max(1, library.searcher().getIndexReader().maxDoc())).scoreDocs;
      BitSet matching = new BitSet();
      for (ScoreDoc sd : matches) matching.set(sd.doc);
      BitSet passing = facetBits.passing(request.filters(), null);
      List<ScoreDoc> hits = new ArrayList<>();
      for (ScoreDoc sd : matches) {
        if (passing == null || passing.get(sd.doc)) hits.add(sd);
      }
      int from = Math.min(hits.size(), (request.page() - 1) * request.size());
      ScoreDoc[] page = hits.subList(from, Math.min(hits.size(), request.page() * request.size())).toArray(ScoreDoc[]::new);
      Map<Integer, List<SearchResult.Snippet>> snippets = words == null ? Map.of() : snippets(words, page, request.language());
      List<SearchResult.Hit> pageHits = new ArrayList<>();
      for (ScoreDoc sd : page) {
        pageHits.add(new SearchResult.Hit(library.recordOfDoc(sd.doc).id(), sd.score, snippets.getOrDefault(sd.doc, List.of())));
      }
      FacetBits.Counts counts = facetBits.counts(matching, request.filters());
      return new SearchResult(hits.size(), pageHits, counts.facets(), counts.totals(), concepts, corrected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the fields of a language and their boosts: its catch-all text and, weighing more, its title */
  static Map<String, Float> fields(Language language) {
    Map<String, Float> fields = new LinkedHashMap<>(); // a fixed clause order: the same scores on every run
    fields.put(Fields.text(language), 1f);
    fields.put(Fields.title(language), TITLE_BOOST);
    return fields;
  }

  private static Map<String, Float> allFields() {
    Map<String, Float> all = new LinkedHashMap<>();
    for (Language l : Language.values()) all.putAll(fields(l));
    return all;
  }

  /** @return the best of the query's BM25 scores over each language's fields, with that language's analysis */
  Query words(String text) {
    List<Query> byLanguage = new ArrayList<>();
    for (Language l : Language.values()) byLanguage.add(QueryFactory.text(analyzer, fields(l), text));
    return new DisjunctionMaxQuery(byLanguage, 0f);
  }

  /**
   * @return doc id → one highlighted passage per section that has a match, in section order, at
   *     most three, from the practice's text in the reader's language (English where it is not translated)
   */
  private Map<Integer, List<SearchResult.Snippet>> snippets(Query query, ScoreDoc[] page, Language language) throws IOException {
    List<Language> languages = language == Language.EN ? List.of(Language.EN) : List.of(language, Language.EN);
    List<String> fields = new ArrayList<>();
    for (Language l : languages) {
      for (Section s : Section.values()) fields.add(Fields.section(s, l));
    }
    int[] maxPassages = new int[fields.size()];
    Arrays.fill(maxPassages, 1);
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    // a section in a language other than the one its practice is served in, or with none of the query's words,
    // is given as "" (no snippet either way): Lucene would split it into sentences before finding that
    Set<BytesRef> terms = plainTerms(query);
    MemoryHighlighter highlighter = new MemoryHighlighter(highlighting, (doc, field) ->
        sectionFields.get(field).getValue() == library.recordOfDoc(doc).served(language)
            && (terms == null || sectionOffsets.hasAny(doc, field, terms)) ? sectionText(doc, field) : "", sectionOffsets);
    Map<String, String[]> byField = highlighter.highlightFields(fields.toArray(String[]::new), query, docs, maxPassages);
    Map<Integer, List<SearchResult.Snippet>> out = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      Language served = library.recordOfDoc(page[i].doc).served(language);
      List<SearchResult.Snippet> list = new ArrayList<>();
      for (Section s : Section.values()) {
        String html = byField.get(Fields.section(s, served))[i];
        if (html != null && list.size() < MAX_SNIPPETS) list.add(new SearchResult.Snippet(s.key(), html));
      }
      out.put(page[i].doc, list);
    }
    return out;
  }

  /** @return the words of a query, whatever their field; null when it has words matching a pattern (prefix, fuzzy) */
  private static Set<BytesRef> plainTerms(Query query) {
    Set<BytesRef> terms = new HashSet<>();
    boolean[] patterns = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... ts) {
        for (Term t : ts) terms.add(t.bytes());
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        patterns[0] = true;
      }
    });
    return patterns[0] ? null : terms;
  }
}
