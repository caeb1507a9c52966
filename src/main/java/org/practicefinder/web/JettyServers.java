package org.practicefinder.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty as this project runs it, whatever framework sits on top: a bounded worker pool and queue;
 * one connector with the idle timeout, no {@code Server} version header and request headers up to
 * {@link #REQUEST_HEADER_BYTES}; {@link JsonErrorHandler} for Jetty's own errors; and in front of the
 * framework's handler {@link HttpFront} and a {@link StatisticsHandler}, so that a stop stops
 * accepting, lets the requests in flight finish within the stop timeout, then closes.
 */
final class JettyServers {
  /**
   * The request line and headers together. A GET challenge of 4,000 characters is up to 36,000
   * bytes percent-encoded (9 per character of CJK text, 6 per Cyrillic one), with room for filters.
   */
  static final int REQUEST_HEADER_BYTES = 48 * 1024;

  private JettyServers() {}

  /**
   * @return a server not yet started; the framework sets its handler, which goes behind ours
   */
  static Server create(ServerConfig config, Routes routes) {
    QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), 8, 60_000,
        new BlockingArrayQueue<>(64, 64, config.maxQueued()));
    pool.setName("http");
    Server server = new Server(pool) {
      @Override
      public void setHandler(Handler framework) {
        HttpFront front = new HttpFront(routes, config.headers(), config.bodyTimeout());
        front.setHandler(framework);
        StatisticsHandler inFlight = new StatisticsHandler(); // what a graceful stop waits for
        inFlight.setHandler(front);
        super.setHandler(inFlight);
      }
    };
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
    // Hand a request with a body on at once: HttpFront refuses an oversized one from its headers and reads
    // the rest without holding a thread. Jetty's default waited for the first bytes of the body, up to the
    // idle timeout, before the 413 could be sent.
    http.setDelayDispatchUntilContent(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrorHandler(config.headers()));
    server.setStopTimeout(config.stopTimeout().toMillis());
    return server;
  }

  /** @return the port the server's connector listens on, once started */
  static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
