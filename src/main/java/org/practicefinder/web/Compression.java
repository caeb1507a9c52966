package org.practicefinder.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * gzip, the one place for it: which answers are compressed (text of 1 KB or more, to clients that
 * accept gzip) and how. {@link Routes} compresses API answers; {@link StaticSite} keeps a compressed
 * copy of each file and marks it so that it is not compressed twice.
 */
final class Compression {
  /** Smaller bodies fit one packet anyway; gzip's header would be most of the gain. */
  static final int MIN_BYTES = 1024;

  private Compression() {}

  /**
   * @return true if the request's {@code Accept-Encoding} takes gzip: {@code gzip} or {@code x-gzip}, else
   *     {@code *}, with a quality above 0 (RFC 9110, 12.5.3; {@code q=0} means "not acceptable", and a
   *     quality that is not a number counts as 0)
   */
  static boolean accepted(HttpRequest request) {
    Double gzip = null;
    Double any = null;
    for (String part : request.header("Accept-Encoding").orElse("").split(",")) {
      String[] params = part.split(";", -1); // -1: ";" is two empty parts, not none
      String coding = params[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < params.length; i++) {
        String[] p = params[i].split("=", 2);
        if (p[0].trim().equalsIgnoreCase("q")) q = quality(p.length < 2 ? "" : p[1].trim());
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) gzip = gzip == null ? q : Math.max(gzip, q);
      else if (coding.equals("*")) any = q;
    }
    Double q = gzip != null ? gzip : any;
    return q != null && q > 0;
  }

  private static double quality(String q) {
    return q.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)") ? Double.parseDouble(q) : 0;
  }

  /** @return true for text, JSON, JavaScript and SVG: what gzip shrinks (images and fonts are compressed already) */
  static boolean compressible(String contentType) {
    if (contentType == null) return false;
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/") || t.startsWith("application/json") || t.contains("javascript") || t.startsWith("image/svg");
  }

  /**
   * @return the response gzipped with {@code Content-Encoding: gzip} when the client accepts it, it is
   *     a 200 of compressible text of {@link #MIN_BYTES} or more and not encoded already; else as it is.
   *     Either way a compressible answer says {@code Vary: Accept-Encoding}, for shared caches.
   */
  static HttpResponse apply(HttpRequest request, HttpResponse response) {
    if (response.headers().containsKey("Content-Encoding") || !compressible(response.headers().get("Content-Type"))) return response;
    HttpResponse varied = response.withVary("Accept-Encoding");
    if (response.status() != 200 || response.body().length < MIN_BYTES || !accepted(request)) return varied;
    return new HttpResponse(200, varied.with("Content-Encoding", "gzip").headers(), gzip(response.body()));
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory: not reached
    }
    return out.toByteArray();
  }
}
