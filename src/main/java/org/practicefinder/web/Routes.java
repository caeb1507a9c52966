package org.practicefinder.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: every path the server answers, the methods it takes and their handlers; the one
 * place that says which methods a path allows. Everything else follows from it: 404, 405 with
 * {@code Allow}, HEAD (GET's handler; the server sends no body), OPTIONS (a CORS preflight on API
 * routes), {@code OPTIONS *}, which requests may carry a body, the mapping of handler
 * exceptions to JSON errors, and the headers every answer carries ({@link ResponseHeaders}).
 * Framework-neutral: a server adapter hands every request to {@link #dispatch}.
 *
 * <p>Paths: literal segments, {@code {name}} for one segment (percent-decoded, in
 * {@link HttpRequest#pathParam}), and a final {@code *} for any rest, none included. The first
 * path that matches, in the order routes were added, decides.
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  /** Browsers cache a preflight this long (Chromium caps it at two hours). */
  static final String PREFLIGHT_MAX_AGE = "7200";

  /** Answers one route. Exceptions become JSON errors: see {@link #failure}. */
  @FunctionalInterface
  public interface Handler {
    HttpResponse handle(HttpRequest request) throws Exception;
  }

  /** API routes answer JSON and CORS preflights; page routes (files for browsers) answer GET and HEAD only. */
  public enum Kind { API, PAGE }

  private record Resource(String template, List<String> segments, boolean rest, Kind kind,
      Map<String, Handler> handlers, String notFound) {
    Optional<Map<String, String>> match(List<String> path) {
      if (rest ? path.size() < segments.size() : path.size() != segments.size()) return Optional.empty();
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String s = segments.get(i);
        if (s.startsWith("{")) {
          if (path.get(i).isEmpty()) return Optional.empty();
          params.put(s.substring(1, s.length() - 1), path.get(i));
        } else if (!s.equals(path.get(i))) {
          return Optional.empty();
        }
      }
      if (rest) params.put("*", String.join("/", path.subList(segments.size(), path.size())));
      return Optional.of(params);
    }

    /** @return the methods in the order added, HEAD after GET, and OPTIONS on API routes */
    List<String> allowed() {
      Set<String> out = new LinkedHashSet<>();
      handlers.keySet().forEach(m -> {
        out.add(m);
        if (m.equals("GET")) out.add("HEAD");
      });
      if (kind == Kind.API) out.add("OPTIONS");
      return List.copyOf(out);
    }
  }

  private final List<Resource> resources;
  private final ResponseHeaders headers;

  private Routes(List<Resource> resources, ResponseHeaders headers) {
    this.resources = List.copyOf(resources);
    this.headers = headers;
  }

  /** @return a builder whose routes answer with the headers of {@link SiteSettings#DEFAULTS} */
  public static Builder builder() {
    return builder(new ResponseHeaders(SiteSettings.DEFAULTS));
  }

  public static Builder builder(ResponseHeaders headers) {
    return new Builder(headers);
  }

  /** Collects the routes, each path once with all its methods. */
  public static final class Builder {
    private final Map<String, Resource> byTemplate = new LinkedHashMap<>();
    private final ResponseHeaders headers;

    private Builder(ResponseHeaders headers) {
      this.headers = headers;
    }

    /** Adds an API route: JSON, CORS preflights. {@code method} in capitals, e.g. {@code POST}. */
    public Builder api(String method, String path, Handler handler) {
      return add(Kind.API, method, path, handler);
    }

    /** Adds a page route: GET and HEAD only, no preflight. */
    public Builder page(String path, Handler handler) {
      return add(Kind.PAGE, "GET", path, handler);
    }

    /** Adds a path that answers 404 with {@code message} whatever the method, e.g. {@code /api/*} after the API routes. */
    public Builder notFound(String path, String message) {
      if (byTemplate.containsKey(path)) throw new IllegalArgumentException(path + " is routed already");
      Parsed p = parse(path);
      byTemplate.put(path, new Resource(path, p.segments, p.rest, Kind.API, new LinkedHashMap<>(), message));
      return this;
    }

    private Builder add(Kind kind, String method, String path, Handler handler) {
      if (method.equals("HEAD") || method.equals("OPTIONS")) throw new IllegalArgumentException(method + " follows from the table");
      Resource r = byTemplate.get(path);
      if (r == null) {
        Parsed p = parse(path);
        r = new Resource(path, p.segments, p.rest, kind, new LinkedHashMap<>(), "not found");
        byTemplate.put(path, r);
      }
      if (r.kind != kind || r.handlers.containsKey(method)) throw new IllegalArgumentException(method + " " + path + " is routed already");
      r.handlers.put(method, handler);
      return this;
    }

    private record Parsed(List<String> segments, boolean rest) {}

    private static Parsed parse(String template) {
      if (!template.startsWith("/")) throw new IllegalArgumentException("a path starts with /: " + template);
      List<String> segments = new ArrayList<>(List.of(template.substring(1).split("/", -1)));
      boolean rest = segments.get(segments.size() - 1).equals("*");
      if (rest || segments.equals(List.of(""))) segments.remove(segments.size() - 1);
      return new Parsed(List.copyOf(segments), rest);
    }

    public Routes build() {
      return new Routes(byTemplate.values().stream().map(r -> new Resource(r.template, r.segments, r.rest, r.kind,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.handlers)), r.notFound)).toList(), headers);
    }
  }

  /**
   * Answers a request: the handler's response, or a JSON error, with the headers every answer
   * carries. Never throws.
   *
   * @return 400 for a path that is not a path or not UTF-8, 404 where no route matches, 405 with
   *     {@code Allow} for a method the path does not take, 204 for a preflight, or what the handler gives
   */
  public HttpResponse dispatch(HttpRequest request) {
    HttpResponse answer = answer(request);
    return new HttpResponse(answer.status(), headers.with(request.header("Origin").orElse(null), answer.headers()), answer.body());
  }

  private HttpResponse answer(HttpRequest request) {
    String method = request.methodName();
    Resource resource = null;
    try {
      if ("*".equals(request.rawPath())) {
        if (!method.equals("OPTIONS")) throw new IllegalArgumentException("the request target * is for OPTIONS only");
        return optionsForServer();
      }
      Optional<Match> match = match(request.rawPath());
      if (match.isEmpty()) return HttpResponse.error(404, "not found");
      resource = match.get().resource;
      if (resource.handlers.isEmpty()) return HttpResponse.error(404, resource.notFound);
      Handler handler = resource.handlers.get(method.equals("HEAD") ? "GET" : method);
      if (handler != null) return handler.handle(request.withPathParams(match.get().params));
      String allow = String.join(", ", resource.allowed());
      if (method.equals("OPTIONS") && resource.kind == Kind.API) {
        return new HttpResponse(204, Map.of("Allow", allow, "Access-Control-Allow-Methods", allow,
            "Access-Control-Allow-Headers", "Content-Type", "Access-Control-Max-Age", PREFLIGHT_MAX_AGE), new byte[0]);
      }
      return HttpResponse.error(405, "method not allowed").with("Allow", allow);
    } catch (Exception e) {
      return failure(e, resource == null ? "?" : resource.template);
    }
  }

  /** @return true if the route of this method and path takes a request body (a POST, say), so the server should read it */
  public boolean acceptsBody(String method, String rawPath) {
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return false;
    try {
      return match(rawPath).map(m -> m.resource.handlers.containsKey(method)).orElse(false);
    } catch (IllegalArgumentException e) {
      return false; // a malformed path: dispatch says so
    }
  }

  private record Match(Resource resource, Map<String, String> params) {}

  /** @throws IllegalArgumentException if the path is not a path or a segment is not percent-encoded UTF-8 */
  private Optional<Match> match(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) throw new IllegalArgumentException("the request target must be a path");
    List<String> path = new ArrayList<>();
    for (String s : rawPath.substring(1).split("/", -1)) path.add(QueryParams.decode(s, false));
    if (path.equals(List.of(""))) path.clear(); // "/"
    for (Resource r : resources) {
      Optional<Map<String, String>> params = r.match(path);
      if (params.isPresent()) return Optional.of(new Match(r, params.get()));
    }
    return Optional.empty();
  }

  /** {@code OPTIONS *}: the methods some route takes. */
  private HttpResponse optionsForServer() {
    Set<String> all = new java.util.TreeSet<>();
    resources.forEach(r -> all.addAll(r.allowed()));
    com.google.gson.JsonObject o = new com.google.gson.JsonObject();
    o.add("allow", ApiHandlers.GSON.toJsonTree(all));
    return HttpResponse.json(200, ApiHandlers.GSON.toJson(o)).with("Allow", String.join(", ", all));
  }

  /**
   * The one mapping from a handler's exception to a JSON error: {@link HttpError} its status,
   * {@link IllegalArgumentException} 400, {@link NoSuchElementException} 404, Lucene's clause limit
   * 400, anything else 500 (logged with its class and where it was thrown, not its message, which
   * may carry request text).
   */
  static HttpResponse failure(Exception e, String route) {
    if (e instanceof HttpError h) return HttpResponse.error(h.status(), h.getMessage());
    if (e instanceof IllegalArgumentException) return HttpResponse.error(400, e.getMessage());
    if (e instanceof NoSuchElementException) return HttpResponse.error(404, e.getMessage());
    // The word caps keep queries within Lucene's clause limit; should text still exceed it, it is the text's fault.
    if (e instanceof IndexSearcher.TooManyClauses) return HttpResponse.error(400, "the text has too many words");
    StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    LOG.error("request to {} failed: {} at {}", route, e.getClass().getName(), at);
    return HttpResponse.error(500, "internal error");
  }
}
