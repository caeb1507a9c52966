package org.practicefinder.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.model.Country;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;

/** The data format of added practices: what loads, and the errors that name file, record and field. */
class PracticeFileTest {
  private static final PracticeFile READER = new PracticeFile();
  private static final String MINIMAL = """
      {"id": "MD-peer-line-chisinau", "title": "Peer phone line", "organisation": "Probe Line", "country": "Moldova",
       "sections": {"challenge": "Sex workers had nobody to call at night.", "action": "Peers answer a phone line every night."}}""";

  private static PracticeFile.Result read(String json) {
    return READER.read("added.json", json, Set.of("UA-1"));
  }

  @Test
  void aMinimalPracticeLoadsWithDefaults() {
    PracticeFile.Result r = read("[" + MINIMAL + "]");
    assertEquals(List.of(), r.errors());
    Practice p = r.practices().get(0);
    assertEquals("MD-peer-line-chisinau", p.id());
    assertEquals(new Country("MD", "Moldova"), p.country()); // a country beyond the manual's two, coded by the id
    assertEquals("en", p.language());
    assertEquals(Optional.empty(), p.source());
    assertEquals(List.of("Peers answer a phone line every night."), p.items(Section.ACTION));
  }

  @Test
  void theProbeFileLoadsWhole() throws Exception {
    PracticeFile.Result r = READER.read(Path.of("src/test/resources/practices/probes.json"), Set.of());
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(List.of("UA-night-route-kryvyi-rih", "RU-chat-outreach-novosibirsk", "UA-pregnant-women-harm-reduction"),
        r.practices().stream().map(Practice::id).toList());
    Practice online = r.practices().get(1);
    assertEquals("Probe practices for Practice Finder's tests", online.source().orElseThrow().title());
    assertEquals(Optional.of(2024), online.source().orElseThrow().year());
    assertEquals(List.of("Agreement with the maternity hospital", "Training of midwives on drug dependence"),
        r.practices().get(2).items(Section.STEPS));
  }

  @Test
  void schemaErrorsNameTheFileTheRecordAndTheField() {
    String bad = MINIMAL.replace("\"title\": \"Peer phone line\", ", "").replace("\"action\"", "\"actoin\"");
    PracticeFile.Result r = read("[" + MINIMAL.replace("MD-peer-line-chisinau", "MD-other") + ", " + bad + "]");
    assertFalse(r.ok());
    assertEquals(List.of(), r.practices()); // the good record goes with the file
    assertEquals(List.of(
        "added.json: record 2 (id MD-peer-line-chisinau), field sections.action: required property 'action' not found",
        "added.json: record 2 (id MD-peer-line-chisinau), field sections.actoin: property 'actoin' is not defined in the "
            + "schema and the schema does not allow additional properties",
        "added.json: record 2 (id MD-peer-line-chisinau), field title: required property 'title' not found"), r.errors());
  }

  @Test
  void badValuesAreNamedByField() {
    PracticeFile.Result r = read("[" + MINIMAL.replace("MD-peer-line-chisinau", "MD-Peer_Line")
        .replace("\"country\": \"Moldova\"", "\"country\": \"Moldova\", \"language\": \"de\", \"locations\": [\"\"]") + "]");
    assertEquals(3, r.errors().size(), r.errors().toString());
    assertTrue(r.errors().get(0).startsWith("added.json: record 1 (id MD-Peer_Line), field id: "), r.errors().get(0));
    assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("added.json: record 1 (id MD-Peer_Line), field locations[1]: ")));
    assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("added.json: record 1 (id MD-Peer_Line), field language: ")));
  }

  @Test
  void duplicateIdsAreRefused() {
    PracticeFile.Result taken = read("[" + MINIMAL.replace("MD-peer-line-chisinau", "UA-1").replace("Moldova", "Ukraine") + "]");
    assertEquals(List.of("added.json: record 1 (id UA-1), field id: the id is already in the library"), taken.errors());
    PracticeFile.Result twice = read("[" + MINIMAL + ", " + MINIMAL + "]");
    assertEquals(List.of("added.json: record 2 (id MD-peer-line-chisinau), field id: the id appears twice in this file"),
        twice.errors());
  }

  @Test
  void theIdMustCarryTheCountrysCode() {
    PracticeFile.Result r = read("[" + MINIMAL.replace("MD-peer-line-chisinau", "RU-peer-line").replace("Moldova", "Ukraine") + "]");
    assertEquals(List.of("added.json: record 1 (id RU-peer-line), field country: country Ukraine has the code UA, not RU"),
        r.errors());
  }

  @Test
  void brokenJsonAndWrongShapes() {
    List<String> broken = read("[" + MINIMAL.substring(0, 8)).errors();
    assertEquals(1, broken.size());
    assertTrue(broken.get(0).startsWith("added.json: not valid JSON (line 1, column 10): Unexpected end-of-input"), broken.get(0));
    assertEquals(List.of("added.json: the file: object found, array expected"), read(MINIMAL).errors());
    assertEquals(List.of("added.json: empty file"), read("").errors());
    assertEquals(List.of("added.json: the file: must have at least 1 items but found 0"), read("[]").errors());
  }

  @Test
  void aBadFileIsSkippedAndTheOthersLoad(@TempDir Path seeds) throws Exception {
    Files.writeString(seeds.resolve("a.json"), "[" + MINIMAL + "]");
    Files.writeString(seeds.resolve("b.json"), "[{\"id\": \"MD-broken\"}]");
    Files.writeString(seeds.resolve("c.json"), "[" + MINIMAL.replace("MD-peer-line-chisinau", "MD-second") + "]");
    Files.createDirectories(seeds.resolve("translations/ru"));
    Files.writeString(seeds.resolve("translations/ru/a.json"), "not read: subfolders hold translations");
    Seeds loaded = Seeds.load(seeds);
    assertEquals(List.of("MD-peer-line-chisinau", "MD-second"), loaded.practices().stream().map(Practice::id).toList());
    assertEquals(4, loaded.errors().size()); // b.json: title, organisation, country, sections
    assertTrue(loaded.errors().stream().allMatch(e -> e.startsWith(seeds.resolve("b.json") + ": record 1 (id MD-broken), field ")));
    assertEquals(List.of(), loaded.guidance()); // no manual text in this folder
  }
}
