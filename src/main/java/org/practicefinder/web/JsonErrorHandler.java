package org.practicefinder.web;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Jetty's own errors (a malformed URI, a request line too long, a header too large) as
 * {@code {"error": "<status text>"}} instead of an HTML page; nothing from the request is echoed.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** Creates Jetty servers for Spark the way Spark does, with this error handler. */
  static final class ServerFactory implements JettyServerFactory {
    private final SiteSettings settings;

    ServerFactory(SiteSettings settings) {
      this.settings = settings;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
      return withHandler(maxThreads > 0
          ? new Server(new QueuedThreadPool(maxThreads, minThreads > 0 ? minThreads : 8,
              threadTimeoutMillis > 0 ? threadTimeoutMillis : 60_000))
          : new Server());
    }

    @Override
    public Server create(ThreadPool threadPool) {
      return withHandler(threadPool != null ? new Server(threadPool) : new Server());
    }

    private Server withHandler(Server server) {
      server.setErrorHandler(new JsonErrorHandler(settings));
      return server;
    }
  }

  private final SiteSettings settings;

  JsonErrorHandler(SiteSettings settings) {
    this.settings = settings;
  }

  static String body(int status) {
    JsonObject o = new JsonObject();
    o.addProperty("error", HttpStatus.getMessage(status).toLowerCase(java.util.Locale.ROOT));
    return o.toString();
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json;charset=utf-8");
    settings.corsHeaders(request.getHeader("Origin")).forEach(response::setHeader); // a partner's page can read the error
    response.getWriter().write(body(code));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    settings.corsHeaders(null).forEach(fields::put); // the request could not be read, so only "*" can be granted
    return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
  }
}
