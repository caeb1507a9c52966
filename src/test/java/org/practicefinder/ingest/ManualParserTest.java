package org.practicefinder.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.model.Country;
import org.practicefinder.model.Place;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;

/** The parser on the real manual in seeds/. */
class ManualParserTest {
  private static List<Practice> practices;
  private static Map<String, Practice> byId;

  @BeforeAll
  static void parse() throws IOException {
    practices = new ManualParser().parseFolder(Path.of("seeds"));
    byId = practices.stream().collect(Collectors.toMap(Practice::id, Function.identity()));
  }

  @Test
  void findsAll39PracticesInManualOrder() {
    assertEquals(List.of("UA-1", "UA-2a", "UA-2b", "UA-3", "UA-4", "UA-5a", "UA-5b", "UA-6a", "UA-6b", "UA-7",
        "UA-8", "UA-9", "UA-10", "UA-11", "UA-12", "UA-13", "UA-14a", "UA-14b", "UA-15",
        "RU-1", "RU-2a", "RU-2b", "RU-3", "RU-4", "RU-5", "RU-6", "RU-7", "RU-8", "RU-9", "RU-10", "RU-11a",
        "RU-11b", "RU-12", "RU-13", "RU-14", "RU-15", "RU-16", "RU-17", "RU-18"),
        practices.stream().map(Practice::id).toList());
    assertEquals(19, practices.stream().filter(p -> p.country() == Country.UKRAINE).count());
    assertEquals(20, practices.stream().filter(p -> p.country() == Country.RUSSIA).count());
    assertTrue(practices.stream().allMatch(p -> p.id().startsWith(p.country().code() + "-")));
  }

  @Test
  void titlesJoinLinesBrokenInTheLayout() {
    assertEquals("Involve police as agents of social changes", byId.get("UA-4").title());
    assertEquals("Services targeted to adolescents who provide sexual services", byId.get("UA-2b").title());
    assertEquals("Online outreach and information platform for male and transgender sex workers", byId.get("RU-5").title());
    assertEquals("Creation of a specific gender-sensitive community centre for marginalised and most-at-risk sex workers",
        byId.get("RU-16").title());
    assertEquals("Increase sex workers’ access to rapid HIV testing", byId.get("RU-13").title());
    assertEquals("Low-threshold Centre “Simona”", byId.get("RU-17").title());
    assertEquals("Woman to Woman empowerment centre", byId.get("UA-11").title());
  }

  @Test
  void organisationsIncludingHeadersBrokenOverLines() {
    assertEquals("Victoria, Khmelnytsky Regional Association for Overcoming Addiction and AIDS", byId.get("UA-4").organisation());
    assertEquals("International AIDS Alliance in Ukraine", byId.get("UA-6a").organisation());
    assertEquals("Sevastopol city Centre of Women Initiatives", byId.get("UA-11").organisation());
    assertEquals("Kharkiv Charitable Foundation Welfare", byId.get("UA-13").organisation());
    assertEquals("Charity Fund «Tomsk ANTIAIDS»", byId.get("RU-18").organisation());
    assertEquals("Faith, Hope, Love", byId.get("UA-8").organisation());
  }

  @Test
  void locationsAreCanonicalPlaces() {
    assertEquals(List.of("Kirovograd", "Mariupol", "Vinnytsia"), byId.get("UA-5a").locationNames());
    assertEquals(List.of(new Place("Ufa", Optional.of("Bashkortostan"))), byId.get("RU-14").locations());
    assertEquals(List.of(new Place("Kazan", Optional.of("Tatarstan"))), byId.get("RU-17").locations());
    assertEquals(List.of("Kazan"), byId.get("RU-7").locationNames());
    // ST. PETERSBURG and SAINT PETERSBURG are one place
    assertEquals(List.of("Saint Petersburg"), byId.get("RU-1").locationNames());
    assertEquals(List.of("Saint Petersburg"), byId.get("RU-11a").locationNames());
    // "Police" in the header is a partner, not a place
    assertEquals(List.of("Khmelnytskyi Region"), byId.get("UA-4").locationNames());
    assertEquals(List.of("Naberezhnye Chelny"), byId.get("RU-16").locationNames());
    // a scope is not a place
    assertEquals(List.of(), byId.get("UA-6a").locations());
    assertEquals(Optional.of("National"), byId.get("UA-6b").scope());
    assertEquals(List.of(), byId.get("UA-7").locations());
    assertEquals(Optional.of("International"), byId.get("UA-7").scope());
    assertEquals(Country.UKRAINE, byId.get("UA-7").country());
  }

  @Test
  void websiteOrContact() {
    assertEquals(Optional.of("http://www.salus.org.ua"), byId.get("UA-2a").url());
    assertEquals(Optional.of("http://haf-spb.org/en/"), byId.get("RU-1").url());
    assertEquals(Optional.of("http://www.narativ.com/consulting/advocacy"), byId.get("UA-7").url());
    assertEquals(Optional.empty(), byId.get("UA-15").url());
    assertEquals(Optional.of("orchideja@ukr.net"), byId.get("UA-15").contact());
    assertEquals(Optional.empty(), byId.get("RU-3").url());
    assertEquals(Optional.empty(), byId.get("RU-3").contact());
    assertEquals(29, practices.stream().filter(p -> p.url().isPresent()).count());
  }

  @Test
  void stepAndLessonCounts() {
    Map<String, int[]> expected = Map.of(
        "UA-1", new int[] {4, 4}, "UA-2a", new int[] {7, 3}, "UA-3", new int[] {9, 3}, "UA-6a", new int[] {7, 3},
        "UA-14b", new int[] {2, 2}, "RU-1", new int[] {12, 3}, "RU-2a", new int[] {10, 3}, "RU-4", new int[] {6, 1},
        "RU-7", new int[] {2, 4}, "RU-18", new int[] {6, 1});
    expected.forEach((id, counts) -> {
      assertEquals(counts[0], byId.get(id).items(Section.STEPS).size(), id + " steps");
      assertEquals(counts[1], byId.get(id).items(Section.LESSONS).size(), id + " lessons");
    });
    assertEquals(List.of("Needs assessment and activity planning", "Creating self-help groups for sex workers who are mothers",
        "Training social workers on the needs of sex workers", "Fund-raising"), byId.get("UA-1").items(Section.STEPS));
  }

  @Test
  void absentSectionsAreAbsentNotEmpty() {
    assertEquals(List.of("UA-6b", "UA-7", "UA-14a", "UA-15"),
        practices.stream().filter(p -> !p.sections().containsKey(Section.LESSONS)).map(Practice::id).toList());
    for (Practice p : practices) {
      for (Section s : List.of(Section.CHALLENGE, Section.ACTION, Section.STEPS, Section.OUTCOMES)) {
        assertTrue(p.sections().containsKey(s), p.id() + " has " + s);
      }
      p.sections().values().forEach(parts -> parts.forEach(text -> assertFalse(text.isBlank(), p.id())));
    }
  }

  @Test
  void footnotesMoveToNotesAndTheirMarkersGo() {
    assertEquals(List.of("http://legalife.com.ua/gazeta-lilit/"), byId.get("UA-5a").notes());
    assertTrue(byId.get("UA-5a").text(Section.ACTION).orElseThrow().contains("created the magazine “Lilith”, which tells"));
    assertEquals(List.of("International HIV/AIDS Alliance in Ukraine, 2012"), byId.get("UA-14b").notes());
    assertTrue(byId.get("UA-14b").text(Section.CHALLENGE).orElseThrow().contains("the capital of Ukraine. Male"));
    assertEquals(List.of("http://bbs.gay.ru"), byId.get("RU-5").notes());
    assertTrue(byId.get("RU-5").text(Section.ACTION).orElseThrow().contains("Russian escort website."));
    assertEquals(List.of("This network is specialised in sexual and reproductive health of women."), byId.get("RU-15").notes());
    assertTrue(byId.get("RU-15").text(Section.ACTION).orElseThrow().contains("Eva network resulted"));
    assertEquals(4, practices.stream().filter(p -> !p.notes().isEmpty()).count());
  }

  @Test
  void compoundsKeepTheirHyphenAcrossLineEnds() {
    assertTrue(byId.get("UA-1").text(Section.LESSONS).orElseThrow().contains("the need of de-stigmatizing sex workers"));
    assertTrue(byId.get("RU-2a").text(Section.CHALLENGE).orElseThrow().contains("Additionally, self-representation of sex workers"));
    assertTrue(byId.get("UA-1").text(Section.ACTION).orElseThrow().contains("a supportive and non-discriminatory environment"));
  }

  private static final Pattern ARTIFACT = Pattern.compile(
      "\\s{2}|\\t|\\u00A0|https?:|www\\.|\\|"         // runs of spaces, tabs, URLs, header bars
      + "|[\\p{Ll}”.]\\d\\b(?![.,]\\d)"               // footnote marker glued to a word
      + "|“\\s|\\s”|\\s[,.;:]"                        // spaces inside quotes, before punctuation
      + "|^\\s|\\s$|\\b\\p{L}+- (?!and |or )\\p{Ll}"); // untrimmed text, a word split at a line end (not "pre- and post-")

  @Test
  void noArtifactsInAnyText() {
    for (Practice p : practices) {
      List<String> texts = new java.util.ArrayList<>(List.of(p.title(), p.organisation()));
      p.sections().values().forEach(texts::addAll);
      for (String text : texts) {
        for (String line : text.split("\n")) {
          assertFalse(ARTIFACT.matcher(line).find(), () -> p.id() + ": artifact in «" + line + "»");
          assertFalse(line.matches("\\d{1,3}"), p.id() + ": page number");
        }
      }
    }
  }

  @Test
  void dashListsInsideProseKeepOneItemALine() {
    String action = byId.get("RU-8").text(Section.ACTION).orElseThrow();
    assertTrue(action.contains("sex workers were supported as follows:\n- Outreachers target street-based sex workers"));
    assertEquals(9, action.lines().count());
  }

  @Test
  void fixtureManualExercisesTheCleanup() {
    String manual = String.join("\n",
        "The organisation and its self-help groups.",
        " Good Practices | U K R A I N E",
        "",
        "3.a  Some\tFoundation | KYIV, ODESSA | Ukraine  ",
        "        www.example.org  ",
        "Reaching  ",
        "",
        "people\u00A0everywhere",
        "CHALLENGE",
        "The organi-",
        "sation had no self-",
        "help groups and “ no ” place1 .",
        "12 ",
        "ACTION",
        "http://www.example.org/",
        " It  opened one.",
        "STEPS",
        " First step",
        "continued",
        "http://www.example.org/",
        " Second step",
        "1 A footnote.",
        "OUTCOMES",
        "Done.");
    List<Practice> parsed = new ManualParser().parse(manual);
    assertEquals(1, parsed.size());
    Practice p = parsed.get(0);
    assertEquals("UA-3a", p.id());
    assertEquals("Some Foundation", p.organisation());
    assertEquals(List.of("Kyiv", "Odessa"), p.locationNames());
    assertEquals(Optional.of("http://www.example.org"), p.url());
    assertEquals("Reaching people everywhere", p.title());
    assertEquals("The organisation had no self-help groups and “no” place.", p.text(Section.CHALLENGE).orElseThrow());
    assertEquals("It opened one.", p.text(Section.ACTION).orElseThrow());
    assertEquals(List.of("First step continued", "Second step"), p.items(Section.STEPS));
    assertEquals(List.of("A footnote."), p.notes());
    assertFalse(p.sections().containsKey(Section.LESSONS));
  }

  @Test
  void malformedHeaderNamesItsLine() {
    String manual = "intro\n Good Practices | U K R A I N E\n\n1.  Some Organisation Without Bars\n\nA title\nCHALLENGE\ntext\n";
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new ManualParser().parse(manual));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().startsWith("line 4: "), e.getMessage());
  }

  @Test
  void repeatedSectionNamesItsLine() {
    String manual = " Good Practices | R U S S I A\n1.  Org | KAZAN | Russia\nTitle\nCHALLENGE\nA\nACTION\nB\nCHALLENGE\nC\n";
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new ManualParser().parse(manual));
    assertEquals(8, e.line());
  }

  @Test
  void unknownCollectionCountryNamesItsLine() {
    ManualFormatException e = assertThrows(ManualFormatException.class,
        () -> new ManualParser().parse("x\n\n Good Practices | F R A N C E\n"));
    assertEquals(3, e.line());
  }
}
