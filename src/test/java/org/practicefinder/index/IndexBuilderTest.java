package org.practicefinder.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;

class IndexBuilderTest {
  @Test
  void rebuildsOnlyWhenTheSeedsChange(@TempDir Path tmp) throws Exception {
    Path seeds = Files.createDirectories(tmp.resolve("seeds"));
    Path index = tmp.resolve("index");
    String manual = Files.readString(TestLibrary.SEEDS.resolve("000_20c828ce148df325.txt"));
    Files.writeString(seeds.resolve("manual.txt"), manual);
    assertTrue(IndexBuilder.ensure(seeds, index, TestLibrary.embedder()));
    assertFalse(IndexBuilder.ensure(seeds, index, TestLibrary.embedder()));
    Files.writeString(seeds.resolve("manual.txt"), manual.replaceFirst("\nCrisis centre \n", "\nCrisis center \n"));
    assertTrue(IndexBuilder.ensure(seeds, index, TestLibrary.embedder()));
    try (PracticeLibrary library = PracticeLibrary.open(index)) {
      assertEquals(39, library.records().size());
      assertEquals("Crisis center", library.record("UA-2a").orElseThrow().practice().title());
      assertEquals(library.records().get(1), library.recordOfDoc(1));
    }
  }
}
