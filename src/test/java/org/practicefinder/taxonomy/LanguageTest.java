package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class LanguageTest {
  private static List<String> tokens(Language language, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (Analyzer a = language.newAnalyzer(); TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  @Test
  void russianFoldsYoToYeAndStems() throws IOException {
    assertEquals(tokens(Language.RU, "приём у врача"), tokens(Language.RU, "прием у врача"));
    assertEquals(tokens(Language.RU, "мигрантов"), tokens(Language.RU, "мигранты"));
  }

  @Test
  void ukrainianTreatsTheThreeApostrophesAlike() throws IOException {
    List<String> straight = tokens(Language.UK, "ін'єкційних");
    assertEquals(straight, tokens(Language.UK, "ін’єкційних"));
    assertEquals(straight, tokens(Language.UK, "інʼєкційних"));
  }

  @Test
  void englishStems() throws IOException {
    assertEquals(List.of("sauna", "worker"), tokens(Language.EN, "the saunas workers"));
  }

  @Test
  void codes() {
    assertEquals(Language.UK, Language.fromCode("UK").orElseThrow());
    assertEquals(java.util.Optional.empty(), Language.fromCode("fr"));
  }

  @Test
  void acronymsAreNotStemmedIntoOrdinaryWords() throws IOException {
    assertEquals(List.of("legal", "aid"), tokens(Language.EN, "legal aid"));
    assertEquals(List.of("aids"), tokens(Language.EN, "AIDS"));
    assertEquals(List.of("hiv", "aids"), tokens(Language.EN, "HIV/AIDS"));
    assertEquals(tokens(Language.RU, "СПИД"), tokens(Language.RU, "СПИДа"));
  }
}
