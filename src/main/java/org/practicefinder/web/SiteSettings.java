package org.practicefinder.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What other sites may do, from the operator's configuration: which origins may call the API and load
 * the widget's files (CORS), and which may frame {@code /embed} (CSP {@code frame-ancestors}). The data
 * is public and nothing uses cookies, so both default to {@code *}. The rest of the site is never framed.
 *
 * @param corsOrigins {@code *} alone, or origins such as {@code https://partner.example}
 * @param frameAncestors CSP source expressions such as {@code *}, {@code 'self'}, {@code https://partner.example}
 * @param exitUrl where the page's "Leave this site quickly" goes: an absolute http(s) URL of a neutral site
 */
public record SiteSettings(List<String> corsOrigins, List<String> frameAncestors, String exitUrl) {
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  /** A CSP source expression with nothing that could end the directive or start another. */
  private static final Pattern SOURCE = Pattern.compile(
      "\\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?(\\*\\.)?[A-Za-z0-9.-]+(:([0-9]{1,5}|\\*))?(/[A-Za-z0-9._~/-]*)?");
  private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors ";
  /** An http(s) URL with nothing that could end an HTML attribute: it is written into the page. */
  private static final Pattern EXIT_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/?=&%+-]*)?");
  /** A search engine's front page: neutral, and reachable in every country the manual covers. */
  public static final String DEFAULT_EXIT_URL = "https://www.google.com/";
  /** Any origin may call the API and frame /embed (declared after the patterns the constructor uses). */
  public static final SiteSettings DEFAULTS = new SiteSettings(List.of("*"), List.of("*"), DEFAULT_EXIT_URL);

  /** With the default exit URL. */
  public SiteSettings(List<String> corsOrigins, List<String> frameAncestors) {
    this(corsOrigins, frameAncestors, DEFAULT_EXIT_URL);
  }

  /**
   * @throws IllegalArgumentException for an empty list, a malformed origin or source, {@code *} beside
   *     origins, or an exit URL that is not a plain http(s) URL
   */
  public SiteSettings {
    corsOrigins = List.copyOf(corsOrigins);
    frameAncestors = List.copyOf(frameAncestors);
    if (corsOrigins.isEmpty() || frameAncestors.isEmpty()) throw new IllegalArgumentException("CORS origins and frame ancestors must not be empty");
    if (corsOrigins.contains("*") && corsOrigins.size() > 1) throw new IllegalArgumentException("CORS origins: * stands alone");
    for (String o : corsOrigins) {
      if (!o.equals("*") && !ORIGIN.matcher(o).matches()) throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + o);
    }
    for (String s : frameAncestors) {
      if (!SOURCE.matcher(s).matches()) throw new IllegalArgumentException("not a frame-ancestors source: " + s);
    }
    if (exitUrl == null || !EXIT_URL.matcher(exitUrl).matches()) {
      throw new IllegalArgumentException("not an exit URL (http(s)://host[:port][/path]): " + exitUrl);
    }
  }

  /** @param cors origins separated by commas or spaces; @param frame sources separated by commas or spaces; null means the default */
  public static SiteSettings parse(String cors, String frame) {
    return parse(cors, frame, null);
  }

  /** @param exit the quick exit's URL; null means the default */
  public static SiteSettings parse(String cors, String frame, String exit) {
    return new SiteSettings(cors == null ? DEFAULTS.corsOrigins : split(cors), frame == null ? DEFAULTS.frameAncestors : split(frame),
        exit == null ? DEFAULT_EXIT_URL : exit.trim());
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Headers that let a page at {@code origin} read a response: {@code Access-Control-Allow-Origin} (and
   * {@code Vary: Origin} when the answer depends on it).
   *
   * @param origin the request's {@code Origin} header, or null
   */
  public Map<String, String> corsHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (corsOrigins.contains("*")) {
      headers.put("Access-Control-Allow-Origin", "*");
    } else {
      headers.put("Vary", "Origin");
      if (origin != null && corsOrigins.contains(origin)) headers.put("Access-Control-Allow-Origin", origin);
    }
    return headers;
  }

  /** The Content-Security-Policy of a page or file: framed by the configured ancestors if {@code frameable}, else by none. */
  public String contentSecurityPolicy(boolean frameable) {
    return CSP + (frameable ? String.join(" ", frameAncestors) : "'none'");
  }
}
