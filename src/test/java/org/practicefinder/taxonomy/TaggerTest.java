package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicefinder.model.Country;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;

class TaggerTest {
  private static final Tagger TAGGER = new Tagger(Vocabulary.load());

  private static Practice practice(String challenge, String action) {
    return new Practice("UA-99", "A practice", "An NGO", Country.UKRAINE, List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of(Section.CHALLENGE, List.of(challenge), Section.ACTION, List.of(action)), List.of(),
        Optional.empty(), "en");
  }

  @Test
  void keepsTheSentenceThatMadeEachTag() {
    Tagging t = TAGGER.tag(practice("Nobody reaches them.",
        "The project started in 2011. Outreach workers visit saunas every week. They also meet transgender sex workers."));
    assertEquals(List.of("transgender"), t.get("population"));
    assertEquals(List.of("indoor", "saunas"), t.get("setting"));
    assertEquals("Outreach workers visit saunas every week.", t.evidence().get("saunas"));
    assertEquals("Outreach workers visit saunas every week.", t.evidence().get("indoor")); // through its child
    assertEquals("They also meet transgender sex workers.", t.evidence().get("transgender"));
    assertEquals(List.of("2011"), t.get(Tagger.YEAR));
  }

  @Test
  void conceptsOfPlainTextWithTheirParentsInVocabularyOrder() {
    List<String> ids = TAGGER.concepts("Transgender sex workers in saunas lack access; police raids make it worse.");
    assertEquals(List.of("transgender", "indoor", "saunas", "police"), ids.stream()
        .filter(List.of("transgender", "indoor", "saunas", "police")::contains).toList());
    assertFalse(ids.contains("street"));
    assertEquals(List.of(), TAGGER.concepts("Nothing here names a topic."));
  }

  @Test
  void mentionsCountTheSentencesNamingAConceptOutsideTheChallenge() {
    Practice p = practice("Sex workers need a hotline.",
        "The NGO opened a hotline. Hotline consultants answer calls at night. Outreach workers hand out condoms.");
    Tagger.Mentions mentions = TAGGER.mentions(p);
    assertEquals(2, mentions.bySentence().get("hotline")); // not the challenge's sentence
    assertEquals(1, mentions.bySentence().get("outreach"));
    assertFalse(mentions.bySentence().containsKey("transgender"));
    assertEquals(4, mentions.sentences()); // the title and the action's three
  }

  @Test
  void aConceptNamedOnlyInTheChallengeIsContextNotATag() {
    Tagging t = TAGGER.tag(practice("Many sex workers inject drugs.", "The NGO opened a hotline."));
    assertFalse(t.get("population").contains("people-who-use-drugs"));
    assertTrue(t.get("service").contains("hotline"));
  }

  @Test
  void mothersImplyFemale() {
    Tagging t = TAGGER.tag(practice("Children are taken away.", "The project supports sex workers who are single mothers."));
    assertEquals(List.of("female", "mothers"), t.get("population"));
  }

  @Test
  void genericSexWorkersGetNoPopulation() {
    assertEquals(List.of(), TAGGER.tag(practice("Sex workers lack services.", "The NGO supports sex workers.")).get("population"));
  }
}
