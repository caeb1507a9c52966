package org.practicefinder.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a practice's text comes from, for citing and reuse.
 *
 * @param title the publication's title
 * @param publisher who published it, if known
 * @param year the year it was published, if known
 * @param section where in the publication the practice stands, e.g. {@code Collection of Good Practices: Ukraine, 2.a}
 * @param url where the publication can be read, if anywhere
 */
public record Citation(String title, Optional<String> publisher, Optional<Integer> year, Optional<String> section,
    Optional<String> url) {

  /** The manual this library is built from. Its text names no publisher or year; see the README's Licences. */
  public static final String MANUAL_TITLE = "Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation";
  public static final String MANUAL_PUBLISHER = "TAMPEP International Foundation for the CONECTA project";
  public static final int MANUAL_YEAR = 2013;

  /** @throws IllegalArgumentException if the title is blank or the year is not between 1900 and 2100 */
  public Citation {
    Objects.requireNonNull(title);
    if (title.isBlank()) throw new IllegalArgumentException("citation without a title");
    Objects.requireNonNull(publisher);
    Objects.requireNonNull(year);
    Objects.requireNonNull(section);
    Objects.requireNonNull(url);
    year.ifPresent(y -> {
      if (y < 1900 || y > 2100) throw new IllegalArgumentException("citation year out of range: " + y);
    });
  }

  /** @return the citation of a part of the manual, e.g. {@code manual("Collection of Good Practices: Ukraine, 1")} */
  public static Citation manual(String section) {
    return new Citation(MANUAL_TITLE, Optional.of(MANUAL_PUBLISHER), Optional.of(MANUAL_YEAR), Optional.of(section),
        Optional.empty());
  }
}
