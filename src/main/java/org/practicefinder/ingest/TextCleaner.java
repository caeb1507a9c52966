package org.practicefinder.ingest;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins lines extracted from the PDF into clean text: single spaces, whole words, no space inside
 * quotes or before punctuation, footnote markers removed.
 */
final class TextCleaner {
  /** Tabs, no-break and other Unicode spaces that the PDF extraction leaves inside sentences. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
  private static final Pattern SPACE_AFTER_OPENING = Pattern.compile("([“«(])\\s+");
  private static final Pattern SPACE_BEFORE_CLOSING = Pattern.compile("\\s+([”»),.;:!?])");
  private static final Pattern HYPHEN_END = Pattern.compile("(\\p{L}+)-$");
  private static final Pattern LEADING_WORD = Pattern.compile("^(\\p{L}+)");

  /** Lower-case words of the whole manual: decides whether a hyphen at a line end splits a word. */
  private final Set<String> vocabulary;

  TextCleaner(Set<String> vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** @return the line with every run of whitespace (tabs, no-break spaces) made one space, trimmed */
  static String normaliseSpaces(String line) {
    return SPACES.matcher(line).replaceAll(" ").trim();
  }

  /**
   * Joins lines into one text. A line ending in a hyphen joins the next without a space; the hyphen
   * goes when the joined word occurs unhyphenated elsewhere in the manual ({@code organi-} +
   * {@code sation}), and stays for compounds ({@code self-} + {@code representation}).
   */
  String join(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String raw : lines) {
      String line = normaliseSpaces(raw);
      if (line.isEmpty()) continue;
      if (out.length() == 0) {
        out.append(line);
        continue;
      }
      if (line.startsWith("- ")) { // the manual's dash lists inside prose keep one item a line
        out.append('\n').append(line);
        continue;
      }
      Matcher hyphen = HYPHEN_END.matcher(out);
      Matcher next = LEADING_WORD.matcher(line);
      if (hyphen.find() && next.find()) {
        String joined = (hyphen.group(1) + next.group(1)).toLowerCase(java.util.Locale.ROOT);
        if (vocabulary.contains(joined)) out.setLength(out.length() - 1);
        out.append(line);
      } else {
        out.append(' ').append(line);
      }
    }
    return tidy(out.toString());
  }

  /** Removes spaces after opening and before closing quotes and punctuation. */
  static String tidy(String text) {
    String t = SPACE_AFTER_OPENING.matcher(text).replaceAll("$1");
    return SPACE_BEFORE_CLOSING.matcher(t).replaceAll("$1");
  }

  /**
   * Removes footnote markers glued to a word or punctuation ({@code “Lilith”4}, {@code Ukraine.5},
   * {@code website6}), only for the given footnote numbers.
   */
  static String stripFootnoteMarkers(String text, Set<Integer> numbers) {
    String t = text;
    for (int n : numbers) t = footnoteMarker(n).matcher(t).replaceAll("");
    return t;
  }

  /** @return true if the text carries the marker of footnote {@code n}, as {@link #stripFootnoteMarkers} finds it */
  static boolean citesFootnote(String text, int n) {
    return footnoteMarker(n).matcher(text).find();
  }

  private static Pattern footnoteMarker(int n) {
    return Pattern.compile("(?<=[\\p{L}.”’\")])" + n + "(?![\\p{L}\\p{N}])");
  }
}
