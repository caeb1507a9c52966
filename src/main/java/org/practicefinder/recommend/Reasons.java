package org.practicefinder.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.practicefinder.i18n.Texts;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/**
 * Writes the one-line reason of a recommendation, in English, Russian or Ukrainian, for a programme
 * worker rather than for the system's authors: what the practice does that the person wrote about
 * ("Works with: Police and law enforcement — you mentioned “police”"), then whether it uses their words.
 * Topic labels stay in the nominative after a colon, so the Russian and Ukrainian lines need no declension
 * (and, as some of their labels hold a dash, the person's words go in brackets there). Parts are joined
 * with "; ", which the page shows one a line. The texts are the server's bundles' ({@link Texts}:
 * {@code reason.*}, and {@code role.<dimension>} for what a practice does with a concept of it).
 */
final class Reasons {
  /** Shared concepts named in one line; the rest are in the recommendation's list. */
  private static final int MAX_CONCEPTS = 3;

  private Reasons() {}

  /**
   * @param shared the detected concepts the practice is tagged with, most telling first
   * @param mentioned concept id → the person's words it was detected in
   * @param evidence the best sentence; its {@link Evidence#words()}, the person's words it matched, are named
   * @return e.g. {@code Where: Saunas and massage parlours — you mentioned “saunas”; Uses your words: raids}:
   *     evidence words already quoted as a topic's are not repeated
   */
  static String why(Optional<Evidence> evidence, List<Concept> shared, Map<String, String> mentioned, Language lang) {
    Texts t = Texts.of(lang);
    List<String> parts = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (Concept c : shared.stream().limit(MAX_CONCEPTS).toList()) {
      String role = t.find("role." + c.dimension()).map(r -> r + ": ").orElse("");
      String words = mentioned.getOrDefault(c.id(), c.label(lang));
      quoted.add(words.toLowerCase(Locale.ROOT));
      parts.add(t.format("reason.mentioned", role + c.label(lang), words));
    }
    evidence.ifPresent(e -> {
      // the person's own words that the sentence matched, in their language whatever the practice's
      List<String> fresh = e.words().stream().filter(w -> quoted.stream().noneMatch(q -> overlap(q, w.toLowerCase(Locale.ROOT)))).toList();
      if (!fresh.isEmpty()) parts.add(t.format("reason.words", String.join(", ", fresh)));
      else if (e.words().isEmpty()) parts.add(t.get("reason.meaning"));
    });
    return sentence(parts);
  }

  /**
   * @param shared the concepts the two practices share, most telling first
   * @return the reason a practice is like another: e.g. {@code In common: Saunas and massage parlours; Close in meaning to this practice}
   */
  static String similar(Optional<Evidence> evidence, List<Concept> shared, Language lang) {
    Texts t = Texts.of(lang);
    List<String> parts = new ArrayList<>();
    List<String> labels = shared.stream().limit(MAX_CONCEPTS).map(c -> c.label(lang)).toList();
    if (!labels.isEmpty()) parts.add(t.format("reason.shared", String.join(", ", labels)));
    if (evidence.isPresent()) parts.add(t.get("reason.similar"));
    return sentence(parts);
  }

  /** "women" quoted already covers "women’s", and "police officers" covers "police". */
  private static boolean overlap(String quoted, String word) {
    return quoted.contains(word) || word.contains(quoted);
  }

  /** The parts joined with "; ", each starting with a capital, as each may stand on its own line. */
  private static String sentence(List<String> parts) {
    return String.join("; ", parts.stream().map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1)).toList());
  }

  /** @return the family a signal belongs to: words (BM25), meaning (embeddings), topics (concepts), resemblance */
  static String family(String signal) {
    if (signal.startsWith("bm25")) return "words";
    if (signal.startsWith("dense") || signal.startsWith("sentences")) return "meaning";
    if (signal.startsWith("concepts")) return "topics";
    return "resemblance";
  }
}
