package org.practicefinder.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The country a practice is listed under, with the code used in practice ids ({@code UA-1}, {@code RU-1}).
 *
 * @param code ISO 3166-1 alpha-2 code in capitals, e.g. {@code UA}
 * @param displayName the English name used in headers and facets, e.g. {@code Ukraine}
 */
public record Country(String code, String displayName) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}"); // before the constants, which use it

  /** The manual's two countries. */
  public static final Country UKRAINE = new Country("UA", "Ukraine");
  public static final Country RUSSIA = new Country("RU", "Russia");

  /** @throws IllegalArgumentException if the code is not two capital letters or the name is blank */
  public Country {
    Objects.requireNonNull(code);
    Objects.requireNonNull(displayName);
    if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("country code must be two capital letters: " + code);
    if (displayName.isBlank()) throw new IllegalArgumentException("blank country name");
  }

  /**
   * @return the manual's country of this name or code ({@code Ukraine}, {@code Russia}), else a
   *     country with the given code and name
   * @throws IllegalArgumentException if the name is one of the manual's countries but the code is not its code
   */
  public static Country of(String code, String displayName) {
    for (Country known : new Country[] {UKRAINE, RUSSIA}) {
      if (known.displayName.equals(displayName) || known.code.equals(code)) {
        if (!known.equals(new Country(code, displayName))) {
          throw new IllegalArgumentException("country " + displayName + " has the code " + known.code + ", not " + code);
        }
        return known;
      }
    }
    return new Country(code, displayName);
  }
}
