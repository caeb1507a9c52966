package org.practicefinder.web;

import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the library without a restart: on {@code POST /api/admin/reload} with the operator's token
 * ({@code Authorization: Bearer TOKEN}, compared in constant time), and, when watching, a second
 * after the seeds folder (or a folder in it) stops changing. Either way {@link Generations} rebuilds
 * only if the seeds' fingerprint changed, and seeds that cannot be indexed leave the library as it was.
 */
final class Reloader implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
  /** Editors write a file in several steps, and a copy of many files takes a moment: wait for quiet. */
  private static final long QUIET_MILLIS = 1000;

  private final Generations generations;
  private final byte[] tokenHash;
  private final WatchService watcher;

  /**
   * @param token the reload route's token; null or blank to answer it 404 (a blank one would match a
   *     request without {@code Authorization})
   * @param watched the seeds folder to watch, or null not to watch
   * @throws IOException if the folder cannot be watched
   */
  Reloader(Generations generations, String token, Path watched) throws IOException {
    this.generations = generations;
    this.tokenHash = token == null || token.isBlank() ? null : sha256(token);
    this.watcher = watched == null ? null : watch(watched);
  }

  /** The reload route: 404 without a configured token, 401 without the right one, else reloads. */
  HttpResponse reload(HttpRequest request) {
    if (tokenHash == null) return HttpResponse.error(404, "no such API endpoint");
    String given = request.header("Authorization").filter(a -> a.startsWith("Bearer ")).map(a -> a.substring(7).trim()).orElse("");
    if (!MessageDigest.isEqual(sha256(given), tokenHash)) {
      return HttpResponse.error(401, "a reload needs the operator token (Authorization: Bearer)").with("WWW-Authenticate", "Bearer");
    }
    request.query().allowOnly(java.util.Set.of());
    String before = generations.version();
    try {
      generations.maybeRefreshBlocking();
    } catch (IOException | RuntimeException e) {
      // names the seed file and what is wrong with it, never user text
      throw new HttpError(422, "the seeds cannot be indexed, the library is unchanged: " + e.getMessage());
    }
    JsonObject o = new JsonObject();
    try {
      generations.with(g -> {
        o.addProperty("status", g.version().equals(before) ? "unchanged" : "reloaded");
        o.addProperty("practices", g.library().records().size());
        return null;
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return HttpResponse.json(200, ApiHandlers.GSON.toJson(o));
  }

  private WatchService watch(Path seeds) throws IOException {
    WatchService service = FileSystems.getDefault().newWatchService();
    try (Stream<Path> dirs = Files.walk(seeds)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
    Thread t = new Thread(() -> watchLoop(service), "seeds-watcher");
    t.setDaemon(true);
    t.start();
    return service;
  }

  private void watchLoop(WatchService service) {
    try {
      while (true) {
        var first = service.take();
        first.pollEvents();
        first.reset();
        drain(service);
        LOG.info("the seeds folder changed");
        try {
          generations.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
          LOG.error("cannot index the seeds ({}); serving the library as it was", e.getMessage());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  /** Waits until nothing changed for {@link #QUIET_MILLIS}, resetting every key that fired. */
  private static void drain(WatchService service) throws InterruptedException {
    for (var key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); key != null; key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
      key.pollEvents();
      key.reset();
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) watcher.close();
  }
}
