package org.practicefinder.web;

import java.time.Duration;

/**
 * How the server listens and how long it waits.
 *
 * @param host the interface to listen on ({@code 0.0.0.0}: all)
 * @param port 0..65535; 0 picks a free port
 * @param idleTimeout how long a connection may send nothing: waiting for a request's headers, between
 *     their bytes, or idle between requests
 * @param bodyTimeout how long a request body may take to arrive in full
 * @param stopTimeout how long a stop waits for requests in flight before it cuts them
 * @param maxThreads worker threads at most (requests being answered; a stalled body holds none)
 * @param maxQueued requests waiting for a worker at most; beyond it connections are refused
 * @param site which origins may read the API and load the widget, which sites may frame {@code /embed}
 */
public record ServerConfig(String host, int port, Duration idleTimeout, Duration bodyTimeout, Duration stopTimeout,
    int maxThreads, int maxQueued, SiteSettings site) {
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** @throws IllegalArgumentException if the port is not in 0..65535, a duration is not positive or a count is below 1 */
  public ServerConfig {
    if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be between 0 and 65535");
    for (Duration d : new Duration[] {idleTimeout, bodyTimeout, stopTimeout}) {
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxThreads < 8 || maxQueued < 1) throw new IllegalArgumentException("maxThreads must be 8 or more, maxQueued 1 or more");
  }

  /** @return all interfaces, the default timeouts, 64 threads, 1,000 queued requests, {@link SiteSettings#DEFAULTS} */
  public static ServerConfig defaults(int port) {
    return new ServerConfig("0.0.0.0", port, IDLE_TIMEOUT, BODY_TIMEOUT, STOP_TIMEOUT, 64, 1_000, SiteSettings.DEFAULTS);
  }

  public ServerConfig withTimeouts(Duration idle, Duration body, Duration stop) {
    return new ServerConfig(host, port, idle, body, stop, maxThreads, maxQueued, site);
  }

  public ServerConfig withSite(SiteSettings site) {
    return new ServerConfig(host, port, idleTimeout, bodyTimeout, stopTimeout, maxThreads, maxQueued, site);
  }

  /** @return the headers every response carries, from {@link #site} */
  ResponseHeaders headers() {
    return new ResponseHeaders(site);
  }
}
