package org.practicefinder.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.Dimensions;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.model.Country;
import org.practicefinder.taxonomy.Language;

/** The server's bundles: one per language, each with every key, and every key the server asks for. */
class ServerTextsTest {
  @Test
  void everyBundleHasEveryKey() {
    for (Language l : Language.values()) {
      assertEquals(Texts.of(Language.EN).keys(), Texts.of(l).keys(), "server_" + l.code());
      for (String key : Texts.of(l).keys()) assertFalse(Texts.of(l).get(key).isBlank(), l.code() + " " + key);
    }
  }

  @Test
  void theBundlesHaveEveryTextTheServerUses() {
    PracticeLibrary library = TestLibrary.real();
    List<String> keys = new ArrayList<>(List.of("language.name", "translation.note", "reason.mentioned", "reason.words",
        "reason.meaning", "reason.shared", "reason.similar"));
    for (var d : library.vocabulary().dimensions()) keys.add("role." + d.id());
    for (String dim : Dimensions.own()) keys.add("dimension." + dim);
    for (Country c : List.of(Country.UKRAINE, Country.RUSSIA)) keys.add("country." + c.displayName());
    for (String place : library.values("location")) keys.add(Texts.placeKey(place));
    for (String key : keys) assertTrue(Texts.of(Language.EN).keys().contains(key), key);
  }

  @Test
  void placesAndTemplatesInTheirLanguage() {
    assertEquals("Харків", Texts.of(Language.UK).place("Kharkiv"));
    assertEquals("Харьков", Texts.of(Language.RU).place("Kharkiv"));
    assertEquals("Saint Petersburg", Texts.of(Language.EN).place("Saint Petersburg"));
    assertEquals("Somewhere", Texts.of(Language.RU).place("Somewhere")); // a place without a name there keeps its own
    assertEquals("Где: Сауны (вы написали «сауны»)", Texts.of(Language.RU).format("reason.mentioned", "Где: Сауны", "сауны"));
  }
}
