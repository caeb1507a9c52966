package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary vocabulary = Vocabulary.load();

  @Test
  void dimensionsInOrder() {
    assertEquals(List.of("population", "setting", "service", "partner", "organisation-type"),
        vocabulary.dimensions().stream().map(Dimension::id).toList());
  }

  @Test
  void populationAndSettingUseTheFixedTaxonomyIds() {
    assertEquals(List.of("female", "male", "transgender", "msm", "adolescents", "people-who-use-drugs", "migrants",
        "mothers", "living-with-hiv"), ids("population"));
    assertEquals(List.of("street", "highway", "railway-station", "parks", "indoor", "apartments", "saunas", "bars-clubs",
        "hotels", "escort", "online"), ids("setting"));
    assertEquals(Optional.of("indoor"), vocabulary.concept("saunas").orElseThrow().parent());
    assertEquals(Optional.of("street"), vocabulary.concept("highway").orElseThrow().parent());
    assertEquals(Optional.empty(), vocabulary.concept("online").orElseThrow().parent());
  }

  @Test
  void everyConceptHasLabelDefinitionAndTermsInThreeLanguages() {
    assertEquals(55, vocabulary.concepts().size());
    for (Concept c : vocabulary.concepts()) {
      for (Language l : Language.values()) {
        assertFalse(c.labels().getOrDefault(l, "").isBlank(), c.id() + " label " + l);
        assertFalse(c.definitions().getOrDefault(l, "").isBlank(), c.id() + " definition " + l);
        assertFalse(c.terms().get(l).isEmpty(), c.id() + " terms " + l);
      }
    }
    for (Dimension d : vocabulary.dimensions()) {
      for (Language l : Language.values()) assertFalse(d.label(l).isBlank(), d.id() + " " + l);
    }
  }

  @Test
  void labelsAreTranslated() {
    Concept transgender = vocabulary.concept("transgender").orElseThrow();
    assertEquals("Transgender sex workers", transgender.label(Language.EN));
    assertTrue(transgender.label(Language.RU).toLowerCase().startsWith("трансгендер"), transgender.label(Language.RU));
    assertTrue(transgender.label(Language.UK).toLowerCase().startsWith("трансгендер"), transgender.label(Language.UK));
  }

  @Test
  void rejectsAParentThatComesAfterItsChild() {
    String json = """
        {"dimensions": [{"id": "setting", "label": {"en": "Setting"}, "concepts": [
          {"id": "saunas", "parent": "indoor", "label": {"en": "Saunas"}},
          {"id": "indoor", "label": {"en": "Indoor"}}]}]}""";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.parse(new StringReader(json)));
    assertEquals("saunas: parent indoor must come first in setting", e.getMessage());
  }

  @Test
  void rejectsARepeatedId() {
    String json = """
        {"dimensions": [{"id": "a", "label": {"en": "A"}, "concepts": [{"id": "x", "label": {"en": "X"}}]},
                        {"id": "b", "label": {"en": "B"}, "concepts": [{"id": "x", "label": {"en": "X"}}]}]}""";
    assertEquals("concept id used twice: x",
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.parse(new StringReader(json))).getMessage());
  }

  @Test
  void aTermMayCarryItsSource() {
    Concept nurses = vocabulary.concept("health-professionals").orElseThrow();
    assertEquals(Optional.of("manual: 'nurse'"), vocabulary.source(nurses, Language.EN, "nurses"));
    assertEquals(Optional.empty(), vocabulary.source(nurses, Language.EN, "doctor"));
  }

  @Test
  void rejectsASourceForATermTheConceptLacks() {
    String json = """
        {"dimensions": [{"id": "setting", "label": {"en": "Setting"}, "concepts": [
          {"id": "rooms", "label": {"en": "Rooms"}, "terms": {"en": ["rooms"]}, "sources": {"en": {"room": "manual"}}}]}]}""";
    assertEquals("rooms: source for 'room' (en), not a term",
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.parse(new StringReader(json))).getMessage());
  }

  private List<String> ids(String dimension) {
    return vocabulary.dimension(dimension).orElseThrow().concepts().stream().map(Concept::id).toList();
  }
}
