package org.practicefinder.recommend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicefinder.i18n.Texts;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/**
 * Writes the one-line reason of a recommendation in the reader's language, from the server's text
 * bundle ({@link Texts}): the reader's own words that matched and the section where, the detected
 * concepts the practice shares, and the signal families that found it.
 */
final class Reasons {
  /** A signal counts as having found a practice when it ranks it this high or higher on its own. */
  static final int FOUND_BY_RANK = 5;
  /** Shared concepts named in one line; the rest are in the recommendation's list. */
  private static final int MAX_CONCEPTS = 3;

  private Reasons() {}

  /**
   * @param signalRanks signal name → the practice's rank by that signal alone
   * @return e.g. {@code Matches police, detained in challenge; shares Female sex workers; found by words, meaning}
   */
  static String why(Optional<Evidence> evidence, List<Concept> shared, Map<String, Integer> signalRanks, Language lang) {
    Texts t = Texts.of(lang);
    List<String> parts = new ArrayList<>();
    evidence.ifPresent(e -> parts.add(e.words().isEmpty()
        ? t.format("reason.meaning", t.get("section." + e.section()))
        : t.format("reason.matches", String.join(", ", e.words()), t.get("section." + e.section()))));
    if (!shared.isEmpty()) {
      List<String> labels = shared.stream().limit(MAX_CONCEPTS).map(c -> c.label(lang)).toList();
      parts.add(t.format("reason.shares", String.join(", ", labels) + (shared.size() > MAX_CONCEPTS ? ", …" : "")));
    }
    Set<String> families = new LinkedHashSet<>();
    signalRanks.forEach((signal, rank) -> {
      if (rank <= FOUND_BY_RANK) families.add(family(signal));
    });
    if (!families.isEmpty()) {
      parts.add(t.format("reason.foundBy", String.join(", ", families.stream().map(f -> t.get("family." + f)).toList())));
    }
    String why = String.join("; ", parts);
    return why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
  }

  /** @return the family a signal belongs to: words (BM25), meaning (embeddings), topics (concepts), resemblance */
  static String family(String signal) {
    if (signal.startsWith("bm25")) return "words";
    if (signal.startsWith("dense") || signal.startsWith("sentences")) return "meaning";
    if (signal.startsWith("concepts")) return "topics";
    return "resemblance";
  }
}
