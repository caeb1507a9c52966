package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of the site can be served: a name the path rules refuse would be a 404 that nothing reports. */
class StaticSiteTest {
  @Test
  void everyFileOfTheSiteHasAPathTheRulesServe() throws IOException {
    Path web = Path.of("web");
    List<String> refused;
    try (Stream<Path> files = Files.walk(web)) {
      refused = files.filter(Files::isRegularFile)
          .map(f -> "/" + web.relativize(f).toString().replace('\\', '/'))
          .filter(p -> p.length() > StaticSite.MAX_PATH_CHARS || !StaticSite.SAFE_PATH.matcher(p).matches())
          .toList();
    }
    assertEquals(List.of(), refused);
    assertTrue(Files.isRegularFile(web.resolve("index.html")));
  }
}
