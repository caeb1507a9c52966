package org.practicefinder.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A place named in a practice header, by its one canonical English name.
 *
 * @param name canonical English name, e.g. {@code Saint Petersburg}
 * @param region the region the header names with it ({@code UFA, BASHKORTOSTAN}), if any
 */
public record Place(String name, Optional<String> region) {
  public Place {
    Objects.requireNonNull(name);
    Objects.requireNonNull(region);
    if (name.isBlank()) throw new IllegalArgumentException("place name is blank");
  }
}
