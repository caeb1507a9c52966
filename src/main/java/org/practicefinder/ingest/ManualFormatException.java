package org.practicefinder.ingest;

/** The manual text does not have the layout the parser expects; names the 1-based line it failed on. */
public final class ManualFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  public ManualFormatException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  /** @return the 1-based line number of the manual where parsing failed */
  public int line() {
    return line;
  }
}
