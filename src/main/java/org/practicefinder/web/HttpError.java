package org.practicefinder.web;

/** A request the server refuses with a status other than 400 (which {@link IllegalArgumentException} gives). */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /** @param message said to the client as {@code {"error": message}}: never echo request text in it */
  public HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
