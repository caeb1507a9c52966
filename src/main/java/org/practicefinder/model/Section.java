package org.practicefinder.model;

import java.util.Locale;
import java.util.Optional;

/** The sections of a practice, in the manual's order. STEPS and LESSONS are bullet lists; the rest are prose. */
public enum Section {
  CHALLENGE(false), ACTION(false), STEPS(true), OUTCOMES(false), LESSONS(true);

  private final boolean list;

  Section(boolean list) {
    this.list = list;
  }

  /** @return true for sections held as a list of items (STEPS, LESSONS) */
  public boolean isList() {
    return list;
  }

  /** @return the lower-case key used in JSON and index field names, e.g. {@code challenge} */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the section whose heading is exactly {@code heading} (upper case, as in the manual) */
  public static Optional<Section> fromHeading(String heading) {
    for (Section s : values()) {
      if (s.name().equals(heading)) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** @return the section with this {@link #key()}, or empty */
  public static Optional<Section> fromKey(String key) {
    for (Section s : values()) {
      if (s.key().equals(key)) return Optional.of(s);
    }
    return Optional.empty();
  }
}
