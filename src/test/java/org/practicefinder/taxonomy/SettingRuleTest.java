package org.practicefinder.taxonomy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TAXONOMY.md: a setting is where the sex work happens, not where the programme speaks or acts. */
class SettingRuleTest {
  private static boolean holds(String sentence, String term, boolean online) {
    int at = sentence.indexOf(term);
    return SettingRule.holds(sentence, at, at + term.length(), online);
  }

  @Test
  void theProgrammesOwnChannelsAreNotTheOnlineSetting() {
    assertFalse(holds("Legal information is available to sex workers on the organisation's website.", "website", true));
    assertFalse(holds("The NGO runs a page on social media with news of its work.", "social media", true));
    assertFalse(holds("Outreach workers also offer online counselling to sex workers.", "online", true));
    assertFalse(holds("At the centre sex workers can use the internet and watch films.", "internet", true));
  }

  @Test
  void sexWorkArrangedOnTheWebIsOnline() {
    assertTrue(holds("Many sex workers advertise on dating websites.", "websites", true));
    assertTrue(holds("The team contacts sex workers working through the internet.", "internet", true));
    assertTrue(holds("Outreach reached women who meet their clients online.", "online", true));
  }

  @Test
  void placesCountWhereSexWorkersWorkOrAreReached() {
    assertTrue(holds("Outreach workers visit saunas every week.", "saunas", false));
    assertTrue(holds("Most of the women work in hotels near the station.", "hotels", false));
    assertTrue(holds("The survey covered street-based sex workers.", "street-based", false));
  }

  @Test
  void eventsAndNegationsDoNotMakeASetting() {
    assertFalse(holds("The campaign was held in the central park.", "park", false));
    assertFalse(holds("A training for nurses took place in a hotel.", "hotel", false));
    assertFalse(holds("The project has no street outreach.", "street", false));
    assertFalse(holds("The group met sex workers without visiting saunas.", "saunas", false));
  }
}
