package org.practicefinder.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;
import org.practicefinder.model.Country;
import org.practicefinder.model.Place;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Language;

/** The checks of translations, each on a small practice of its own, and the real translations. */
class TranslationsTest {
  @TempDir Path seeds;

  /** Two practices: one with steps and a note, one with prose only. */
  private static final List<Practice> PRACTICES = List.of(
      practice("UA-1", "Night shelter", Map.of(
          Section.CHALLENGE, List.of("In 2010, 40% of the women had no home."),
          Section.ACTION, List.of("The shelter opened in 2011 with 12 beds."),
          Section.STEPS, List.of("Find a building", "Hire 3 social workers")), List.of("See the 2012 report.")),
      practice("RU-2", "Peer outreach", Map.of(
          Section.CHALLENGE, List.of("Outreach reached few people."),
          Section.ACTION, List.of("Peers visit saunas every week.")), List.of()));

  private static Practice practice(String id, String title, Map<Section, List<String>> sections, List<String> notes) {
    Map<Section, List<String>> ordered = new EnumMap<>(Section.class);
    ordered.putAll(sections);
    return new Practice(id, title, "Organisation", id.startsWith("UA") ? Country.UKRAINE : Country.RUSSIA,
        List.of(new Place("Kyiv", Optional.empty())), Optional.empty(), Optional.empty(), Optional.empty(), ordered, notes, Optional.empty(), "en");
  }

  /** A translation of UA-1 into Russian that passes every check. */
  private static JsonObject ua1() {
    JsonObject o = new JsonObject();
    o.addProperty("id", "UA-1");
    o.addProperty("language", "ru");
    o.addProperty("translationOf", "en");
    o.addProperty("title", "Ночной приют");
    o.addProperty("organisation", "Организация");
    JsonObject sections = new JsonObject();
    sections.addProperty("challenge", "В 2010 году у 40% женщин не было жилья.");
    sections.addProperty("action", "Приют открылся в 2011 году на 12 мест.");
    JsonArray steps = new JsonArray();
    steps.add("Найти здание");
    steps.add("Нанять 3 социальных работников");
    sections.add("steps", steps);
    o.add("sections", sections);
    JsonArray notes = new JsonArray();
    notes.add("См. отчёт за 2012 год.");
    o.add("notes", notes);
    return o;
  }

  private static JsonObject ru2(String language) {
    JsonObject o = new JsonObject();
    o.addProperty("id", "RU-2");
    o.addProperty("language", language);
    o.addProperty("translationOf", "en");
    o.addProperty("title", language.equals("ru") ? "Аутрич силами равных" : "Аутріч силами рівних");
    o.addProperty("organisation", "Организация");
    JsonObject sections = new JsonObject();
    sections.addProperty("challenge", language.equals("ru") ? "Аутрич охватывал мало людей." : "Аутріч охоплював мало людей.");
    sections.addProperty("action", language.equals("ru") ? "Равные каждую неделю посещают сауны." : "Рівні щотижня відвідують сауни.");
    o.add("sections", sections);
    return o;
  }

  private void write(String language, String id, String text) throws IOException {
    Path f = Translations.file(seeds, Language.fromCode(language).orElseThrow(), id);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  /** Writes every translation valid, then UA-1 in Russian changed by {@code change}, and loads them. */
  private Translations.Loaded<Practice> loadWith(Consumer<JsonObject> change) throws IOException {
    JsonObject uk1 = ua1();
    uk1.addProperty("language", "uk");
    write("uk", "UA-1", uk1.toString());
    write("ru", "RU-2", ru2("ru").toString());
    write("uk", "RU-2", ru2("uk").toString());
    JsonObject o = ua1();
    change.accept(o);
    write("ru", "UA-1", o.toString());
    return Translations.load(seeds, PRACTICES);
  }

  /** @return the one refusal's reason, after checking that it names the file and the practice and that nothing else was lost */
  private String refusedReason(Translations.Loaded<Practice> loaded) {
    assertEquals(1, loaded.refusals().size(), loaded.refusals().toString());
    Translations.Refusal r = loaded.refusals().get(0);
    assertEquals("UA-1", r.id());
    assertEquals(Language.RU, r.language());
    assertEquals(seeds.resolve("translations/ru/UA-1.json"), r.file());
    assertTrue(r.message().startsWith(seeds.resolve("translations/ru/UA-1.json") + " (practice UA-1, ru): "), r.message());
    // the other three translations are kept; UA-1 stays English in Russian only
    assertEquals(List.of(Language.UK), List.copyOf(loaded.of("UA-1").keySet()));
    assertEquals(List.of(Language.RU, Language.UK), List.copyOf(loaded.of("RU-2").keySet()));
    return r.reason();
  }

  @Test
  void aValidTranslationIsLoadedWithTheEnglishHeader() throws IOException {
    Translations.Loaded<Practice> loaded = loadWith(o -> {});
    assertEquals(List.of(), loaded.refusals());
    Practice ru = loaded.of("UA-1").get(Language.RU);
    assertEquals("Ночной приют", ru.title());
    assertEquals(List.of("Найти здание", "Нанять 3 социальных работников"), ru.items(Section.STEPS));
    assertEquals(List.of("См. отчёт за 2012 год."), ru.notes());
    assertEquals(Country.UKRAINE, ru.country());
    assertEquals(List.of("Kyiv"), ru.locationNames());
  }

  @Test
  void aMissingTranslationIsRefused() throws IOException {
    write("uk", "UA-1", ua1().toString().replace("\"ru\"", "\"uk\""));
    write("ru", "RU-2", ru2("ru").toString());
    write("uk", "RU-2", ru2("uk").toString());
    assertEquals("missing", refusedReason(Translations.load(seeds, PRACTICES)));
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    loadWith(o -> {});
    byte[] bytes = ua1().toString().getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte without its continuation
    Files.write(Translations.file(seeds, Language.RU, "UA-1"), bytes);
    assertEquals("not valid UTF-8", refusedReason(Translations.load(seeds, PRACTICES)));
  }

  @Test
  void invalidJsonIsRefused() throws IOException {
    loadWith(o -> {});
    write("ru", "UA-1", ua1().toString().replace("}", ""));
    assertTrue(refusedReason(Translations.load(seeds, PRACTICES)).startsWith("not valid JSON: "));
  }

  @Test
  void wrongIdLanguageOrSourceIsRefused() throws IOException {
    assertEquals("id is UA-2, not UA-1", refusedReason(loadWith(o -> o.addProperty("id", "UA-2"))));
    assertEquals("language is uk, not ru as its folder says", refusedReason(loadWith(o -> o.addProperty("language", "uk"))));
    assertEquals("translationOf must be en", refusedReason(loadWith(o -> o.addProperty("translationOf", "ru"))));
  }

  @Test
  void unknownOrMissingFieldsAreRefused() throws IOException {
    assertEquals("unknown field summary", refusedReason(loadWith(o -> o.addProperty("summary", "…"))));
    assertEquals("no title", refusedReason(loadWith(o -> o.remove("title"))));
    assertEquals("organisation must be a non-empty string", refusedReason(loadWith(o -> o.addProperty("organisation", " "))));
  }

  @Test
  void otherSectionsAreRefused() throws IOException {
    assertEquals("sections are [challenge, action], the English [challenge, action, steps]",
        refusedReason(loadWith(o -> o.getAsJsonObject("sections").remove("steps"))));
    assertEquals("sections are [challenge, action, steps, lessons], the English [challenge, action, steps]",
        refusedReason(loadWith(o -> o.getAsJsonObject("sections").add("lessons", new JsonArray()))));
  }

  @Test
  void anotherNumberOfStepsOrNotesIsRefused() throws IOException {
    assertEquals("steps has 1 items, the English 2",
        refusedReason(loadWith(o -> o.getAsJsonObject("sections").getAsJsonArray("steps").remove(1))));
    assertEquals("steps must be a list of strings",
        refusedReason(loadWith(o -> o.getAsJsonObject("sections").addProperty("steps", "Найти здание"))));
    assertEquals("0 notes, the English 1", refusedReason(loadWith(o -> o.remove("notes"))));
  }

  @Test
  void otherNumbersAreRefused() throws IOException {
    assertEquals("challenge has the numbers [2010, 4], the English [2010, 40]", refusedReason(loadWith(
        o -> o.getAsJsonObject("sections").addProperty("challenge", "В 2010 году у 4% женщин не было жилья."))));
    assertEquals("steps item 2 has the numbers [], the English [3]", refusedReason(loadWith(
        o -> o.getAsJsonObject("sections").getAsJsonArray("steps").set(1, new com.google.gson.JsonPrimitive("Нанять трёх социальных работников")))));
    // separators inside a number are not numbers of their own
    assertEquals(List.of("1000", "25"), Translations.numbers("1 000 человек, 2,5%".replace("2,5", "25")));
  }

  @Test
  void englishLeftUntranslatedIsRefused() throws IOException {
    assertEquals("English left untranslated in action: \"The shelter opened in 2011 with 12 beds.\"", refusedReason(loadWith(
        o -> o.getAsJsonObject("sections").addProperty("action", "The shelter opened in 2011 with 12 beds."))));
    // names, abbreviations and addresses in Latin script are not English sentences
    assertEquals(Optional.empty(), Translations.untranslated("НКО «Anti-AIDS Siberia» (www.antiaids-sib.org, info@example.org), ВИЧ"));
  }

  @Test
  void aTranslationOfAPracticeTheManualLacksIsRefused() throws IOException {
    loadWith(o -> {});
    write("uk", "UA-99", ua1().toString());
    Translations.Loaded<Practice> loaded = Translations.load(seeds, PRACTICES);
    assertEquals(1, loaded.refusals().size());
    assertEquals("the manual has no practice UA-99", loaded.refusals().get(0).reason());
    assertEquals(2, loaded.of("UA-1").size());
  }

  @Test
  void everyPracticeOfTheManualHasBothTranslationsAndAllPass() {
    var library = TestLibrary.real();
    assertEquals(List.of(), library.refusals());
    for (var r : library.records()) {
      assertEquals(List.of(Language.RU, Language.UK), List.copyOf(r.translations().keySet()), r.id());
    }
  }
}
