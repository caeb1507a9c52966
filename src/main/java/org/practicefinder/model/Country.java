package org.practicefinder.model;

/** The two countries of the manual, with the code used in practice ids ({@code UA-1}, {@code RU-1}). */
public enum Country {
  UKRAINE("UA", "Ukraine"), RUSSIA("RU", "Russia");

  private final String code;
  private final String displayName;

  Country(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  /** @return the English name used in headers and facets: {@code Ukraine} or {@code Russia} */
  public String displayName() {
    return displayName;
  }
}
