package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Query-side concept detection in English, Russian and Ukrainian. */
class ConceptDetectorTest {
  private static final ConceptDetector DETECTOR = new ConceptDetector(Vocabulary.load());

  private static List<String> ids(String text, String dimension) {
    return DETECTOR.detect(text).stream()
        .filter(d -> d.concept().dimension().equals(dimension))
        .map(d -> d.concept().id())
        .toList();
  }

  @Test
  void englishWithTheWordsThatMatched() {
    List<ConceptDetector.Detected> found = DETECTOR.detect("Outreach rarely gets into the saunas where women work");
    ConceptDetector.Detected saunas = found.stream().filter(d -> d.concept().id().equals("saunas")).findFirst().orElseThrow();
    assertEquals("saunas", saunas.matched());
    assertEquals(Language.EN, saunas.language());
    assertEquals(List.of("female"), ids("Outreach rarely gets into the saunas where women work", "population"));
  }

  @Test
  void russianPregnantSexWorkersAreMothers() {
    List<String> population = ids("Беременные секс-работницы боятся идти в женскую консультацию", "population");
    assertEquals(true, population.contains("mothers"), population.toString());
  }

  @Test
  void ukrainianTransSexWorkers() {
    assertEquals(true, ids("Трансгендерні секс-працівниці просять окремі години прийому", "population").contains("transgender"));
  }

  @Test
  void inflectedRussianFormsMatch() {
    assertEquals(true, ids("приют для подростков", "population").contains("adolescents"));
    assertEquals(true, ids("подросткам нужен врач", "population").contains("adolescents"));
  }

  @Test
  void ukrainianApostrophesAreOne() {
    List<String> straight = ids("споживачі ін'єкційних наркотиків", "population");
    assertEquals(List.of("people-who-use-drugs"), straight);
    assertEquals(straight, ids("споживачі ін’єкційних наркотиків", "population"));
    assertEquals(straight, ids("споживачі інʼєкційних наркотиків", "population"));
  }

  @Test
  void aPhraseDoesNotRunAcrossSentences() {
    assertEquals(List.of("msm"), ids("Our clinic serves MSM. Sex workers come too.", "population"));
    assertEquals(List.of("male", "msm"), ids("Our clinic serves MSM sex workers.", "population"));
  }

  @Test
  void oneExtraWordMayStandInsideATerm() {
    assertEquals(List.of("provider-training"), ids("In March we train clinic staff", "service"));
    assertEquals(List.of(), ids("In March we train all the new clinic staff", "service"));
    assertEquals(List.of(), ids("Volunteers train. Staff rest.", "service")); // not across a sentence end
    assertEquals(List.of("female", "transgender"), ids("female and transgender sex workers", "population"));
  }

  @Test
  void aTermSharedByLanguagesIsReportedAsEnglish() {
    ConceptDetector.Detected d = DETECTOR.detect("USAID funding stopped").stream()
        .filter(x -> x.concept().id().equals("donors")).findFirst().orElseThrow();
    assertEquals(Language.EN, d.language());
  }

  @Test
  void genericSexWorkersAssignNoPopulation() {
    assertEquals(List.of(), ids("sex workers came to the meeting", "population"));
    assertEquals(List.of(), ids("секс-работники пришли на встречу", "population"));
  }
}
