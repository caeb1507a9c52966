package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which clients get gzip: those whose Accept-Encoding takes it (RFC 9110, 12.5.3), and only those. */
class CompressionTest {
  private static boolean accepted(String acceptEncoding) {
    return Compression.accepted(new HttpRequest("GET", "/api/practices", null, Map.of("Accept-Encoding", List.of(acceptEncoding)), null));
  }

  @Test
  void gzipIsSentOnlyWhereItIsAcceptable() {
    assertEquals(true, accepted("gzip"));
    assertEquals(true, accepted("GZIP, deflate, br"));
    assertEquals(true, accepted("gzip;q=0.5, identity"));
    assertEquals(true, accepted("x-gzip"));
    assertEquals(true, accepted("*"));
    // q=0 means "not acceptable": these clients were sent gzip
    assertEquals(false, accepted("gzip;q=0"));
    assertEquals(false, accepted("gzip; q=0.000, identity"));
    assertEquals(false, accepted("*;q=0"));
    assertEquals(false, accepted("nogzip"));
    assertEquals(false, accepted("identity"));
    assertEquals(false, accepted("br, *;q=0"));
    assertEquals(false, accepted("gzip;q=0, *"));
    assertEquals(false, accepted(""));
  }
}
