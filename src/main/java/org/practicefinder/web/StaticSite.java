package org.practicefinder.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page, the widget and the partners' page, from the class path's {@code web/} folder (in the jar),
 * with a strong ETag, a cache lifetime, gzip for clients that take it, and the site's framing
 * policy; a page route of {@link Routes}. Only {@code /embed} may be framed by other sites.
 */
final class StaticSite {
  /** A file, and the same compressed, made on first demand. */
  private static final class Asset {
    final byte[] body;
    final String type;
    final String etag;
    volatile byte[] gzipped;

    Asset(byte[] body, String type, String etag) {
      this.body = body;
      this.type = type;
      this.etag = etag;
    }

    byte[] gzipped() {
      if (gzipped == null) gzipped = Compression.gzip(body);
      return gzipped;
    }
  }

  static final Pattern SAFE_PATH = Pattern.compile("/([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
  /**
   * Longer than any file's path here. A longer one is not matched at all: the pattern recurses once per
   * segment or extension, and 10,000 characters of {@code /a.a.a…} overflowed the thread's stack.
   */
  static final int MAX_PATH_CHARS = 200;
  private static final Map<String, String> ALIASES = Map.of("/", "/index.html", "/embed", "/embed-frame.html");
  /** The one path other sites may frame (its file, asked for by name, may not be framed). */
  private static final String FRAMEABLE = "/embed";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8", "png", "image/png", "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8");
  /**
   * Scripts, styles and texts: an hour, then served stale for up to a day while revalidated by ETag.
   * Pages are always revalidated (a 304 when unchanged): they name the modules a new release brings.
   */
  private static final String ASSET_CACHE = "public, max-age=3600, stale-while-revalidate=86400";
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
   * Answers a page route whose path ends in {@code *}: the file, or 304 when the client's
   * {@code If-None-Match} names its ETag. A compressed body has its own ETag (a strong validator
   * names one representation).
   *
   * @throws NoSuchElementException (404) when no such file is served
   */
  HttpResponse serve(HttpRequest request) {
    String path = "/" + request.pathParam("*");
    String file = ALIASES.getOrDefault(path, path);
    if (file.length() > MAX_PATH_CHARS || !SAFE_PATH.matcher(file).matches()) throw new NoSuchElementException("not found");
    String ext = file.substring(file.lastIndexOf('.') + 1);
    if (!TYPES.containsKey(ext)) throw new NoSuchElementException("not found");
    Asset asset = assets.get(file);
    if (asset == null) {
      byte[] body = read("/web" + file);
      if (body == null) throw new NoSuchElementException("not found");
      if (ext.equals("html")) body = withSettings(body);
      asset = new Asset(body, TYPES.get(ext), HttpCaching.etag(body));
      assets.put(file, asset);
    }
    boolean page = ext.equals("html");
    boolean compress = Compression.compressible(asset.type) && Compression.accepted(request);
    String etag = compress ? HttpCaching.gzipVariant(asset.etag) : asset.etag;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", asset.type);
    headers.put("ETag", etag);
    headers.put("Cache-Control", page ? PAGE_CACHE : ASSET_CACHE);
    headers.put("Content-Security-Policy", settings.contentSecurityPolicy(FRAMEABLE.equals(path)));
    if (!page) headers.put("Cross-Origin-Resource-Policy", "cross-origin"); // the widget's files load into partners' pages
    headers.put("Vary", "Accept-Encoding");
    if (HttpCaching.matches(request.header("If-None-Match").orElse(null), etag)) return new HttpResponse(304, headers, new byte[0]);
    if (!compress) return new HttpResponse(200, headers, asset.body);
    headers.put("Content-Encoding", "gzip");
    return new HttpResponse(200, headers, asset.gzipped());
  }

  /** The operator's exit URL in place of its placeholder, in attributes (the settings admit no quote or angle bracket). */
  private byte[] withSettings(byte[] page) {
    String text = new String(page, StandardCharsets.UTF_8);
    if (!text.contains(EXIT_URL)) return page;
    return text.replace(EXIT_URL, settings.exitUrl().replace("&", "&amp;")).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticSite.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
