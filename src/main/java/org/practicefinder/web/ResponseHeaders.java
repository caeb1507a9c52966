package org.practicefinder.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response carries, pages, files, API answers and errors alike, the server's own
 * errors included: the security headers, JSON's Content-Security-Policy (pages and files set their
 * own), and CORS as {@link SiteSettings} allow it.
 */
public final class ResponseHeaders {
  /** JSON is never a document: nothing may load from it or frame it. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private final SiteSettings settings;

  public ResponseHeaders(SiteSettings settings) {
    this.settings = settings;
  }

  /** @param origin the request's {@code Origin} header, or null */
  public Map<String, String> common(String origin) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", API_CSP);
    h.putAll(settings.corsHeaders(origin));
    return h;
  }

  /** @return the common headers with a response's own on top; {@code Vary} lists both */
  public Map<String, String> with(String origin, Map<String, String> own) {
    Map<String, String> h = common(origin);
    own.forEach((name, value) -> h.merge(name, value, (a, b) -> name.equals("Vary") ? a + ", " + b : b));
    return h;
  }
}
