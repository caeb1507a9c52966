package org.practicefinder.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors (a malformed URI, a request line or headers too large, a path Jetty refuses)
 * as {@code {"error": "..."}} with the headers of every response ({@link ResponseHeaders}), for every
 * method, instead of an HTML page or an empty body; nothing from the request is echoed.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final ResponseHeaders headers;

  JsonErrorHandler(ResponseHeaders headers) {
    this.headers = headers;
  }

  static String message(int status) {
    return switch (status) {
      case 400 -> "bad request: the URL or a header is malformed";
      case 408 -> "the request did not arrive in time";
      case 413 -> "the request body is too large";
      case 414 -> "the URL is longer than " + JettyServers.REQUEST_HEADER_BYTES / 1024 + " KB; POST long text as JSON instead";
      case 431 -> "the request headers are larger than " + JettyServers.REQUEST_HEADER_BYTES / 1024 + " KB";
      default -> HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true; // a JSON body for PUT, OPTIONS and the rest too
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    headers.common(request.getHeader("Origin")).forEach(response::setHeader);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(HttpResponse.JSON);
    response.getOutputStream().write(HttpResponse.errorJson(message(code)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    headers.common(null).forEach(fields::put); // no request to read an Origin from: a listed origin is not echoed
    fields.put("Cache-Control", "no-store");
    fields.put("Content-Type", HttpResponse.JSON);
    return ByteBuffer.wrap(HttpResponse.errorJson(message(status)).getBytes(StandardCharsets.UTF_8));
  }
}
