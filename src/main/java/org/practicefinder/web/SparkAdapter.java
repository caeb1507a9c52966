package org.practicefinder.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.Request;
import spark.Response;
import spark.RouteImpl;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;
import spark.route.HttpMethod;

/**
 * The only class that knows Spark. It starts Spark on the Jetty server {@link JettyServers} makes and
 * hands every request, whatever its method and path, to {@link Routes#dispatch}, then writes the
 * answer as it is. Spark adds nothing of its own: no static files (the route table serves them),
 * no method override header (the method sent is the method used), no compression. Replacing Spark
 * means replacing this class and the line of {@link ApiServer} that creates it.
 */
final class SparkAdapter {
  private final Service http;
  private final Server jetty;
  private final Routes routes;

  /** @throws IllegalStateException if the server cannot start, e.g. the port is taken */
  SparkAdapter(ServerConfig config, Routes routes) {
    this.routes = routes;
    this.jetty = JettyServers.create(config, routes);
    Object id = new Object(); // Spark keeps server factories in one global registry: this server's own entry
    EmbeddedServers.add(id, new EmbeddedJettyFactory(new JettyServerFactory() {
      @Override
      public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return jetty;
      }

      @Override
      public Server create(ThreadPool threadPool) {
        return jetty;
      }
    }));
    http = Service.ignite();
    http.embeddedServerIdentifier(id);
    AtomicReference<Exception> failure = new AtomicReference<>();
    http.initExceptionHandler(failure::set); // Spark's default would exit the JVM
    // Spark starts the server at the first route. It routes by method: one catch-all route for each,
    // "unsupported" standing for the methods it has no name for (PROPFIND…)
    for (HttpMethod m : HttpMethod.values()) {
      if (m != HttpMethod.before && m != HttpMethod.after && m != HttpMethod.afterafter) {
        http.addRoute(m, RouteImpl.create("*", this::handle));
      }
    }
    http.awaitInitialization();
    if (failure.get() != null) {
      stop();
      throw new IllegalStateException("cannot serve on port " + config.port() + ": " + failure.get().getMessage(), failure.get());
    }
  }

  /** @return the port the server listens on */
  int port() {
    return JettyServers.port(jetty);
  }

  /**
   * Stops accepting, waits for the requests in flight up to the stop timeout, then closes.
   *
   * @return true if every request in flight finished, false if some were cut at the timeout
   */
  boolean stop() {
    boolean clean = true;
    try {
      jetty.stop(); // Jetty's graceful stop; Spark's own would exit the JVM if it timed out
    } catch (Exception e) {
      clean = false;
    }
    http.stop(); // Spark's state only: its server is stopped already
    http.awaitStop();
    return clean;
  }

  private Object handle(Request req, Response res) throws java.io.IOException {
    HttpServletRequest raw = req.raw();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(raw.getHeaderNames())) headers.put(name, new ArrayList<>(Collections.list(raw.getHeaders(name))));
    HttpResponse out = routes.dispatch(new HttpRequest(raw.getMethod(), raw.getRequestURI(), raw.getQueryString(), headers,
        (byte[]) raw.getAttribute(HttpFront.BODY)));
    HttpServletResponse response = res.raw();
    response.setStatus(out.status());
    out.headers().forEach(response::setHeader);
    response.setContentLength(out.body().length);
    response.getOutputStream().write(out.body()); // the server sends none of it for HEAD
    response.flushBuffer(); // committed: Spark adds nothing (no Content-Type of its own, no second gzip)
    return "";
  }
}
