package org.practicefinder.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page, the widget and the partners' page, from the class path's {@code web/} folder (in the jar),
 * with a strong ETag, a cache lifetime and the site's framing policy. Knows no web framework:
 * {@link ApiServer} adapts it. Only {@code /embed} may be framed by other sites.
 */
final class StaticSite {
  /** A file's answer: status 200 or 304, headers, and the body (empty for 304). */
  record Reply(int status, Map<String, String> headers, byte[] body) {}

  private record Asset(byte[] body, String type, String etag) {}

  private static final Pattern SAFE_PATH = Pattern.compile("/([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
  private static final Map<String, String> ALIASES = Map.of("/", "/index.html", "/embed", "/embed-frame.html");
  /** The one path other sites may frame (its file, asked for by name, may not be framed). */
  private static final String FRAMEABLE = "/embed";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8", "png", "image/png", "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8");
  /** Scripts, styles and texts: an hour, then revalidated by ETag. Pages are always revalidated. */
  private static final String ASSET_CACHE = "public, max-age=3600";
  private static final String PAGE_CACHE = "no-cache";
  /** Written in the pages where the quick exit's URL goes. */
  static final String EXIT_URL = "{{exit-url}}";

  private final SiteSettings settings;
  /** Files found so far; bounded by what the jar holds, as paths that name no file are not kept. */
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  StaticSite(SiteSettings settings) {
    this.settings = settings;
  }

  /**
   * @param path the request path ({@code /}, {@code /embed}, {@code /widget.js}, …)
   * @param ifNoneMatch the request's {@code If-None-Match} header, or null
   * @param origin the request's {@code Origin} header, or null
   * @param gzip whether the client accepts gzip: text is then marked {@code Content-Encoding: gzip}, for the
   *     adapter to compress, under its own ETag (a strong validator names one representation)
   * @return the file's reply, or empty when no such file is served
   */
  Optional<Reply> get(String path, String ifNoneMatch, String origin, boolean gzip) {
    String file = ALIASES.getOrDefault(path == null ? "" : path, path);
    if (file == null || !SAFE_PATH.matcher(file).matches()) return Optional.empty();
    String ext = file.substring(file.lastIndexOf('.') + 1);
    if (!TYPES.containsKey(ext)) return Optional.empty();
    Asset asset = assets.get(file);
    if (asset == null) {
      byte[] body = read("/web" + file);
      if (body == null) return Optional.empty();
      if (ext.equals("html")) body = withSettings(body);
      asset = new Asset(body, TYPES.get(ext), etag(body));
      assets.put(file, asset);
    }
    boolean page = ext.equals("html");
    boolean compress = gzip && !ext.equals("png");
    String etag = compress ? asset.etag.replaceFirst("\"$", "-gz\"") : asset.etag;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", asset.type);
    headers.put("ETag", etag);
    headers.put("Cache-Control", page ? PAGE_CACHE : ASSET_CACHE);
    headers.put("Content-Security-Policy", settings.contentSecurityPolicy(FRAMEABLE.equals(path)));
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Content-Type-Options", "nosniff");
    if (!page) { // the widget's modules, styles and texts load cross-origin into partners' pages
      headers.putAll(settings.corsHeaders(origin));
      headers.put("Cross-Origin-Resource-Policy", "cross-origin");
    }
    headers.merge("Vary", "Accept-Encoding", (a, b) -> a + ", " + b);
    if (matches(ifNoneMatch, etag)) return Optional.of(new Reply(304, headers, new byte[0]));
    if (compress) headers.put("Content-Encoding", "gzip");
    return Optional.of(new Reply(200, headers, asset.body));
  }

  /** The operator's exit URL in place of its placeholder, in attributes (the settings admit no quote or angle bracket). */
  private byte[] withSettings(byte[] page) {
    String text = new String(page, StandardCharsets.UTF_8);
    if (!text.contains(EXIT_URL)) return page;
    return text.replace(EXIT_URL, settings.exitUrl().replace("&", "&amp;")).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(t -> t.equals("*") || t.equals(etag));
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticSite.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A strong validator: the first 128 bits of the content's SHA-256, so equal bytes always give the same tag. */
  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }
}
