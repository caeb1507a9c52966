package org.practicefinder.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's files, from {@code /web} on the class path (the jar carries them): {@code /} is
 * {@code index.html}. Only names of letters, digits, {@code . _ -} and known file types are served;
 * anything else is 404. Files are read once and kept: they cannot change inside the jar.
 */
final class StaticFiles {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8", "svg", "image/svg+xml",
      "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8", "woff2", "font/woff2");
  private static final String SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";

  private final String root;
  /** Files found, by path; what is not found is not kept, so made-up names cannot fill it. */
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  /** @param root the class-path folder, e.g. {@code /web} */
  StaticFiles(String root) {
    this.root = root;
  }

  /** Answers a page route whose path ends in {@code *}. @throws NoSuchElementException if there is no such file */
  HttpResponse serve(HttpRequest request) {
    String path = request.pathParam("*");
    if (path.isEmpty()) path = "index.html";
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    boolean safe = type != null && java.util.Arrays.stream(path.split("/", -1)).allMatch(s -> s.matches(SEGMENT));
    byte[] bytes = safe ? files.get(path) : null;
    if (safe && bytes == null) {
      bytes = read(path);
      if (bytes != null) files.put(path, bytes);
    }
    if (bytes == null) throw new NoSuchElementException("not found");
    return new HttpResponse(200, Map.of("Content-Type", type, "Content-Security-Policy", ResponseHeaders.PAGE_CSP,
        "Cache-Control", "no-cache"), bytes);
  }

  /** @return the file's bytes, or null if there is none */
  private byte[] read(String path) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(root + "/" + path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
