package org.practicefinder.taxonomy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TAXONOMY.md's definition of a setting, applied to one term found in one English sentence: a
 * setting is where the sex work happens, not where the programme speaks or acts. So a place named
 * in a sentence counts only when the sentence ties it to sex work there: the term says so itself
 * ({@code street-based}, {@code escort websites}), or sex workers work, advertise or meet clients
 * there, or the programme reaches them there (outreach, visits, its activities carried out there). A
 * campaign, demonstration, meeting or training held somewhere does not make the place a setting,
 * nor does a negated place ("no street outreach").
 * The web is stricter: the programme's own website, social media or online counselling are
 * channels (services), so {@code online} needs sex workers advertising, meeting clients or working
 * there; reaching them by online outreach alone is not enough. Stateless.
 */
final class SettingRule {
  /** Words that make a term a sex-work setting on its own. */
  private static final Pattern INTRINSIC = Pattern.compile("based|sex|escort|brothel|cruising|client|advertis|kerb|curb");
  /** Sex workers working, advertising or meeting clients: enough for any setting, the web included. */
  private static final Pattern SEX_WORK_THERE = Pattern.compile(
      "advertis\\w*|\\badverts?\\b|\\bads\\b|\\bescorts?\\b|\\boffer(?:s|ing)?\\s+their\\s+services"
          + "|\\bsell(?:s|ing)?\\s+(?:sex|sexual)|\\b(?:meet|meets|meeting|find|finding|found)\\s+(?:\\w+\\s+)?clients"
          + "|\\b(?:work|working)\\s+(?:online|through|via|on|in|at|from|indoors|outdoors)\\b|\\b(?:who|which|that)\\s+(?:\\w+\\s+){0,2}work\\b");
  /** A place of sex work named as such, or the programme reaching sex workers there: enough for a physical place. */
  private static final Pattern PLACE_OF_WORK = Pattern.compile(
      "\\bsettings?\\b|\\bpremises\\b|\\bvenues?\\b|\\bclients?\\b|\\bcustomers?\\b|\\bsex work\\b"
          + "|\\boutreach\\w*|\\bvisit\\w*|\\breach\\w*|\\bapproach\\w*|\\bpatrol\\w*|\\bmobile units?\\b|\\bcarried out\\b");
  /** The sentence is about an event held at the place: a campaign, a demonstration, a meeting or training. */
  private static final Pattern EVENT = Pattern.compile(
      "\\b(?:campaigns?|demonstrations?|rall(?:y|ies)|protests?|march(?:es)?|commemorat\\w*|festivals?|concerts?|exhibitions?"
          + "|meetings?|trainings?|seminars?|workshops?|conferences?|round ?tables?)\\b");
  private static final Pattern NEGATED = Pattern.compile("\\b(?:no|not|without|neither|nor)\\s+(?:\\w+\\s+)?$");

  private SettingRule() {}

  /**
   * @param sentence an English sentence of a practice
   * @param start offset where the setting term begins
   * @param end offset where it ends
   * @param online whether the concept is the {@code online} setting
   * @return whether the term makes the practice's setting by the definition above
   */
  static boolean holds(String sentence, int start, int end, boolean online) {
    String s = sentence.toLowerCase(Locale.ROOT);
    String before = s.substring(Math.max(0, start - 25), start);
    if (NEGATED.matcher(before).find() && !before.endsWith("not only ")) return false;
    if (INTRINSIC.matcher(s.substring(start, end)).find()) return true;
    if (SEX_WORK_THERE.matcher(s).find()) return online || !EVENT.matcher(s).find();
    return !online && !EVENT.matcher(s).find() && PLACE_OF_WORK.matcher(s).find();
  }
}
