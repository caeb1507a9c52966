package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    for (String taken : List.of("gzip", "GZIP, deflate, br", "gzip;q=0.5, identity", "x-gzip", "*", ";, gzip")) {
      assertTrue(accepted(taken), taken);
    }
    // q=0 means "not acceptable": the first three were sent gzip, as was "nogzip"
    for (String refused : List.of("gzip;q=0", "gzip; q=0.000, identity", "gzip;q=0, *", "*;q=0", "br, *;q=0", "nogzip", "identity", "", ";", ";;;", ";q=1")) {
      assertFalse(accepted(refused), refused);
    }
  }
}
