package org.practicefinder.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.model.Guidance;

/** The guidance index built beside the practices from the real manual. */
class GuidanceLibraryTest {
  @Test
  void entriesAreStoredInManualOrderAndSearchable() throws Exception {
    TestLibrary.real(); // builds target/test-index, guidance included
    try (GuidanceLibrary guidance = GuidanceLibrary.open(Path.of("target", "test-index"))) {
      assertEquals(71, guidance.entries().size());
      assertEquals("aim-purpose", guidance.entries().get(0).id());
      assertEquals("background-collection", guidance.entries().get(70).id());
      List<String> gaps = guidance.ofKind(Guidance.Kind.GAP).stream().map(Guidance::id).toList();
      assertEquals(List.of("gap-coverage", "gap-integration", "gap-undocumented-migrants", "gap-male-transgender",
          "gap-personal-safety", "gap-representation", "gap-stigma"), gaps);
      Guidance migrants = guidance.entry("gap-undocumented-migrants").orElseThrow();
      assertEquals(List.of("RU-6"), migrants.gap().orElseThrow().practices());
      assertEquals(Optional.empty(), guidance.entry("gap-nothing"));

      var query = new QueryParser(GuidanceLibrary.text(org.practicefinder.taxonomy.Language.EN), new EnglishAnalyzer()).parse("insurance residence deported");
      ScoreDoc[] hits = guidance.searcher().search(query, 3).scoreDocs;
      assertEquals("gap-undocumented-migrants", guidance.entryOfDoc(hits[0].doc).id());
    }
  }
}
