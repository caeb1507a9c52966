package org.practicefinder.web;

import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;

/**
 * The HTTP API and the page: {@link #routes the route table}, served through {@link SparkAdapter} on
 * the Jetty server of {@link JettyServers}. Bad input is a 4xx with {@code {"error": ...}}; nothing
 * answers with a stack trace; query text is never logged.
 */
public final class ApiServer implements AutoCloseable {
  private final SparkAdapter server;

  /**
   * Starts serving.
   *
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, ServerConfig config) {
    this.server = new SparkAdapter(config, routes(new ApiHandlers(library, searcher, recommender), config.site()));
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

  /** The route table: every path the server answers, with its methods and handlers. */
  static Routes routes(ApiHandlers api, SiteSettings settings) {
    StaticSite site = new StaticSite(settings);
    return Routes.builder(new ResponseHeaders(settings))
        .api("GET", "/api/health", api::health)
        .api("GET", "/api/search", api::search)
        .api("GET", "/api/recommend", api::recommendGet) // challenges in the URL: the page POSTs them
        .api("POST", "/api/recommend", api::recommendPost)
        .api("GET", "/api/facets", api::facets)
        .api("GET", "/api/practices", api::practices)
        .api("GET", "/api/practices.json", api::practicesJson) // open data: the whole library as a file
        .api("GET", "/api/practices.csv", api::practicesCsv)
        .api("GET", "/api/practices/{id}", api::practice)
        .api("GET", "/api/practices/{id}/similar", api::similar)
        .api("GET", "/api/guidance", api::guidance)
        .api("GET", "/api/guidance/{id}", api::guidanceEntry)
        .notFound("/api/*", "no such API endpoint")
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
    return server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
