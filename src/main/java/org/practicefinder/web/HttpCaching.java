package org.practicefinder.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Strong ETags and {@code If-None-Match}, for API answers ({@link Routes}) and files ({@link StaticSite}) alike. */
final class HttpCaching {
  /**
   * API answers that hold no personal text: fresh for five minutes (a reload shows within that), then
   * served stale for up to an hour while a cache revalidates them in the background.
   */
  static final String SHARED = "public, max-age=300, stale-while-revalidate=3600";

  private HttpCaching() {}

  /** @return a strong validator: the first 128 bits of the SHA-256 of {@code bytes}, quoted */
  static String etag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  /**
   * @param version what the answer was made from (the build and the library's index fingerprint)
   * @return the ETag of an API answer: the same version and request, the same bytes
   */
  static String etag(String version, HttpRequest request, boolean gzip) {
    String tag = etag((version + "\n" + request.rawPath() + "?" + (request.rawQuery() == null ? "" : request.rawQuery()))
        .getBytes(StandardCharsets.UTF_8));
    return gzip ? gzipVariant(tag) : tag;
  }

  /** @return the ETag of the gzipped body of a representation: a strong validator names one set of bytes */
  static String gzipVariant(String etag) {
    return etag.replaceFirst("\"$", "-gz\"");
  }

  /** @return true if {@code If-None-Match} (null if absent) names {@code etag} or is {@code *} */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(t -> t.equals("*") || t.equals(etag));
  }
}
