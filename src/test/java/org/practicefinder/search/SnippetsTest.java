package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * The search's snippets (sections' text and term offsets from memory, sections without the query's
 * words skipped) against Lucene's highlighter reading the index's stored sections and postings, on
 * the fixture manual: the same passages, in three languages, for words, a phrase and a prefix.
 */
class SnippetsTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final PracticeSearcher SEARCHER = new PracticeSearcher(LIBRARY, new ConceptDetector(LIBRARY.vocabulary()));
  private static final UnifiedHighlighter LUCENE = UnifiedHighlighter.builder(LIBRARY.searcher(), Fields.analyzer())
      .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
      .withFieldMatcher(field -> true).withMaxNoHighlightPassages(0).withWeightMatches(false).build();

  /** @return per hit, its snippets as section: html, as Lucene's highlighter gives them for the same hits */
  private static List<List<String>> lucene(String query, SearchResult result, Language language) throws IOException {
    List<Language> languages = language == Language.EN ? List.of(Language.EN) : List.of(language, Language.EN);
    List<String> fields = new ArrayList<>();
    for (Language l : languages) {
      for (Section s : Section.values()) fields.add(Fields.section(s, l));
    }
    ScoreDoc[] page = result.hits().stream().map(h -> new ScoreDoc(docOf(h.id()), h.score())).toArray(ScoreDoc[]::new);
    int[] one = new int[fields.size()];
    Arrays.fill(one, 1);
    Map<String, String[]> byField = LUCENE.highlightFields(fields.toArray(String[]::new), SEARCHER.words(query),
        new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), one);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Language served = LIBRARY.recordOfDoc(page[i].doc).served(language);
      List<String> snippets = new ArrayList<>();
      for (Section s : Section.values()) {
        String html = byField.get(Fields.section(s, served))[i];
        if (html != null && snippets.size() < 3) snippets.add(s.key() + ": " + html);
      }
      out.add(snippets);
    }
    return out;
  }

  private static int docOf(String id) {
    for (int doc = 0; ; doc++) {
      if (LIBRARY.recordOfDoc(doc).id().equals(id)) return doc;
    }
  }

  private static List<List<String>> ours(SearchResult result) {
    return result.hits().stream().map(h -> h.snippets().stream().map(s -> s.section() + ": " + s.html()).toList()).toList();
  }

  @Test
  void theSameSnippetsAsLucenesHighlighterOnTheIndex() throws IOException {
    int snippets = 0;
    for (Language language : Language.values()) {
      for (String query : List.of("police violence", "outreach workers", "\"peer educators\"", "train*", "полиция", "ВІЛ")) {
        SearchResult result = SEARCHER.search(new SearchRequest(query, Map.of(), 1, 10, java.util.Set.of(), language, false));
        assertEquals(lucene(query, result, language), ours(result), query + " " + language);
        snippets += ours(result).stream().mapToInt(List::size).sum();
      }
    }
    assertTrue(snippets > 20, "snippets compared: " + snippets);
  }

  @Test
  void aTextLongerThanTheHighlightersLimitIsCutWhereLucenesIs() throws IOException {
    // Lucene reads no more than maxLength characters of a stored value (10,000 by default); a text given
    // from memory must be cut there too, or a long section's snippet comes from past the limit
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(LIBRARY.searcher(), Fields.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withFieldMatcher(field -> true).withMaxNoHighlightPassages(0).withWeightMatches(false).withMaxLength(60);
    String[] fields = Arrays.stream(Section.values()).map(s -> Fields.section(s, Language.EN)).toArray(String[]::new);
    Query query = SEARCHER.words("sex workers");
    TopDocs all = LIBRARY.searcher().search(new MatchAllDocsQuery(), 100);
    int[] one = new int[fields.length];
    Arrays.fill(one, 1);
    Map<String, String[]> lucene = builder.build().highlightFields(fields, query, all, one);
    StoredFields stored = LIBRARY.searcher().storedFields();
    MemoryHighlighter.Texts texts = (doc, field) -> {
      try {
        return java.util.Objects.requireNonNullElse(stored.document(doc).get(field), "");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    for (TermOffsets offsets : java.util.Arrays.asList(null, new TermOffsets(LIBRARY.searcher().getIndexReader(), List.of(fields)))) {
      Map<String, String[]> ours = new MemoryHighlighter(builder, texts, offsets).highlightFields(fields, query, all, one);
      for (String f : fields) assertEquals(Arrays.asList(lucene.get(f)), Arrays.asList(ours.get(f)), f + (offsets == null ? "" : ", term offsets"));
    }
    long passages = lucene.values().stream().flatMap(Arrays::stream).filter(java.util.Objects::nonNull).count();
    assertTrue(passages > 0, "some passages within the limit");
  }
}
