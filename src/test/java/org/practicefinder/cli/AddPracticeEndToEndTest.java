package org.practicefinder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.search.SearchRequest;
import org.practicefinder.taxonomy.ConceptDetector;
import picocli.CommandLine;

/**
 * "A practice added as a JSON file appears, tagged, searchable and recommended, after one command":
 * a copy of the fixture seeds, a practice file put beside them, the README's command (validate, then
 * index), then search and recommend over the index it built, with the real model as served.
 */
class AddPracticeEndToEndTest {
  private static final String ID = "UA-mobile-clinic-kherson";

  @Test
  void aPracticeFileIsTaggedSearchableAndRecommendedAfterTheCommand(@TempDir Path dir) throws Exception {
    Path seeds = dir.resolve("seeds");
    Path index = dir.resolve("index");
    copy(TestLibrary.FIXTURE_SEEDS, seeds);
    Files.copy(Path.of("src/test/resources/practices/added.json"), seeds.resolve("ours.json"));

    assertEquals(0, new CommandLine(new Main()).execute("validate", "--seeds", seeds.toString()));
    assertEquals(0, new CommandLine(new Main()).execute("index", "--seeds", seeds.toString(), "--index", index.toString()));

    try (PracticeLibrary library = PracticeLibrary.open(index)) {
      assertEquals(9, library.records().size()); // the fixture's eight, then the file's
      PracticeRecord added = library.record(ID).orElseThrow();
      assertEquals(8, added.order());
      assertEquals(List.of("transgender"), added.tagging().get("population"));
      assertTrue(added.tagging().get("service").containsAll(List.of("hiv-sti-testing", "peer-education", "referrals")),
          added.tagging().get("service").toString());
      assertEquals("In 2018 the organisation fitted out a minibus as a mobile clinic.", added.tagging().evidence().get("2018"));

      ConceptDetector detector = new ConceptDetector(library.vocabulary());
      PracticeSearcher searcher = new PracticeSearcher(library, detector);
      assertEquals(ID, searcher.search(new SearchRequest("minibus syphilis", Map.of(), 1, 10)).hits().get(0).id());
      assertTrue(searcher.search(new SearchRequest("", Map.of("population", List.of("transgender")), 1, 10)).hits().stream()
          .anyMatch(h -> h.id().equals(ID)));

      Recommender recommender = Recommender.create(library, detector, TestLibrary.realEmbedder());
      var result = recommender.recommend(Recommender.Request.of(
          "How can a bus bring syphilis and hepatitis tests to transgender sex workers at night?"));
      assertEquals(ID, result.recommendations().get(0).id());
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
  }
}
