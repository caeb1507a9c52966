package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.practicefinder.TestLibrary;
import org.practicefinder.embed.Embedder;
import org.practicefinder.embed.FakeEmbeddingModel;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * The server under stalled clients, oversized bodies, repeated work and a stop, on the fixture
 * manual, each test with its own server, short timeouts and an embedding model it watches.
 */
@Timeout(60)
class ServerLimitsTest {
  private static final PracticeLibrary LIBRARY = TestLibrary.fixture();
  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The fake model, counting the texts it embeds and, when {@code gate} is closed, waiting for it. */
  private static final class WatchedModel implements EmbeddingModel {
    final FakeEmbeddingModel fake = new FakeEmbeddingModel();
    final List<String> texts = java.util.Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch gate;
    final CountDownLatch entered = new CountDownLatch(1);

    WatchedModel(CountDownLatch gate) {
      this.gate = gate;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      segments.forEach(s -> texts.add(s.text()));
      entered.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return fake.embedAll(segments);
    }
  }

  private ApiServer server;

  private ApiServer start(WatchedModel model, ServerConfig config) {
    Embedder embedder = new Embedder("fake-bag-of-words", model, "", "", 2);
    ConceptDetector detector = new ConceptDetector(LIBRARY.vocabulary());
    server = new ApiServer(LIBRARY, new PracticeSearcher(LIBRARY, detector), Recommender.create(LIBRARY, detector, embedder), config);
    return server;
  }

  private ApiServer start(WatchedModel model) {
    return start(model, ServerConfig.defaults(0).withTimeouts(IDLE, IDLE, Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postChallenge(String challenge) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": " + ApiHandlers.GSON.toJson(challenge) + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a POST that promises a body of 1,000 bytes, sends 20 of them and stalls. */
  private Socket stalledPost() throws IOException {
    Socket s = new Socket("localhost", server.port());
    s.getOutputStream().write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{\"challenge\": \"poli").getBytes(StandardCharsets.US_ASCII));
    return s;
  }

  @Test
  void stalledClientsHoldNoWorkerAndAreDroppedWithinTheTimeout() throws Exception {
    start(new WatchedModel(new CountDownLatch(0)));
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) stalled.add(stalledPost()); // more than the server has worker threads
      Thread.sleep(300);
      for (int i = 0; i < 5; i++) assertEquals(200, get("/api/health").statusCode()); // would hang if they held workers
      for (Socket s : stalled) {
        s.setSoTimeout((int) IDLE.multipliedBy(4).toMillis());
        RawHttp.Reply r = RawHttp.read(s.getInputStream());
        assertEquals(408, r.status());
        assertEquals("{\"error\":\"the request body did not arrive in time\"}", r.body());
      }
    } finally {
      for (Socket s : stalled) s.close();
    }
  }

  @Test
  void aConnectionThatNeverFinishesItsHeadersIsClosed() throws Exception {
    start(new WatchedModel(new CountDownLatch(0)));
    try (Socket s = new Socket("localhost", server.port())) {
      s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout((int) IDLE.multipliedBy(4).toMillis());
      long t = System.nanoTime();
      InputStream in = s.getInputStream();
      while (in.read() >= 0) {
        // Jetty may answer 408 or just close
      }
      assertTrue(System.nanoTime() - t < IDLE.multipliedBy(3).toNanos());
    }
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedFromItsLength() throws Exception {
    // Idle and body timeouts far longer than the client waits, and not a byte of the body sent: the 413
    // is sent from the headers, not once the first bytes of the body arrive (Jetty waited for them,
    // up to the idle timeout: 10 s by default)
    Duration patient = Duration.ofSeconds(40);
    start(new WatchedModel(new CountDownLatch(0)), ServerConfig.defaults(0).withTimeouts(patient, patient, Duration.ofSeconds(10)));
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      RawHttp.Reply r = RawHttp.read(s.getInputStream()); // no need to send the 100 MB
      assertEquals(413, r.status());
      assertEquals("{\"error\":\"the request body is larger than " + JsonBody.MAX_BYTES + " bytes\"}", r.body());
      assertEquals("close", r.header("connection"));
    }
  }

  @Test
  void aMalformedChunkedBodyIsA400NotATimeout() throws Exception {
    start(new WatchedModel(new CountDownLatch(0)));
    for (String size : List.of("ffffffffffffffff", "-16", "zz")) {
      try (Socket s = new Socket("localhost", server.port())) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{\"challenge\": \"police\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        RawHttp.Reply r = RawHttp.read(s.getInputStream());
        // it was "408 the request body did not arrive in time", at once
        assertEquals(400, r.status(), size);
        assertEquals("{\"error\":\"the request body is malformed or ended early\"}", r.body(), size);
      }
    }
  }

  @Test
  void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
    start(new WatchedModel(new CountDownLatch(0)));
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("2000\r\n" + "a".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      try {
        for (int i = 0; i < 12_800; i++) { // up to 100 MB, if the server kept reading
          out.write(chunk);
          sent += 0x2000;
          if (s.getInputStream().available() > 0) break;
        }
      } catch (IOException e) {
        // the server closed the connection mid-upload: what this test expects
      }
      assertTrue(sent < 10_000_000, "sent " + sent + " bytes before the server stopped reading");
      RawHttp.Reply r = RawHttp.read(s.getInputStream());
      assertEquals(413, r.status());
    }
  }

  @Test
  void identicalConcurrentRecommendationsAreComputedOnce() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    WatchedModel model = new WatchedModel(gate);
    start(model);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) answers.add(pool.submit(() -> postChallenge("Night shifts on the highway feel unsafe")));
      assertTrue(model.entered.await(10, TimeUnit.SECONDS));
      Thread.sleep(500); // the other 19 arrive while the first is computing
      gate.countDown();
      String first = answers.get(0).get().body();
      for (Future<HttpResponse<String>> a : answers) {
        assertEquals(200, a.get().statusCode());
        assertEquals(first, a.get().body());
      }
      assertEquals(1, model.texts.size(), "embedded " + model.texts.size() + " times");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLongChallengeReachesTheModelCutToAParagraph() throws Exception {
    WatchedModel model = new WatchedModel(new CountDownLatch(0));
    start(model);
    String challenge = "Outreach workers cannot reach women who work in saunas at night. ".repeat(70).substring(0, 4000);
    assertEquals(200, postChallenge(challenge).statusCode());
    assertEquals(1, model.texts.size());
    assertTrue(model.texts.get(0).length() <= 1000, "embedded " + model.texts.get(0).length() + " characters");
  }

  @Test
  void aStopFinishesTheRequestsInFlightAndRefusesNewOnes() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    WatchedModel model = new WatchedModel(gate);
    start(model);
    int port = server.port();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String challenge = "Peer educators need training on harm reduction, group " + i;
      inFlight.add(CompletableFuture.supplyAsync(() -> {
        try {
          return postChallenge(challenge);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    assertTrue(model.entered.await(10, TimeUnit.SECONDS));
    Thread.sleep(300); // all four are being answered
    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(server::stop);
    Thread.sleep(500);
    assertFalse(stopped.isDone()); // waiting for the four
    boolean refused;
    try (Socket s = new Socket("localhost", port)) {
      refused = false;
    } catch (ConnectException e) {
      refused = true;
    }
    assertTrue(refused, "a new connection was accepted during the stop");
    gate.countDown();
    for (CompletableFuture<HttpResponse<String>> f : inFlight) {
      HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
      assertTrue(r.body().startsWith("{\"challenge\":\"Peer educators need training"), r.body());
    }
    assertTrue(stopped.get(10, TimeUnit.SECONDS)); // all finished: a clean stop
    server = null;
  }

  @Test
  void aStopCutsWhatOutlastsTheStopTimeout() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    WatchedModel model = new WatchedModel(gate);
    start(model, ServerConfig.defaults(0).withTimeouts(IDLE, IDLE, Duration.ofMillis(500)));
    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return postChallenge("A request that outlasts the stop").statusCode();
      } catch (Exception e) {
        return -1;
      }
    });
    assertTrue(model.entered.await(10, TimeUnit.SECONDS));
    long t = System.nanoTime();
    assertFalse(server.stop());
    assertTrue(System.nanoTime() - t < Duration.ofSeconds(5).toNanos());
    gate.countDown();
    assertEquals(-1, slow.get(10, TimeUnit.SECONDS)); // cut, not answered
    server = null;
  }
}
