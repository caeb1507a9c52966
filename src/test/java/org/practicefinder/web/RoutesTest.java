package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route table, without a server: 404, 405 and Allow, HEAD, preflights, bodies, errors. */
class RoutesTest {
  private static HttpResponse text(String s) {
    return new HttpResponse(200, Map.of("Content-Type", "text/plain"), s.getBytes(StandardCharsets.UTF_8));
  }

  private static final Routes ROUTES = Routes.builder()
      .api("GET", "/api/items", r -> text("list"))
      .api("POST", "/api/items", r -> text("created"))
      .api("GET", "/api/items/{id}", r -> text("item " + r.pathParam("id")))
      .api("GET", "/api/broken", r -> {
        throw new IllegalStateException("a bug with request text in its message");
      })
      .api("GET", "/api/refused", r -> {
        throw new HttpError(415, "not that");
      })
      .notFound("/api/*", "no such API endpoint")
      .page("/*", r -> text("file " + r.pathParam("*")))
      .build();

  private static HttpResponse call(String method, String path) {
    return ROUTES.dispatch(new HttpRequest(method, path, null, Map.of(), null));
  }

  private static String body(HttpResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void eachPathAnswersItsOwnMethods() {
    assertEquals("list", body(call("GET", "/api/items")));
    assertEquals("created", body(call("POST", "/api/items")));
    assertEquals("item UA-4", body(call("GET", "/api/items/UA-4")));
    assertEquals("item поліція", body(call("GET", "/api/items/%D0%BF%D0%BE%D0%BB%D1%96%D1%86%D1%96%D1%8F")));
    assertEquals("file ", body(call("GET", "/")));
    assertEquals("file js/app.js", body(call("GET", "/js/app.js")));
  }

  @Test
  void otherMethodsAre405WithAllowFromTheTable() {
    for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PROPFIND")) {
      HttpResponse r = call(method, "/api/items");
      assertEquals(405, r.status(), method);
      assertEquals("GET, HEAD, POST, OPTIONS", r.headers().get("Allow"));
      assertEquals("{\"error\":\"method not allowed\"}", body(r));
    }
    assertEquals("GET, HEAD, OPTIONS", call("POST", "/api/items/UA-4").headers().get("Allow"));
  }

  @Test
  void pagesAnswerGetAndHeadOnly() {
    for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PROPFIND")) {
      HttpResponse r = call(method, "/index.html");
      assertEquals(405, r.status(), method);
      assertEquals("GET, HEAD", r.headers().get("Allow"));
    }
    assertEquals("file index.html", body(call("HEAD", "/index.html"))); // the server sends no body for HEAD
  }

  @Test
  void headAnswersWhatGetAnswers() {
    assertEquals(200, call("HEAD", "/api/items").status());
    assertEquals(415, call("HEAD", "/api/refused").status());
    assertEquals(404, call("HEAD", "/api/nothing").status());
  }

  @Test
  void preflightsComeFromTheTable() {
    HttpResponse r = call("OPTIONS", "/api/items");
    assertEquals(204, r.status());
    assertEquals("GET, HEAD, POST, OPTIONS", r.headers().get("Access-Control-Allow-Methods"));
    assertEquals("Content-Type", r.headers().get("Access-Control-Allow-Headers"));
    assertEquals("7200", r.headers().get("Access-Control-Max-Age"));
    HttpResponse star = call("OPTIONS", "*");
    assertEquals(200, star.status());
    assertEquals("GET, HEAD, OPTIONS, POST", star.headers().get("Allow"));
    assertEquals(400, call("GET", "*").status());
  }

  @Test
  void unknownPathsAre404AndMalformedOnes400() {
    assertEquals("{\"error\":\"no such API endpoint\"}", body(call("PUT", "/api/nothing")));
    assertEquals(404, call("GET", "/api").status());
    assertEquals(404, call("GET", "/api/items/").status()); // an empty {id}
    assertEquals("{\"error\":\"" + QueryParams.NOT_UTF8 + "\"}", body(call("GET", "/api/items/%C3")));
    assertEquals("{\"error\":\"" + QueryParams.MALFORMED + "\"}", body(call("GET", "/api/items/%G1")));
    assertEquals(400, call("CONNECT", "example.org:443").status());
  }

  @Test
  void aHandlerBugIsA500ThatSaysNothingOfTheRequest() {
    HttpResponse r = call("GET", "/api/broken");
    assertEquals(500, r.status());
    assertEquals("{\"error\":\"internal error\"}", body(r));
    assertEquals(415, call("GET", "/api/refused").status());
  }

  @Test
  void onlyRoutesThatTakeABodyHaveOneRead() {
    assertTrue(ROUTES.acceptsBody("POST", "/api/items"));
    assertFalse(ROUTES.acceptsBody("GET", "/api/items"));
    assertFalse(ROUTES.acceptsBody("POST", "/api/items/UA-4"));
    assertFalse(ROUTES.acceptsBody("PUT", "/index.html"));
    assertFalse(ROUTES.acceptsBody("POST", "/api/%"));
  }

  @Test
  void aPathIsRoutedOnce() {
    assertThrows(IllegalArgumentException.class, () -> Routes.builder().api("GET", "/a", r -> text("")).api("GET", "/a", r -> text("")));
    assertThrows(IllegalArgumentException.class, () -> Routes.builder().api("HEAD", "/a", r -> text("")));
    assertThrows(IllegalArgumentException.class, () -> Routes.builder().api("GET", "/a", r -> text("")).page("/a", r -> text("")));
  }

  @Test
  void anAnswerMadeWhileTheVersionChangedGetsNoETag() {
    java.util.concurrent.atomic.AtomicInteger version = new java.util.concurrent.atomic.AtomicInteger();
    Routes routes = Routes.builder().version(() -> "v" + version.get())
        .api("GET", "/api/stable", Routes.Caching.SHARED, r -> text("same"))
        .api("GET", "/api/reloading", Routes.Caching.SHARED, r -> {
          version.incrementAndGet(); // a reload swaps the library while this answer is made
          return text("either");
        })
        .build();
    HttpResponse stable = routes.dispatch(new HttpRequest("GET", "/api/stable", "a=1", Map.of(), null));
    assertEquals(HttpCaching.SHARED, stable.headers().get("Cache-Control"));
    String etag = stable.headers().get("ETag");
    HttpResponse notModified = routes.dispatch(new HttpRequest("GET", "/api/stable", "a=1", Map.of("If-None-Match", List.of(etag)), null));
    assertEquals(304, notModified.status());
    version.incrementAndGet(); // a new library: the old ETag no longer matches
    assertEquals(200, routes.dispatch(new HttpRequest("GET", "/api/stable", "a=1", Map.of("If-None-Match", List.of(etag)), null)).status());
    HttpResponse racing = routes.dispatch(new HttpRequest("GET", "/api/reloading", null, Map.of(), null));
    assertEquals(200, racing.status());
    assertEquals("no-cache", racing.headers().get("Cache-Control"));
    assertFalse(racing.headers().containsKey("ETag"));
  }

  @Test
  void sharedRoutesNeedAVersionAndAGet() {
    assertThrows(IllegalStateException.class, () -> Routes.builder().api("GET", "/a", Routes.Caching.SHARED, r -> text("")).build());
    assertThrows(IllegalArgumentException.class, () -> Routes.builder().api("POST", "/a", Routes.Caching.SHARED, r -> text("")));
  }
}
