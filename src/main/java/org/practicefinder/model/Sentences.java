package org.practicefinder.model;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits practice text into sentences: the unit of tagging evidence, explanations and sentence embeddings. */
public final class Sentences {
  /**
   * A sentence of a practice.
   *
   * @param section {@code title}, a section key ({@code challenge}…) or {@code notes}
   * @param text the sentence
   */
  public record Sentence(String section, String text) {}

  private Sentences() {}

  /** @return the title, then every sentence of every section in manual order; notes only if asked */
  public static List<Sentence> of(Practice practice, boolean withNotes) {
    List<Sentence> out = new ArrayList<>();
    out.add(new Sentence("title", practice.title()));
    for (Section s : Section.values()) {
      for (String part : practice.items(s)) {
        for (String sentence : split(part)) out.add(new Sentence(s.key(), sentence));
      }
    }
    if (withNotes) {
      for (String note : practice.notes()) out.add(new Sentence("notes", note));
    }
    return out;
  }

  /** Splits text into sentences; list items and the lines of dash lists are sentences of their own. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      it.setText(line);
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = line.substring(start, end).trim();
        if (!s.isEmpty()) out.add(s);
      }
    }
    return out;
  }
}
