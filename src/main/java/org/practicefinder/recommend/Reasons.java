package org.practicefinder.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/**
 * Writes the one-line reason of a recommendation, in English, Russian or Ukrainian, for a programme
 * worker rather than for the system's authors: what the practice does that the person wrote about
 * ("Works with: Police and law enforcement — you mentioned “police”"), then whether it uses their words.
 * Topic labels stay in the nominative after a colon, so the Russian and Ukrainian lines need no declension
 * (and, as some of their labels hold a dash, the person's words go in brackets there). Parts are joined
 * with "; ", which the page shows one a line.
 */
final class Reasons {
  /** Shared concepts named in one line; the rest are in the recommendation's list. */
  private static final int MAX_CONCEPTS = 3;

  private enum Part { MENTIONED, WORDS, MEANING, SHARED, SIMILAR_MEANING }

  private static final Map<Language, Map<Part, String>> TEMPLATES = Map.of(
      Language.EN, Map.of(Part.MENTIONED, "%s — you mentioned “%s”", Part.WORDS, "uses your words: %s",
          Part.MEANING, "close in meaning to what you described", Part.SHARED, "in common: %s",
          Part.SIMILAR_MEANING, "does similar work"),
      Language.RU, Map.of(Part.MENTIONED, "%s (вы написали «%s»)", Part.WORDS, "в тексте есть ваши слова: %s",
          Part.MEANING, "близко по смыслу к вашему описанию", Part.SHARED, "общее: %s",
          Part.SIMILAR_MEANING, "похожая работа"),
      Language.UK, Map.of(Part.MENTIONED, "%s (ви написали «%s»)", Part.WORDS, "у тексті є ваші слова: %s",
          Part.MEANING, "близько за змістом до вашого опису", Part.SHARED, "спільне: %s",
          Part.SIMILAR_MEANING, "схожа робота"));

  /** What a practice tagged with a concept of the dimension does with it, before the concept's label. */
  private static final Map<String, Map<Language, String>> ROLES = Map.of(
      "population", Map.of(Language.EN, "For", Language.RU, "Для кого", Language.UK, "Для кого"),
      "setting", Map.of(Language.EN, "Where", Language.RU, "Где", Language.UK, "Де"),
      "service", Map.of(Language.EN, "Offers", Language.RU, "Что делает", Language.UK, "Що робить"),
      "partner", Map.of(Language.EN, "Works with", Language.RU, "С кем работает", Language.UK, "З ким працює"),
      "organisation-type", Map.of(Language.EN, "Run by", Language.RU, "Кто ведёт", Language.UK, "Хто веде"));

  private Reasons() {}

  /**
   * @param shared the detected concepts the practice is tagged with, most telling first
   * @param mentioned concept id → the person's words it was detected in
   * @return e.g. {@code Where: Saunas and massage parlours — you mentioned “saunas”; Uses your words: raids}:
   *     evidence words already quoted as a topic's are not repeated
   */
  static String why(Optional<Evidence> evidence, List<Concept> shared, Map<String, String> mentioned, Language lang) {
    Map<Part, String> t = TEMPLATES.get(lang);
    List<String> parts = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (Concept c : shared.stream().limit(MAX_CONCEPTS).toList()) {
      String role = ROLES.containsKey(c.dimension()) ? ROLES.get(c.dimension()).get(lang) + ": " : "";
      String words = mentioned.getOrDefault(c.id(), c.label(lang));
      quoted.add(words.toLowerCase(Locale.ROOT));
      parts.add(String.format(t.get(Part.MENTIONED), role + c.label(lang), words));
    }
    evidence.ifPresent(e -> {
      List<String> fresh = e.terms().stream().filter(w -> quoted.stream().noneMatch(q -> overlap(q, w.toLowerCase(Locale.ROOT)))).toList();
      if (!fresh.isEmpty()) parts.add(String.format(t.get(Part.WORDS), String.join(", ", fresh)));
      else if (e.terms().isEmpty()) parts.add(t.get(Part.MEANING));
    });
    return sentence(parts);
  }

  /**
   * @param shared the concepts the two practices share, most telling first
   * @return the reason a practice is like another: e.g. {@code In common: Saunas and massage parlours; Does similar work}
   */
  static String similar(Optional<Evidence> evidence, List<Concept> shared, Language lang) {
    Map<Part, String> t = TEMPLATES.get(lang);
    List<String> parts = new ArrayList<>();
    List<String> labels = shared.stream().limit(MAX_CONCEPTS).map(c -> c.label(lang)).toList();
    if (!labels.isEmpty()) parts.add(String.format(t.get(Part.SHARED), String.join(", ", labels)));
    if (evidence.isPresent()) parts.add(t.get(Part.SIMILAR_MEANING));
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
