package org.practicefinder.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;
import org.practicefinder.embed.Embedder;
import org.practicefinder.ingest.ManualFormatException;

/** Building, verifying and keeping the index, on the fixture manual with the fake model. */
class IndexBuilderTest {
  private static final Embedder EMBEDDER = TestLibrary.fixtureEmbedder();
  @TempDir Path tmp;
  private Path seeds;
  private Path index;
  private String manual;

  @BeforeEach
  void copyTheFixture() throws Exception {
    seeds = Files.createDirectories(tmp.resolve("seeds"));
    index = tmp.resolve("index");
    manual = Files.readString(TestLibrary.FIXTURE_SEEDS.resolve("manual.txt"));
    Files.writeString(seeds.resolve("manual.txt"), manual);
  }

  private String titleOf(String id) throws Exception {
    try (PracticeLibrary library = PracticeLibrary.open(index)) {
      return library.record(id).orElseThrow().practice().title();
    }
  }

  @Test
  void rebuildsOnlyWhenTheSeedsChange() throws Exception {
    assertTrue(IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertFalse(IndexBuilder.ensure(seeds, index, EMBEDDER));
    Files.writeString(seeds.resolve("manual.txt"), manual.replace("\nNight outreach at truck stops\n", "\nNight outreach at lorry parks\n"));
    assertTrue(IndexBuilder.ensure(seeds, index, EMBEDDER));
    try (PracticeLibrary library = PracticeLibrary.open(index)) {
      assertEquals(8, library.records().size());
      assertEquals("Night outreach at lorry parks", library.record("UA-1").orElseThrow().practice().title());
      assertEquals(library.records().get(1), library.recordOfDoc(1));
    }
  }

  /** The largest file of the index: the one holding the stored records and vectors. */
  private Path largestIndexFile() throws Exception {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(f -> !f.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
    }
  }

  @Test
  void flippedBytesInsideTheIndexAreFoundAndTheIndexRebuilt() throws Exception {
    IndexBuilder.ensure(seeds, index, EMBEDDER);
    Path victim = largestIndexFile();
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      long at = f.length() / 2; // inside the data, away from header and footer
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xFF);
    }
    assertThrows(Exception.class, () -> IndexBuilder.verifiedFingerprint(index)); // the checksum no longer holds
    assertTrue(IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertEquals(IndexBuilder.fingerprint(seeds, EMBEDDER), IndexBuilder.verifiedFingerprint(index));
    assertEquals("Police trainings on the rights of sex workers", titleOf("UA-3"));
  }

  @Test
  void aTruncatedIndexFileIsRebuiltNotAStartUpFailure() throws Exception {
    IndexBuilder.ensure(seeds, index, EMBEDDER);
    Path victim = largestIndexFile();
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    assertTrue(IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertEquals("A telephone hotline answered by peers", titleOf("UA-2"));
  }

  @Test
  void anOverwrittenCommitIsRebuilt() throws Exception {
    IndexBuilder.ensure(seeds, index, EMBEDDER);
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.writeString(f, "not a Lucene commit");
      }
    }
    assertTrue(IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertEquals(8, PracticeLibrary.open(index).records().size());
  }

  @Test
  void seedsThatAreNotTheManualKeepTheLastGoodIndex() throws Exception {
    IndexBuilder.ensure(seeds, index, EMBEDDER);
    Path notes = seeds.resolve("notes.txt");
    Files.writeString(notes, "Shopping list: bread, milk.\n");
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> IndexBuilder.build(seeds, tmp.resolve("other"), EMBEDDER));
    assertTrue(e.getMessage().startsWith(notes + ": no practice found"), e.getMessage());
    assertFalse(IndexBuilder.ensure(seeds, index, EMBEDDER)); // the fingerprint changed, the build failed: the old index stays
    assertEquals("Night outreach at truck stops", titleOf("UA-1"));
  }

  @Test
  void seedsThatAreNotUtf8NameTheFileAndLine() throws Exception {
    IndexBuilder.ensure(seeds, index, EMBEDDER);
    String title = "Night outreach at truck stops";
    byte[] latin1 = manual.replace(title, title + " caf\u00e9").getBytes(StandardCharsets.ISO_8859_1); // é is one byte, 0xE9
    Files.write(seeds.resolve("manual.txt"), latin1);
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> IndexBuilder.build(seeds, tmp.resolve("other"), EMBEDDER));
    int offset = manual.indexOf(title) + title.length() + " caf".length();
    assertEquals(seeds.resolve("manual.txt") + " line 8: not valid UTF-8 (byte 0xE9 at offset " + offset
        + "); save the manual's text as UTF-8", e.getMessage());
    assertFalse(IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertEquals(8, PracticeLibrary.open(index).records().size());
  }

  @Test
  void withoutAGoodIndexBadSeedsAreAnError() throws Exception {
    Files.writeString(seeds.resolve("manual.txt"), "Good Practices | F R A N C E\n");
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> IndexBuilder.ensure(seeds, index, EMBEDDER));
    assertEquals(seeds.resolve("manual.txt") + " line 1: unknown country in collection heading: F R A N C E", e.getMessage());
    assertEquals(List.of(), Files.exists(index) ? Files.list(index).toList() : List.of());
  }
}
