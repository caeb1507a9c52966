package org.practicefinder.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * In front of the framework's handler: puts {@link ResponseHeaders} on every response, and reads a
 * request body without holding a thread. A body goes only to routes that take one, is refused
 * from its {@code Content-Length} when larger than {@link JsonBody#MAX_BYTES} (413), is read
 * asynchronously as it arrives and stopped at that limit when chunked (413), and must arrive
 * within the body timeout (408) and whole (a malformed chunk size is 400). Only then is the request
 * handed on, with the body in the {@link #BODY} attribute: a client that stalls mid-body costs a
 * connection, never a worker thread.
 * The framework is handed the request without its {@code Accept} header: the route table gives every
 * client the same representation, and a framework that matches routes by {@code Accept} (Spark does)
 * would answer {@code q=0} with a 404 page and an unparsable value with a 500 of its own.
 */
final class HttpFront extends HandlerWrapper {
  /** Request attribute: the body's bytes, read in full. */
  static final String BODY = HttpFront.class.getName() + ".body";

  private static final String ACCEPT = "Accept";

  private final Routes routes;
  private final ResponseHeaders headers;
  private final long bodyTimeoutMillis;

  HttpFront(Routes routes, ResponseHeaders headers, Duration bodyTimeout) {
    this.routes = routes;
    this.headers = headers;
    this.bodyTimeoutMillis = bodyTimeout.toMillis();
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, javax.servlet.ServletException {
    if (request.getDispatcherType() == DispatcherType.REQUEST) {
      headers.common(request.getHeader("Origin")).forEach(response::setHeader);
      String uri = request.getRequestURI();
      if (uri == null || !(uri.startsWith("/") || uri.equals("*"))) { // CONNECT's host:port: no route has it
        baseRequest.setHandled(true);
        reply(response, 400, "the request target must be a path");
        return;
      }
      if (hasBody(request) && request.getHeader("Content-Encoding") == null // JsonBody refuses it unread
          && routes.acceptsBody(request.getMethod(), request.getRequestURI())) {
        if (request.getContentLengthLong() > JsonBody.MAX_BYTES) {
          baseRequest.setHandled(true);
          reply(response, 413, "the request body is larger than " + JsonBody.MAX_BYTES + " bytes");
          return;
        }
        readThenHandle(request);
        return;
      }
    }
    super.handle(target, baseRequest, withoutAccept(request), response);
  }

  private static HttpServletRequest withoutAccept(HttpServletRequest request) {
    if (request.getHeader(ACCEPT) == null) return request;
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
      }

      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !ACCEPT.equalsIgnoreCase(n)).toList());
      }
    };
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** Reads the body as it arrives; when it is all there, dispatches the request again, to the framework. */
  private void readThenHandle(HttpServletRequest request) throws IOException {
    AsyncContext async = request.startAsync();
    async.setTimeout(bodyTimeoutMillis);
    AtomicBoolean done = new AtomicBoolean();
    async.addListener(new AsyncListener() {
      @Override
      public void onTimeout(AsyncEvent event) throws IOException {
        if (done.compareAndSet(false, true)) fail(async, 408, "the request body did not arrive in time");
      }

      @Override
      public void onError(AsyncEvent event) {
        done.set(true);
      }

      @Override
      public void onComplete(AsyncEvent event) {}

      @Override
      public void onStartAsync(AsyncEvent event) {}
    });
    ServletInputStream in = request.getInputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    in.setReadListener(new ReadListener() {
      private final byte[] buffer = new byte[8192];

      @Override
      public void onDataAvailable() throws IOException {
        while (!done.get() && in.isReady()) {
          int n = in.read(buffer);
          if (n < 0) return;
          if (body.size() + n > JsonBody.MAX_BYTES) {
            if (done.compareAndSet(false, true)) fail(async, 413, "the request body is larger than " + JsonBody.MAX_BYTES + " bytes");
            return;
          }
          body.write(buffer, 0, n);
        }
      }

      @Override
      public void onAllDataRead() {
        if (!done.compareAndSet(false, true)) return;
        request.setAttribute(BODY, body.toByteArray());
        async.dispatch();
      }

      @Override
      public void onError(Throwable t) {
        if (!done.compareAndSet(false, true)) return;
        // Jetty ends a body early at a chunk size that is not one, or when the client closed; else the
        // client stalled past the idle timeout. Answer if the connection still can.
        if (t instanceof EofException) {
          fail(async, 400, "the request body is malformed or ended early");
        } else {
          fail(async, 408, "the request body did not arrive in time");
        }
      }
    });
  }

  private static void fail(AsyncContext async, int status, String message) {
    try {
      reply((HttpServletResponse) async.getResponse(), status, message);
    } catch (IOException | IllegalStateException e) {
      // the connection is gone; nothing to tell
    } finally {
      async.complete();
    }
  }

  /** Answers an error and closes the connection: what the client sent is not all read. */
  private static void reply(HttpServletResponse response, int status, String message) throws IOException {
    byte[] json = HttpResponse.errorJson(message).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(HttpResponse.JSON);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Connection", "close");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
