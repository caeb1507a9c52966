package org.practicefinder.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;

/** The guidance parser on the real manual's front matter, and on copies of it with one thing broken. */
class GuidanceParserTest {
  private static String manual;
  private static List<Practice> practices;
  private static List<Guidance> guidance;
  private static Map<String, Guidance> byId;

  @BeforeAll
  static void parse() throws IOException {
    manual = Files.readString(Path.of("seeds", "000_20c828ce148df325.txt"), StandardCharsets.UTF_8);
    practices = new ManualParser().parse(manual);
    guidance = new GuidanceParser().parse(manual, practices);
    byId = guidance.stream().collect(Collectors.toMap(Guidance::id, Function.identity()));
  }

  @Test
  void countsPerKind() {
    Map<String, Long> counts = guidance.stream()
        .collect(Collectors.groupingBy(g -> g.kind().id(), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("aim", 11L, "background", 9L, "component", 15L, "gap", 7L, "key-element", 7L,
        "outreach-method", 6L, "principle", 16L), counts);
    assertEquals(71, byId.size()); // ids are unique
  }

  @Test
  void theSevenKeyGapsWithTheirPracticesLinkedByOrganisation() {
    Map<String, List<String>> gaps = new LinkedHashMap<>();
    guidance.stream().filter(g -> g.kind() == Guidance.Kind.GAP).forEach(g -> gaps.put(g.id(), g.gap().orElseThrow().practices()));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("gap-coverage", List.of("UA-6a", "UA-6b")); // "two good practices from the organisation"
    expected.put("gap-integration", List.of("RU-8"));
    expected.put("gap-undocumented-migrants", List.of("RU-6"));
    expected.put("gap-male-transgender", List.of("UA-14b", "RU-5")); // Convictus's transgender services, not its art workshops
    expected.put("gap-personal-safety", List.of("UA-5a", "UA-5b", "RU-2a", "RU-2b"));
    expected.put("gap-representation", List.of("UA-5a", "UA-5b", "RU-2a")); // Silver Rose's leadership practice
    expected.put("gap-stigma", List.of("RU-10"));
    assertEquals(expected, gaps);
  }

  @Test
  void aGapHasItsBarrierRecommendationExampleAndBox() {
    Guidance g = byId.get("gap-undocumented-migrants");
    assertEquals("Lack of access for undocumented/uninsured (migrant) sex workers to health care services", g.title());
    Guidance.Gap gap = g.gap().orElseThrow();
    assertTrue(gap.barrier().startsWith("Being undocumented for most means not having the possibility to obtain insurance"));
    assertTrue(gap.barrier().endsWith("access public health care system in the Russian Federation and Ukraine."));
    assertEquals("Governments in their policies must address these exclusion scenarios and the health risk issues derived "
        + "from having in their territory groups which are in fact not covered.", gap.recommendation());
    assertTrue(gap.example().startsWith("The Russian ‘Botkin Hospital’ opened a drop-in centre for all sex workers"));
    assertEquals(Optional.of("The legislation on migration in the Russian Federation is strict and often limits migrants’ "
        + "access to public services and enjoying of basic rights, such as health care. Evidence shows that undocumented "
        + "migrants have been deported when they became aware of their HIV positive status."), gap.russiaNote());
    assertEquals(String.join("\n", gap.barrier(), gap.recommendation(), gap.example()), g.text());
  }

  @Test
  void eachRussiaBoxGoesToTheGapPrintedBesideIt() {
    Map<String, String> starts = new LinkedHashMap<>();
    guidance.stream().filter(g -> g.kind() == Guidance.Kind.GAP).forEach(g ->
        starts.put(g.id(), g.gap().orElseThrow().russiaNote().map(n -> n.substring(0, 30)).orElse("")));
    assertEquals(Map.of(
        "gap-coverage", "Due to the actual political sc",
        "gap-integration", "",
        "gap-undocumented-migrants", "The legislation on migration i",
        "gap-male-transgender", "The impacts of legislation aga",
        "gap-personal-safety", "Defending human rights of sex ",
        "gap-representation", "The sex worker-led organisatio",
        "gap-stigma", ""), starts);
  }

  @Test
  void boxesAndPageFurnitureAreOutOfTheText() {
    Guidance gap = byId.get("gap-male-transgender");
    // the two boxes interrupt this example in the extracted text; it reads on across them
    assertTrue(gap.gap().orElseThrow().example().contains("In Ukraine, the organization ‘Convictus Charitable Foundation’ started"));
    assertTrue(byId.get("gap-integration").gap().orElseThrow().recommendation()
        .contains("partnership of cooperation and referral, focused on the common goal"));
    // a chapter tab and a lone drop capital stood inside this paragraph
    assertTrue(byId.get("background-knowledge").text().contains("however, clients who are critical stakeholders"));
    assertTrue(byId.get("element-personal-safety").text().contains("and people posing as clients. Sex work projects can work"));
    for (Guidance g : guidance) {
      assertFalse(g.text().contains("Additional barrier"), g.id());
      assertFalse(g.text().contains("KEY GAPS") || g.text().contains("BACKGROUND"), g.id());
      assertFalse(g.text().contains("\t") || g.text().contains("\u00A0") || g.text().contains("  "), g.id());
    }
  }

  @Test
  void dropCapitalsAreRestored() {
    assertTrue(byId.get("aim-purpose").text().startsWith("The Manual of Good Practices on Sex Work Projects in Ukraine"));
    assertTrue(byId.get("aim-good-practice").text().startsWith("Good practices are activities, projects or ways of action"));
    assertTrue(byId.get("background-needs").text().startsWith("Sex workers are not a homogeneous group."));
    assertTrue(byId.get("element-sex-worker-led").text().startsWith("One of the most effective ways of reaching out"));
    assertTrue(byId.get("background-gaps").text().startsWith("NGOs and governmental institutions generally have the capacity"));
    assertTrue(byId.get("background-collection").text().startsWith("The good practices selected in this manual are successful"));
  }

  @Test
  void principlesListsAndFootnotes() {
    assertEquals("Adopt a non-judgemental attitude", byId.get("principle-who-1").title());
    assertEquals("Adopt a non-judgemental attitude", byId.get("principle-who-1").text());
    assertEquals("Recognize and adapt to the diversity of sex work settings and of the people involved.",
        byId.get("principle-who-10").text());
    assertEquals("WHO toolkit for targeted HIV/AIDS prevention and care in sex work settings", byId.get("principle-who-10").section());
    // the toolkit's footnote is cited by the list's lead-in, so it goes with each of its items
    assertTrue(byId.get("principle-who-6").notes().get(0).contains("© World Health Organization 2004. WHO Toolkit"));
    assertEquals("Accepting the diversity of sex work sectors, settings, and working situations which impact differently "
        + "on sex workers’ safety, rights, and well-being", byId.get("principle-conecta-4").text());
    assertEquals("Involve sex workers into activity design and implementation", byId.get("component-15").text());
    assertTrue(byId.get("aim-good-practice").text().endsWith("to actually solving problems in society."));
    assertEquals(1, byId.get("aim-good-practice").notes().size());
    assertTrue(byId.get("aim-good-practice").notes().get(0).startsWith("Good Practices on Health and Migration in the EU"));
    assertEquals("‘Drop-in’ centres", byId.get("outreach-drop-in").title());
    assertEquals("Establishment outreach services", byId.get("outreach-establishment").title());
  }

  @Test
  void listsInsideATextKeepOneItemALine() {
    List<String> lines = List.of(byId.get("element-counselling-testing").text().split("\n"));
    assertEquals(5, lines.size());
    assertEquals("Guarantee respect and confidentiality with regard to personal information", lines.get(2));
    assertEquals(5, byId.get("background-needs").text().split("\n").length);
  }

  @Test
  void everyEntryCitesTheManual() {
    Guidance g = byId.get("element-peer-support");
    assertEquals("Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation", g.source().title());
    assertEquals(Optional.of("Key elements of good practice"), g.source().section());
  }

  @Test
  void aMissingHeadingFailsWithTheLineWhereTheSearchBegan() {
    String broken = manual.replace("Peer support  \n", "Peer backing\n");
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new GuidanceParser().parse(broken, practices));
    assertTrue(e.getMessage().contains("expected 'Peer support' (element-peer-support)"), e.getMessage());
    assertEquals(lineOf(manual, "ne of the most effective ways of reaching "), e.line()); // the body of the entry before it
  }

  @Test
  void aGapWithoutItsExampleFailsAtItsHeading() {
    String broken = manual.replaceFirst("  Example \\| (?=The[\\s\\u00A0]+Russian)", "  "); // the second gap's
    assertFalse(broken.equals(manual));
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new GuidanceParser().parse(broken, practices));
    assertEquals("line " + lineOf(manual, "Lack of integration of services between public                ") + ": gap without its 'Example |' part",
        e.getMessage());
  }

  @Test
  void aLoneLetterThatCompletesNoParagraphFails() {
    String broken = manual.replace("\nO \n", "\nQ \n");
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new GuidanceParser().parse(broken, practices));
    assertEquals("line " + lineOf(manual, "O ") + ": drop capital 'Q' completes no paragraph before it", e.getMessage());
  }

  @Test
  void noCollectionHeadingFails() {
    String frontOnly = manual.substring(0, manual.indexOf(" Good Practices | U K R A I N E"));
    ManualFormatException e = assertThrows(ManualFormatException.class, () -> new GuidanceParser().parse(frontOnly, practices));
    assertTrue(e.getMessage().endsWith("no collection heading ('Good Practices | ...') after the guidance"), e.getMessage());
  }

  /** @return the 1-based number of the first line that is exactly {@code line} */
  private static int lineOf(String text, String line) {
    List<String> lines = List.of(text.split("\n", -1));
    int i = lines.indexOf(line);
    if (i < 0) throw new AssertionError("no line " + line);
    return i + 1;
  }
}
