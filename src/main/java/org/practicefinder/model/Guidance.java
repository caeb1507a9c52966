package org.practicefinder.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the manual's guidance: the front matter before the practices (its aims, the
 * principles of good practice, the components of comprehensive services, background issues,
 * outreach methods, the key elements of good practice and the key gaps).
 *
 * @param id stable id, lower case with hyphens, e.g. {@code gap-undocumented-migrants}, {@code principle-who-3}
 * @param kind what the entry is
 * @param title its heading in the manual, or for list items the item's opening words
 * @param section the part of the front matter it belongs to, e.g. {@code CONECTA core values}
 * @param text the cleaned text; paragraphs and list items one a line. For a gap: its barrier,
 *     recommendation and example, one a line
 * @param gap the parts of a key gap; present exactly when {@code kind} is {@link Kind#GAP}
 * @param notes the footnotes its text cites, in order of their numbers
 * @param source where in the manual it stands
 */
public record Guidance(String id, Kind kind, String title, String section, String text, Optional<Gap> gap,
    List<String> notes, Citation source) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  /** The kinds of entry, with the ids used in data and URLs. */
  public enum Kind {
    AIM, PRINCIPLE, COMPONENT, BACKGROUND, OUTREACH_METHOD, KEY_ELEMENT, GAP;

    /** @return the id used in data and URLs, e.g. {@code outreach-method} */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the kind with this {@link #id()}, or empty */
    public static Optional<Kind> fromId(String id) {
      for (Kind k : values()) {
        if (k.id().equals(id)) return Optional.of(k);
      }
      return Optional.empty();
    }
  }

  /**
   * A key gap in service provision, as the manual sets it out.
   *
   * @param barrier the "Barriers" paragraph
   * @param recommendation the "Recommendation" paragraph
   * @param example the "Example" paragraph
   * @param practices ids of the practices whose organisations the example names, in manual order
   * @param russiaNote the text of the manual's "Additional barrier for Russia" box beside this gap, if any
   */
  public record Gap(String barrier, String recommendation, String example, List<String> practices,
      Optional<String> russiaNote) {
    public Gap {
      requireText(barrier, "barrier");
      requireText(recommendation, "recommendation");
      requireText(example, "example");
      practices = List.copyOf(practices);
      Objects.requireNonNull(russiaNote);
    }
  }

  /**
   * @throws IllegalArgumentException if the id is not lower case with single hyphens, a text is
   *     blank, or a gap's parts are missing or given to another kind
   */
  public Guidance {
    Objects.requireNonNull(id);
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("bad guidance id: " + id);
    Objects.requireNonNull(kind);
    requireText(title, id + " title");
    requireText(section, id + " section");
    requireText(text, id + " text");
    Objects.requireNonNull(gap);
    if (gap.isPresent() != (kind == Kind.GAP)) throw new IllegalArgumentException(id + ": gap parts belong to gaps only");
    notes = List.copyOf(notes);
    Objects.requireNonNull(source);
  }

  /** @return all of the entry's own prose: its text, and a gap's Russia note after it on a line of its own */
  public String body() {
    return gap.flatMap(Gap::russiaNote).map(n -> text + "\n" + n).orElse(text);
  }

  private static void requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isBlank()) throw new IllegalArgumentException("blank " + what);
  }
}
