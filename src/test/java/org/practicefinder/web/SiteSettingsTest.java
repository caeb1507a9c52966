package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicefinder.TestLibrary;

class SiteSettingsTest {
  private static final SiteSettings PARTNERS = SiteSettings.parse("https://partner.example, http://localhost:8080", "'self' https://partner.example");

  @Test
  void listedOriginsAreEchoedAndOthersGetNothing() {
    assertEquals(Map.of("Access-Control-Allow-Origin", "*"), SiteSettings.DEFAULTS.corsHeaders("https://anyone.example"));
    assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "http://localhost:8080"), PARTNERS.corsHeaders("http://localhost:8080"));
    assertEquals(Map.of("Vary", "Origin"), PARTNERS.corsHeaders("https://other.example"));
    assertEquals(Map.of("Vary", "Origin"), PARTNERS.corsHeaders(null));
  }

  @Test
  void onlyFrameablePagesNameTheConfiguredAncestors() {
    assertTrue(PARTNERS.contentSecurityPolicy(true).endsWith("; frame-ancestors 'self' https://partner.example"));
    assertTrue(PARTNERS.contentSecurityPolicy(false).endsWith("; frame-ancestors 'none'"));
    assertTrue(SiteSettings.DEFAULTS.contentSecurityPolicy(true).endsWith("; frame-ancestors *"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://partner.example/path", "*, https://partner.example", "partner.example", "javascript:alert(1)", " , "})
  void malformedOriginsAreRefused(String origins) {
    assertThrows(IllegalArgumentException.class, () -> SiteSettings.parse(origins, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'self'; script-src *", "https://a.example\nX-Injected: 1", "'unsafe-inline'", "\"*\""})
  void frameAncestorsThatCouldBreakThePolicyAreRefused(String sources) {
    assertThrows(IllegalArgumentException.class, () -> SiteSettings.parse(null, sources));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "https://a.example/\"><script>", "//a.example/", "https://a.example/ x", "data:,hi"})
  void exitUrlsThatAreNotPlainWebAddressesAreRefused(String url) {
    assertThrows(IllegalArgumentException.class, () -> SiteSettings.parse(null, null, url));
  }

  @Test
  void thePageLeavesForTheConfiguredExitUrl() throws Exception {
    assertEquals(SiteSettings.DEFAULT_EXIT_URL, SiteSettings.parse(null, null).exitUrl());
    String exit = "https://weather.example/today?city=kyiv&units=c";
    try (ApiServer server = new ApiServer(TestLibrary.fixture(), null, null, 0, SiteSettings.parse(null, null, exit))) {
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
      String attribute = exit.replace("&", "&amp;");
      assertTrue(page.body().contains("<a id=\"quick-exit\" class=\"quick-exit\" href=\"" + attribute + "\""), page.body());
      assertTrue(page.body().contains("<meta name=\"pf-exit\" content=\"" + attribute + "\">"));
      assertEquals(false, page.body().contains(StaticSite.EXIT_URL));
    }
  }

  @Test
  void aServerWithTheseSettingsAppliesThem() throws Exception {
    try (ApiServer server = new ApiServer(TestLibrary.fixture(), null, null, 0, PARTNERS)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://localhost:" + server.port();
      HttpResponse<String> embed = client.send(HttpRequest.newBuilder(URI.create(base + "/embed")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, embed.statusCode());
      assertTrue(embed.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("frame-ancestors 'self' https://partner.example"));
      for (String origin : List.of("https://partner.example", "https://other.example")) {
        for (String path : List.of("/api/health", "/widget.js", "/api/search?page=0")) {
          HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin).build(),
              HttpResponse.BodyHandlers.ofString());
          assertEquals(origin.equals("https://partner.example") ? List.of(origin) : List.of(),
              res.headers().allValues("Access-Control-Allow-Origin"), origin + " " + path);
          assertTrue(res.headers().firstValue("Vary").orElse("").startsWith("Origin"), path);
        }
      }
    }
  }
}
