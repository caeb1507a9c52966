package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyAuditTest {
  private static final Vocabulary VOCABULARY = Vocabulary.parse(new StringReader("""
      {"dimensions": [{"id": "service", "label": {"en": "Service"}, "concepts": [
        {"id": "hotline", "label": {"en": "Hotline"},
         "terms": {"en": ["hotline", "call us line", "night line"], "ru": ["телефон доверия"]},
         "sources": {"en": {"night line": "a helpline open at night (test note)"}}},
        {"id": "outreach", "label": {"en": "Outreach"}, "terms": {"en": ["outreach workers"]}}]}]}"""));

  @Test
  void termsInAChallengeButNotInTheReferenceAreListedWithTheirSource() {
    List<VocabularyAudit.Finding> found = VocabularyAudit.run(VOCABULARY,
        List.of("The NGO runs a hotline. Outreach workers visit saunas."),
        Map.of("c1", "Please call us on our line tonight", "c2", "We need a night line and hotlines",
            "c3", "Нам нужен телефон доверия", "c4", "outreach workers"));
    assertEquals(List.of(
        "hotline en 'call us line' [c1] Optional.empty", // one word ("our") inside the term: challenge slop
        "hotline en 'night line' [c2] Optional[a helpline open at night (test note)]",
        "hotline ru 'телефон доверия' [c3] Optional.empty"), // the manual is English
        found.stream().map(f -> f.concept().id() + " " + f.language().code() + " '" + f.term() + "' " + f.challenges()
            + " " + f.source()).sorted().toList());
  }

  @Test
  void theReferenceIsMatchedStrictly() {
    // "call us on our line" has a word inside the term: it would match a challenge, not the reference
    List<VocabularyAudit.Finding> found = VocabularyAudit.run(VOCABULARY, List.of("Sex workers call us on our line."),
        Map.of("c1", "call us on our line"));
    assertEquals(1, found.size());
    assertEquals(Optional.empty(), found.get(0).source());
  }
}
