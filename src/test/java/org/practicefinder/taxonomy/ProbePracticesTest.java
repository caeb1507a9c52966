package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.ingest.PracticeFile;
import org.practicefinder.model.Practice;

/**
 * Practices written to probe TAXONOMY.md's definitions (src/test/resources/practices/probes.json),
 * added as data like any other: the tags a careful reader gives them, exactly.
 */
class ProbePracticesTest {
  private static final Tagger TAGGER = new Tagger(Vocabulary.load());
  private static Map<String, Tagging> tags;

  @BeforeAll
  static void tag() throws Exception {
    PracticeFile.Result r = new PracticeFile().read(Path.of("src/test/resources/practices/probes.json"), Set.of());
    assertTrue(r.ok(), r.errors().toString());
    tags = r.practices().stream().collect(Collectors.toMap(Practice::id, TAGGER::tag));
  }

  @Test
  void aStreetProgrammeWithAWebsiteIsStreetNotOnline() {
    Tagging t = tags.get("UA-night-route-kryvyi-rih");
    assertEquals(List.of("street"), t.get("setting")); // its website and Facebook page are channels
    assertEquals(List.of("female"), t.get("population"));
    assertEquals("Since 2016 two outreach workers walk the ring road every night from ten to four and meet the women who "
        + "work on the street there.", t.evidence().get("street"));
    assertEquals(List.of("2016"), t.get(Tagger.YEAR));
  }

  @Test
  void anOnlineOnlyProjectIsOnlineAndNothingElse() {
    Tagging t = tags.get("RU-chat-outreach-novosibirsk");
    assertEquals(List.of("online"), t.get("setting")); // "no street outreach" is negated; saunas are in the challenge
    assertEquals(List.of(), t.get("population")); // only "sex workers": the generic case
    assertEquals("Chat outreach for sex workers who advertise on websites", t.evidence().get("online")); // the title
  }

  @Test
  void pregnantWomenWhoUseDrugs() {
    Tagging t = tags.get("UA-pregnant-women-harm-reduction");
    assertEquals(List.of("female", "people-who-use-drugs", "mothers"), t.get("population"));
    assertEquals(List.of(), t.get("setting")); // a campaign in a park is not the street
    assertEquals("Antenatal care for pregnant women who use drugs", t.evidence().get("mothers"));
    assertTrue(t.get("service").contains("harm-reduction"), t.get("service").toString());
  }

  @Test
  void everyAssignedConceptHasItsSentence() {
    tags.forEach((id, t) -> t.facets().forEach((dim, ids) -> ids.forEach(c ->
        assertTrue(t.evidence().containsKey(c), id + " " + c))));
  }
}
