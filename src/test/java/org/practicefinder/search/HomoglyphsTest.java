package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HomoglyphsTest {
  @Test
  void aWordOfMixedScriptIsWrittenInItsMainScript() {
    assertEquals("поліція", Homoglyphs.fold("поліцiя")); // Latin i
    assertEquals("Поліція та аутріч", Homoglyphs.fold("Пoліція та аутріч")); // Latin o
    assertEquals("police", Homoglyphs.fold("pоlice")); // Cyrillic о
    assertEquals("СНІД", Homoglyphs.fold("CНІД")); // Latin C
  }

  @Test
  void wordsInOneScriptAndOtherCharactersAreLeftAlone() {
    String text = "HIV/ВИЧ, ін'єкційних — 50% (2010) сауни; saunas";
    assertEquals(text, Homoglyphs.fold(text));
  }
}
