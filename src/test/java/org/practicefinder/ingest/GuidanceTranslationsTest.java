package org.practicefinder.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;
import org.practicefinder.model.Citation;
import org.practicefinder.model.Guidance;
import org.practicefinder.taxonomy.Language;

/**
 * The checks of the guidance's translations (the same reading, checks and refusals as the
 * practices'), each on two small entries of its own, and the real translations.
 */
class GuidanceTranslationsTest {
  @TempDir Path seeds;

  private static final Guidance GAP = new Guidance("gap-shelter", Guidance.Kind.GAP, "Lack of shelters", "Key gaps",
      "In 2010 there were 2 shelters.\nCities should open shelters.\nThe shelter of UA-1 opened in 2011.",
      Optional.of(new Guidance.Gap("In 2010 there were 2 shelters.", "Cities should open shelters.",
          "The shelter of UA-1 opened in 2011.", List.of("UA-1"), Optional.of("In Russia 3 cities have none."))),
      List.of(), Citation.manual("Key gaps"));
  private static final Guidance PRINCIPLE = new Guidance("principle-respect", Guidance.Kind.PRINCIPLE, "Respect sex workers",
      "Principles", "Respect sex workers.", Optional.empty(), List.of("WHO, 2004."), Citation.manual("Principles"));
  private static final List<Guidance> ENTRIES = List.of(GAP, PRINCIPLE);

  /** The gap in Russian, passing every check. */
  private static JsonObject gapRu() {
    JsonObject o = header("gap-shelter", "ru");
    o.addProperty("title", "Нехватка приютов");
    o.addProperty("section", "Ключевые пробелы");
    o.addProperty("barrier", "В 2010 году было 2 приюта.");
    o.addProperty("recommendation", "Городам следует открывать приюты.");
    o.addProperty("example", "Приют UA-1 открылся в 2011 году.");
    o.addProperty("text", String.join("\n", "В 2010 году было 2 приюта.", "Городам следует открывать приюты.",
        "Приют UA-1 открылся в 2011 году."));
    o.addProperty("russiaNote", "В России в 3 городах их нет.");
    return o;
  }

  private static JsonObject principle(String language) {
    JsonObject o = header("principle-respect", language);
    o.addProperty("title", language.equals("ru") ? "Уважать секс-работников" : "Поважати секс-працівників");
    o.addProperty("section", language.equals("ru") ? "Принципы" : "Принципи");
    o.addProperty("text", language.equals("ru") ? "Уважать секс-работников." : "Поважати секс-працівників.");
    JsonArray notes = new JsonArray();
    notes.add(language.equals("ru") ? "ВОЗ, 2004." : "ВООЗ, 2004.");
    o.add("notes", notes);
    return o;
  }

  private static JsonObject header(String id, String language) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("language", language);
    o.addProperty("translationOf", "en");
    return o;
  }

  private void write(String language, String id, String text) throws IOException {
    Path f = Translations.guidanceFile(seeds, Language.fromCode(language).orElseThrow(), id);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  /** Writes every translation valid (the gap in Russian only), then the gap's changed by {@code change}, and loads them. */
  private Translations.Loaded<Guidance> loadWith(Consumer<JsonObject> change) throws IOException {
    write("ru", "principle-respect", principle("ru").toString());
    write("uk", "principle-respect", principle("uk").toString());
    JsonObject o = gapRu();
    change.accept(o);
    write("ru", "gap-shelter", o.toString());
    return Translations.loadGuidance(seeds, ENTRIES);
  }

  /** @return the reason the Russian gap was refused, after checking that the refusal names the file and the entry and that nothing else was lost */
  private String refusedReason(Translations.Loaded<Guidance> loaded) {
    Path file = seeds.resolve("translations/guidance/ru/gap-shelter.json");
    List<Translations.Refusal> ru = loaded.refusals().stream().filter(r -> r.file().equals(file)).toList();
    assertEquals(1, ru.size(), loaded.refusals().toString());
    assertTrue(ru.get(0).message().startsWith(file + " (guidance entry gap-shelter, ru): "), ru.get(0).message());
    assertEquals(List.of(), loaded.of("gap-shelter").keySet().stream().toList(), "the gap stays English in Russian");
    assertEquals(List.of(Language.RU, Language.UK), List.copyOf(loaded.of("principle-respect").keySet()));
    return ru.get(0).reason();
  }

  @Test
  void aValidTranslationIsLoadedWithTheEnglishKindPracticesAndSource() throws IOException {
    Translations.Loaded<Guidance> loaded = loadWith(o -> {});
    // the gap has no Ukrainian file: that one is refused as missing, and the rest is kept
    assertEquals(List.of(seeds.resolve("translations/guidance/uk/gap-shelter.json") + " (guidance entry gap-shelter, uk): missing"),
        loaded.refusals().stream().map(Translations.Refusal::message).toList());
    Guidance ru = loaded.of("gap-shelter").get(Language.RU);
    assertEquals("Нехватка приютов", ru.title());
    assertEquals(Guidance.Kind.GAP, ru.kind());
    assertEquals("Городам следует открывать приюты.", ru.gap().orElseThrow().recommendation());
    assertEquals(Optional.of("В России в 3 городах их нет."), ru.gap().orElseThrow().russiaNote());
    assertEquals(List.of("UA-1"), ru.gap().orElseThrow().practices());
    assertEquals(GAP.source(), ru.source());
    assertEquals(List.of("ВООЗ, 2004."), loaded.of("principle-respect").get(Language.UK).notes());
  }

  @Test
  void eachFailingCheckRefusesTheFileAlone() throws IOException {
    assertEquals("text line 1 has the numbers [2010], the English [2, 2010]; barrier has the numbers [2010], the English [2, 2010]",
        refusedReason(loadWith(o -> {
          o.addProperty("barrier", "В 2010 году было два приюта.");
          o.addProperty("text", String.join("\n", "В 2010 году было два приюта.", "Городам следует открывать приюты.",
              "Приют UA-1 открылся в 2011 году."));
        })));
    assertEquals("text has 2 lines, the English 3; text is not the barrier, recommendation and example, one a line",
        refusedReason(loadWith(o -> o.addProperty("text", "В 2010 году было 2 приюта. Городам следует открывать приюты.\n"
            + "Приют UA-1 открылся в 2011 году."))));
    assertEquals("no russiaNote", refusedReason(loadWith(o -> o.remove("russiaNote"))));
    assertEquals("notes, which the English has not; unknown field comment", refusedReason(loadWith(o -> {
      o.add("notes", new JsonArray());
      o.addProperty("comment", "x");
    })));
    assertEquals("id is gap-shelters, not gap-shelter", refusedReason(loadWith(o -> o.addProperty("id", "gap-shelters"))));
    assertEquals("language is uk, not ru as its folder says", refusedReason(loadWith(o -> o.addProperty("language", "uk"))));
    assertEquals("recommendation must be a non-empty string", refusedReason(loadWith(o -> o.addProperty("recommendation", " "))));
    assertEquals("English left untranslated in text: \"Cities should open more shelters.\"; "
        + "English left untranslated in recommendation: \"Cities should open more shelters.\"", refusedReason(loadWith(o -> {
      o.addProperty("recommendation", "Cities should open more shelters.");
      o.addProperty("text", String.join("\n", "В 2010 году было 2 приюта.", "Cities should open more shelters.",
          "Приют UA-1 открылся в 2011 году."));
    })));
    Files.writeString(Translations.guidanceFile(seeds, Language.RU, "gap-shelter"), "{\"id\": ", StandardCharsets.UTF_8);
    assertTrue(refusedReason(Translations.loadGuidance(seeds, ENTRIES)).startsWith("not valid JSON: "));
  }

  @Test
  void aTranslationOfAnEntryTheManualLacksIsRefused() throws IOException {
    loadWith(o -> {});
    write("uk", "gap-nothing", gapRu().toString());
    Translations.Loaded<Guidance> loaded = Translations.loadGuidance(seeds, ENTRIES);
    assertEquals(List.of("missing", "the manual has no guidance entry gap-nothing"),
        loaded.refusals().stream().map(Translations.Refusal::reason).toList());
  }

  @Test
  void everyGuidanceEntryOfTheManualIsServedInRussianAndUkrainian() {
    var library = TestLibrary.real();
    assertEquals(List.of(), library.refusals());
    var guidance = library.guidance();
    for (Guidance g : guidance.entries()) {
      for (Language l : List.of(Language.RU, Language.UK)) assertEquals(l, guidance.served(g, l), g.id());
    }
    Guidance uk = guidance.in(guidance.entry("gap-undocumented-migrants").orElseThrow(), Language.UK);
    assertTrue(uk.title().startsWith("Брак доступу до медичних послуг для секс-працівників (мігрантів)"), uk.title());
    assertEquals(List.of("RU-6"), uk.gap().orElseThrow().practices());
  }
}
