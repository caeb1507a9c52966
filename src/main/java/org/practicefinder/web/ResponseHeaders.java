package org.practicefinder.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers every response carries, pages, API answers and errors alike, the server's own errors
 * included: the security headers and CORS. Which origins may read the API comes from configuration:
 * any ({@code *}, the default: the data is public and there are no cookies) or a list.
 */
public final class ResponseHeaders {
  /** The page and widget take nothing from other hosts; say so to the browser too. */
  public static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "connect-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'self'";
  /** JSON is never a document: nothing may load from it or frame it. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private final Set<String> origins;

  private ResponseHeaders(Set<String> origins) {
    this.origins = origins;
  }

  /** @return headers allowing any origin */
  public static ResponseHeaders anyOrigin() {
    return new ResponseHeaders(Set.of("*"));
  }

  /**
   * @param origins {@code *}, or origins separated by commas, e.g.
   *     {@code https://partner.example, https://other.example:8443}
   * @throws IllegalArgumentException if an entry is not an origin (scheme, host, optional port; no path)
   */
  public static ResponseHeaders allowingOrigins(String origins) {
    Set<String> out = new LinkedHashSet<>();
    for (String o : origins.split(",")) {
      String origin = o.trim().toLowerCase(Locale.ROOT);
      if (origin.isEmpty()) continue;
      if (!origin.equals("*")) {
        URI u;
        try {
          u = new URI(origin);
        } catch (java.net.URISyntaxException e) {
          throw new IllegalArgumentException("not an origin: " + o.trim());
        }
        if (!(("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
            && u.getRawPath().isEmpty() && u.getRawQuery() == null && u.getRawUserInfo() == null)) {
          throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + o.trim());
        }
      }
      out.add(origin);
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no origin given; * allows any");
    if (out.contains("*") && out.size() > 1) throw new IllegalArgumentException("* allows any origin: list no others with it");
    return new ResponseHeaders(Set.copyOf(out));
  }

  /**
   * @param origin the request's {@code Origin} header, or null
   * @return the security headers, JSON's Content-Security-Policy (pages set their own), and
   *     {@code Access-Control-Allow-Origin} if the origin may read the response
   */
  public Map<String, String> common(String origin) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", API_CSP);
    if (origins.contains("*")) {
      h.put("Access-Control-Allow-Origin", "*"); // public data, no cookies: partner sites may call it
    } else {
      h.put("Vary", "Origin");
      if (origin != null && origins.contains(origin.toLowerCase(Locale.ROOT))) h.put("Access-Control-Allow-Origin", origin);
    }
    return h;
  }
}
