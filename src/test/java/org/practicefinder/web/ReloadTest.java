package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicefinder.TestLibrary;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.PracticeLibrary;

/**
 * Reloading without a restart, on a copy of the fixture manual (eight practices) with the fake
 * model: a practice added to the seeds is served after a reload, while 16 clients asking all the
 * time get no error and no answer that mixes the two libraries.
 */
class ReloadTest {
  private static final String TOKEN = "a-long-random-operator-token";
  /** A ninth practice; "tram" is in no practice of the fixture. */
  private static final String ADDED = """
      [{"id": "MD-night-tram-chisinau", "title": "Night tram outreach", "organisation": "Probe Tram", "country": "Moldova",
        "sections": {"challenge": "Sex workers on the night tram had no one to turn to.",
                     "action": "Peers ride the night tram with condoms and leaflets."}}]""";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path tmp;

  private record Served(Generations generations, ApiServer server) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      server.close();
      generations.close();
    }
  }

  private Served serve(Path seeds, boolean watch) throws IOException {
    Files.createDirectories(seeds);
    Files.copy(TestLibrary.FIXTURE_SEEDS.resolve("manual.txt"), seeds.resolve("manual.txt"));
    Path index = tmp.resolve("index");
    Embedder embedder = TestLibrary.fixtureEmbedder();
    Generations generations = Generations.reloading(LibraryGeneration.owning(PracticeLibrary.open(seeds, index, embedder), embedder),
        seeds, index, embedder);
    return new Served(generations, new ApiServer(generations, ServerConfig.defaults(0), TOKEN, watch ? seeds : null));
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> reload(int port, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/reload"))
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * @return the number of practices the answer is of (8 before the reload, 9 after), after checking
   *     that every part of it is of that same library
   */
  private static int practicesIn(String path, JsonObject o) {
    if (path.startsWith("/api/health")) return o.get("practices").getAsInt();
    if (path.startsWith("/api/practices")) {
      assertEquals(o.get("total").getAsInt(), o.getAsJsonArray("practices").size(), path);
      return o.get("total").getAsInt();
    }
    JsonArray hits = o.getAsJsonArray("hits");
    int total = o.get("total").getAsInt();
    assertEquals(total, hits.size(), path);
    int countries = 0;
    for (JsonElement c : o.getAsJsonObject("facets").getAsJsonArray("country")) countries += c.getAsJsonObject().get("count").getAsInt();
    assertEquals(total, countries, path); // one country per practice
    if (path.contains("tram")) return total == 1 ? 9 : 8; // only the added practice has the word
    return total;
  }

  @Test
  void sixteenClientsDuringAReloadGetNoErrorAndNoMixedAnswer() throws Exception {
    Path seeds = tmp.resolve("seeds");
    try (Served s = serve(seeds, false)) {
      int port = s.server().port();
      List<String> paths = List.of("/api/practices", "/api/search?q=&size=100", "/api/search?q=tram&size=100", "/api/health",
          "/api/search?q=&size=100&lang=uk");
      Map<String, String> bodyByTag = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answers = new AtomicInteger();
      AtomicInteger afterReload = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(16);
      List<Future<Void>> running = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          int seen = 8;
          for (int i = client; !stop.get(); i++) {
            String path = paths.get(i % paths.size());
            HttpResponse<String> r = get(port, path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            int n = practicesIn(path, JsonParser.parseString(r.body()).getAsJsonObject());
            assertTrue(n == 8 || n == 9, path + " " + n);
            assertTrue(n >= seen, "an answer of the old library after one of the new: " + path);
            seen = n;
            if (n == 9) afterReload.incrementAndGet();
            r.headers().firstValue("ETag").ifPresent(tag -> {
              String before = bodyByTag.putIfAbsent(path + " " + tag, r.body());
              assertEquals(before == null ? r.body() : before, r.body(), "one ETag, two bodies: " + path);
            });
            answers.incrementAndGet();
          }
          return null;
        }));
      }
      Thread.sleep(300);
      Files.writeString(seeds.resolve("added.json"), ADDED);
      HttpResponse<String> reloaded = reload(port, TOKEN);
      assertEquals(200, reloaded.statusCode(), reloaded.body());
      assertEquals("{\"status\":\"reloaded\",\"practices\":9}", reloaded.body());
      while (afterReload.get() < 200) Thread.sleep(20);
      stop.set(true);
      for (Future<Void> f : running) f.get(); // rethrows a client's failed assertion
      clients.shutdown();
      assertTrue(answers.get() > 400, answers.get() + " answers");
      assertEquals("{\"status\":\"unchanged\",\"practices\":9}", reload(port, TOKEN).body());
      Set<String> tags = new java.util.HashSet<>();
      bodyByTag.keySet().stream().filter(k -> k.startsWith("/api/practices ")).forEach(tags::add);
      assertEquals(2, tags.size(), "the list has one ETag per library: " + tags);
    }
  }

  @Test
  void theReloadRouteNeedsTheToken() throws Exception {
    try (Served s = serve(tmp.resolve("seeds"), false)) {
      int port = s.server().port();
      HttpResponse<String> none = reload(port, null);
      assertEquals(401, none.statusCode());
      assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
      assertEquals(401, reload(port, TOKEN + "x").statusCode());
      assertEquals(401, reload(port, "").statusCode());
      assertEquals(200, reload(port, TOKEN).statusCode());
    }
  }

  @Test
  void withoutATokenThereIsNoReloadRoute() throws Exception {
    PracticeLibrary library = TestLibrary.fixture();
    // a blank token (RELOAD_TOKEN= in an env file) is no token: it matched a request without Authorization
    for (String token : java.util.Arrays.asList(null, "", " ")) {
      try (ApiServer server = new ApiServer(Generations.fixed(LibraryGeneration.of(library, null, null)), ServerConfig.defaults(0), token,
          null)) {
        for (String given : java.util.Arrays.asList(TOKEN, null, "")) {
          HttpResponse<String> r = reload(server.port(), given);
          assertEquals(404, r.statusCode(), "token [" + token + "], given [" + given + "]");
          assertEquals("{\"error\":\"no such API endpoint\"}", r.body());
        }
      }
    }
  }

  @Test
  void badSeedsLeaveTheLibraryAsItWas() throws Exception {
    Path seeds = tmp.resolve("seeds");
    try (Served s = serve(seeds, false)) {
      int port = s.server().port();
      Files.writeString(seeds.resolve("manual.txt"), "not the manual\n");
      HttpResponse<String> r = reload(port, TOKEN);
      assertEquals(422, r.statusCode(), r.body());
      assertTrue(r.body().startsWith("{\"error\":\"the seeds cannot be indexed, the library is unchanged: "), r.body());
      assertEquals(8, JsonParser.parseString(get(port, "/api/health").body()).getAsJsonObject().get("practices").getAsInt());
      assertEquals(8, JsonParser.parseString(get(port, "/api/practices").body()).getAsJsonObject().get("total").getAsInt());
    }
  }

  @Test
  void aChangeToTheSeedsFolderReloadsByItself() throws Exception {
    Path seeds = tmp.resolve("seeds");
    try (Served s = serve(seeds, true)) {
      int port = s.server().port();
      String before = get(port, "/api/practices").headers().firstValue("ETag").orElseThrow();
      Files.writeString(seeds.resolve("added.json"), ADDED);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int n = 8;
      while (n == 8 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        n = JsonParser.parseString(get(port, "/api/health").body()).getAsJsonObject().get("practices").getAsInt();
      }
      assertEquals(9, n);
      HttpResponse<String> after = get(port, "/api/practices");
      assertTrue(after.body().contains("MD-night-tram-chisinau"));
      assertTrue(!before.equals(after.headers().firstValue("ETag").orElseThrow()), "the ETag follows the library");
    }
  }
}
