package org.practicefinder.web;

import java.io.IOException;
import java.nio.file.Path;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;

/**
 * The HTTP API and the page: {@link #routes the route table}, served through {@link SparkAdapter} on
 * the Jetty server of {@link JettyServers}. Bad input is a 4xx with {@code {"error": ...}}; nothing
 * answers with a stack trace; query text is never logged.
 */
public final class ApiServer implements AutoCloseable {
  /** Read from the environment (never the command line, where {@code ps} shows it): enables {@code POST /api/admin/reload}. */
  public static final String RELOAD_TOKEN = "RELOAD_TOKEN";

  private final SparkAdapter server;
  private final Reloader reloader;

  /**
   * Starts serving the current generation of {@code generations}, which may be reloaded.
   *
   * @param reloadToken the token of {@code POST /api/admin/reload}, or null or blank: then that route answers 404
   * @param watchedSeeds the seeds folder to watch for changes, or null
   * @throws IOException if the seeds folder cannot be watched
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public ApiServer(Generations generations, ServerConfig config, String reloadToken, Path watchedSeeds) throws IOException {
    this.reloader = new Reloader(generations, reloadToken, watchedSeeds);
    try {
      this.server = new SparkAdapter(config, routes(generations, reloader, config.site()));
    } catch (RuntimeException e) {
      reloader.close();
      throw e;
    }
  }

  /**
   * Starts serving a library that does not change.
   *
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, ServerConfig config) {
    this.reloader = null;
    this.server = new SparkAdapter(config, routes(Generations.fixed(LibraryGeneration.of(library, searcher, recommender)), null,
        config.site()));
  }

  /**
   * Starts serving on {@code port} (0 picks a free port; see {@link #port()}) with the defaults of {@link ServerConfig}.
   *
   * @throws IllegalArgumentException if the port is not in 0..65535
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, int port) {
    this(library, searcher, recommender, ServerConfig.defaults(port));
  }

  /** Starts serving on {@code port} with the operator's cross-origin {@code settings} and the other defaults. */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, int port, SiteSettings settings) {
    this(library, searcher, recommender, ServerConfig.defaults(port).withSite(settings));
  }

  /** An API handler, called with the handlers of the generation the request holds while it runs. */
  @FunctionalInterface
  private interface Api {
    HttpResponse handle(ApiHandlers api, HttpRequest request) throws Exception;
  }

  /**
   * The route table: every path the server answers, with its methods, handlers and caching. Answers
   * that hold no personal text are {@link Routes.Caching#SHARED}: a route added later says so with
   * the same flag. Recommendations (the person's challenge) are not.
   *
   * @param reloader answers the reload route; null: no such route
   */
  static Routes routes(Generations generations, Reloader reloader, SiteSettings settings) {
    StaticSite site = new StaticSite(settings);
    Routes.Builder routes = Routes.builder(new ResponseHeaders(settings)).version(generations::version);
    java.util.function.Function<Api, Routes.Handler> pinned = api -> request -> generations.with(g -> api.handle(g.handlers(), request));
    routes.api("GET", "/api/health", pinned.apply(ApiHandlers::health))
        .api("GET", "/api/search", Routes.Caching.SHARED, pinned.apply(ApiHandlers::search))
        .api("GET", "/api/recommend", pinned.apply(ApiHandlers::recommendGet)) // challenges in the URL: the page POSTs them
        .api("POST", "/api/recommend", pinned.apply(ApiHandlers::recommendPost))
        .api("GET", "/api/facets", Routes.Caching.SHARED, pinned.apply(ApiHandlers::facets))
        .api("GET", "/api/practices", Routes.Caching.SHARED, pinned.apply(ApiHandlers::practices))
        .api("GET", "/api/practices.json", Routes.Caching.SHARED, pinned.apply(ApiHandlers::practicesJson)) // open data: the whole library
        .api("GET", "/api/practices.csv", Routes.Caching.SHARED, pinned.apply(ApiHandlers::practicesCsv))
        .api("GET", "/api/practices/{id}", Routes.Caching.SHARED, pinned.apply(ApiHandlers::practice))
        .api("GET", "/api/practices/{id}/similar", Routes.Caching.SHARED, pinned.apply(ApiHandlers::similar))
        .api("GET", "/api/guidance", Routes.Caching.SHARED, pinned.apply(ApiHandlers::guidance))
        .api("GET", "/api/guidance/{id}", Routes.Caching.SHARED, pinned.apply(ApiHandlers::guidanceEntry));
    if (reloader != null) routes.api("POST", "/api/admin/reload", reloader::reload);
    return routes.notFound("/api/*", "no such API endpoint")
        .page("/*", site::serve) // the page, the widget and /embed
        .build();
  }

  /** @return the port the server listens on */
  public int port() {
    return server.port();
  }

  /**
   * Stops accepting connections, lets the requests in flight finish within the stop timeout, then closes.
   *
   * @return true if all of them finished, false if some were cut at the timeout
   */
  public boolean stop() {
    if (reloader != null) {
      try {
        reloader.close();
      } catch (IOException e) {
        // the watcher's thread is a daemon; nothing else to release
      }
    }
    return server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
