package org.practicefinder.recommend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/** Writes the one-line reason of a recommendation, in English, Russian or Ukrainian. */
final class Reasons {
  /** A signal counts as having found a practice when it ranks it this high or higher on its own. */
  static final int FOUND_BY_RANK = 5;
  /** Shared concepts named in one line; the rest are in the recommendation's list. */
  private static final int MAX_CONCEPTS = 3;

  private static final Map<Language, String[]> TEMPLATES = Map.of(
      // matches {terms} in {section} | close in meaning to {section} | shares {concepts} | found by {signals}
      Language.EN, new String[] {"matches %s in %s", "close in meaning to its %s", "shares %s", "found by %s"},
      Language.RU, new String[] {"совпадает: %s (%s)", "близко по смыслу: %s", "общие темы: %s", "найдено: %s"},
      Language.UK, new String[] {"збігається: %s (%s)", "близько за змістом: %s", "спільні теми: %s", "знайдено: %s"});

  private static final Map<String, Map<Language, String>> NAMES = Map.of(
      "title", Map.of(Language.EN, "title", Language.RU, "название", Language.UK, "назва"),
      "challenge", Map.of(Language.EN, "challenge", Language.RU, "проблема", Language.UK, "проблема"),
      "action", Map.of(Language.EN, "action", Language.RU, "действия", Language.UK, "дії"),
      "steps", Map.of(Language.EN, "steps", Language.RU, "шаги", Language.UK, "кроки"),
      "outcomes", Map.of(Language.EN, "outcomes", Language.RU, "результаты", Language.UK, "результати"),
      "lessons", Map.of(Language.EN, "lessons", Language.RU, "уроки", Language.UK, "уроки"),
      "words", Map.of(Language.EN, "words", Language.RU, "слова", Language.UK, "слова"),
      "meaning", Map.of(Language.EN, "meaning", Language.RU, "смысл", Language.UK, "зміст"),
      "topics", Map.of(Language.EN, "topics", Language.RU, "темы", Language.UK, "теми"),
      "resemblance", Map.of(Language.EN, "resemblance to the best matches", Language.RU, "сходство с лучшими",
          Language.UK, "схожість із найкращими"));

  private Reasons() {}

  /**
   * @param signalRanks signal name → the practice's rank by that signal alone
   * @return e.g. {@code Matches hotline, night in action; shares Hotline; found by words, meaning}
   */
  static String why(Optional<Evidence> evidence, List<Concept> shared, Map<String, Integer> signalRanks, Language lang) {
    String[] t = TEMPLATES.get(lang);
    List<String> parts = new ArrayList<>();
    evidence.ifPresent(e -> parts.add(e.terms().isEmpty()
        ? String.format(t[1], name(e.section(), lang))
        : String.format(t[0], String.join(", ", e.terms()), name(e.section(), lang))));
    if (!shared.isEmpty()) {
      List<String> labels = shared.stream().limit(MAX_CONCEPTS).map(c -> c.label(lang)).toList();
      parts.add(String.format(t[2], String.join(", ", labels) + (shared.size() > MAX_CONCEPTS ? ", …" : "")));
    }
    Set<String> families = new LinkedHashSet<>();
    signalRanks.forEach((signal, rank) -> {
      if (rank <= FOUND_BY_RANK) families.add(family(signal));
    });
    if (!families.isEmpty()) parts.add(String.format(t[3], String.join(", ", families.stream().map(f -> name(f, lang)).toList())));
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

  private static String name(String key, Language lang) {
    return NAMES.containsKey(key) ? NAMES.get(key).get(lang) : key;
  }
}
