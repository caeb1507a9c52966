package org.practicefinder.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.taxonomy.Language;

/** The dictionaries that tell a real word from a typo, whatever the practices say. */
class WordListsTest {
  @BeforeAll
  static void load() {
    WordLists.loaded().join();
  }

  @Test
  void realWordsAreWordsInTheirLanguage() {
    assertTrue(WordLists.isWord(Language.EN, "came"));
    assertTrue(WordLists.isWord(Language.EN, "shame"));
    assertTrue(WordLists.isWord(Language.RU, "забирает"));
    assertTrue(WordLists.isWord(Language.RU, "улику"));
    assertTrue(WordLists.isWord(Language.UK, "відбирають"));
  }

  @Test
  void typosAndOtherLanguagesWordsAreNot() {
    assertFalse(WordLists.isWord(Language.EN, "condomz"));
    assertFalse(WordLists.isWord(Language.RU, "полицыя"));
    assertFalse(WordLists.isWord(Language.UK, "поліцыя"));
    assertFalse(WordLists.isWord(Language.EN, "полиция"));
    assertFalse(WordLists.isWord(Language.RU, "police"));
  }
}
