package org.practicefinder.ingest;

import java.nio.file.Path;

/**
 * A seed file is not the manual's text: it does not have the layout the parser expects, or is not
 * UTF-8. The message names the file (when known) and the 1-based line it failed on (when there is one).
 */
public final class ManualFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  public ManualFormatException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  private ManualFormatException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** @return a problem with the whole file, not one line of it: {@code seeds/x.txt: message} */
  static ManualFormatException ofFile(Path file, String message) {
    return new ManualFormatException(file + ": " + message, 0);
  }

  /** @return this problem prefixed with the file it was found in, {@code seeds/x.txt line 4: ...}, unless it names it already */
  ManualFormatException in(Path file) {
    return getMessage().startsWith(file.toString()) ? this : new ManualFormatException(file + " " + getMessage(), line);
  }

  /** @return the 1-based line number of the manual where parsing failed, or 0 for the whole file */
  public int line() {
    return line;
  }
}
