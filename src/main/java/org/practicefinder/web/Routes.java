package org.practicefinder.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: every path the server answers, the methods it takes and their handlers; the one
 * place that says which methods a path allows. Everything else follows from it: 404, 405 with
 * {@code Allow}, HEAD (GET's handler; the server sends no body), OPTIONS (a CORS preflight on API
 * routes), {@code OPTIONS *}, which requests may carry a body, the mapping of handler
 * exceptions to JSON errors, the headers every answer carries ({@link ResponseHeaders}), HTTP caching
 * ({@link Caching}: one flag on a route) and gzip ({@link Compression}). Framework-neutral: a server
 * adapter hands every request to {@link #dispatch}.
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

  /** Who may keep a GET route's answers. */
  public enum Caching {
    /** Nobody: {@code Cache-Control: no-store}, what the handler's JSON says (the default; recommend). */
    NONE,
    /**
     * Answers that hold no personal text and are the same for everyone (search, facets, practices):
     * {@link HttpCaching#SHARED} (a lifetime and {@code stale-while-revalidate}) and a strong ETag made
     * from the library's version and the request, so that {@code If-None-Match} is answered 304
     * without running the handler. An answer made while the library changed gets neither.
     */
    SHARED
  }

  private record Resource(String template, List<String> segments, boolean rest, Kind kind,
      Map<String, Handler> handlers, String notFound, boolean shared) {
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
  private final Supplier<String> version;

  private Routes(List<Resource> resources, ResponseHeaders headers, Supplier<String> version) {
    this.resources = List.copyOf(resources);
    this.headers = headers;
    this.version = version;
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
    private Supplier<String> version;

    private Builder(ResponseHeaders headers) {
      this.headers = headers;
    }

    /** Adds an API route: JSON, CORS preflights, not cached. {@code method} in capitals, e.g. {@code POST}. */
    public Builder api(String method, String path, Handler handler) {
      return api(method, path, Caching.NONE, handler);
    }

    /** Adds an API route whose answers {@code caching} says who may keep; only GET answers can be {@link Caching#SHARED}. */
    public Builder api(String method, String path, Caching caching, Handler handler) {
      if (caching == Caching.SHARED && !method.equals("GET")) throw new IllegalArgumentException("only GET answers are shared");
      add(Kind.API, method, path, handler);
      if (caching == Caching.SHARED) {
        Resource r = byTemplate.get(path);
        byTemplate.put(path, new Resource(r.template, r.segments, r.rest, r.kind, r.handlers, r.notFound, true));
      }
      return this;
    }

    /**
     * @param version the version of what {@link Caching#SHARED} answers are made from (the build and the
     *     library), asked before and after each such answer; needed when a route is shared
     */
    public Builder version(Supplier<String> version) {
      this.version = version;
      return this;
    }

    /** Adds a page route: GET and HEAD only, no preflight. */
    public Builder page(String path, Handler handler) {
      return add(Kind.PAGE, "GET", path, handler);
    }

    /** Adds a path that answers 404 with {@code message} whatever the method, e.g. {@code /api/*} after the API routes. */
    public Builder notFound(String path, String message) {
      if (byTemplate.containsKey(path)) throw new IllegalArgumentException(path + " is routed already");
      Parsed p = parse(path);
      byTemplate.put(path, new Resource(path, p.segments, p.rest, Kind.API, new LinkedHashMap<>(), message, false));
      return this;
    }

    private Builder add(Kind kind, String method, String path, Handler handler) {
      if (method.equals("HEAD") || method.equals("OPTIONS")) throw new IllegalArgumentException(method + " follows from the table");
      Resource r = byTemplate.get(path);
      if (r == null) {
        Parsed p = parse(path);
        r = new Resource(path, p.segments, p.rest, kind, new LinkedHashMap<>(), "not found", false);
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

    /** @throws IllegalStateException if a route is shared and no {@link #version} was given */
    public Routes build() {
      if (version == null && byTemplate.values().stream().anyMatch(Resource::shared)) {
        throw new IllegalStateException("shared routes need the version their answers are made from");
      }
      return new Routes(byTemplate.values().stream().map(r -> new Resource(r.template, r.segments, r.rest, r.kind,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.handlers)), r.notFound, r.shared)).toList(), headers, version);
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
    HttpResponse answer = Compression.apply(request, answer(request));
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
      boolean get = method.equals("GET") || method.equals("HEAD");
      Handler handler = resource.handlers.get(get ? "GET" : method);
      if (handler != null && get && resource.shared) return shared(handler, request.withPathParams(match.get().params));
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

  /**
   * A {@link Caching#SHARED} answer: 304 when {@code If-None-Match} names the ETag of the current
   * version and this request; else the handler's answer, with that ETag and a lifetime when it is a
   * 200 and the version did not change while it was made (then the answer could be of either version).
   */
  private HttpResponse shared(Handler handler, HttpRequest request) throws Exception {
    String before = version.get();
    String etag = HttpCaching.etag(before, request, Compression.accepted(request));
    String ifNoneMatch = request.header("If-None-Match").orElse(null);
    HttpResponse notModified = new HttpResponse(304, Map.of("ETag", etag, "Cache-Control", HttpCaching.SHARED, "Vary", "Accept-Encoding"),
        new byte[0]);
    // "*" asks whether the resource exists, which only the handler knows
    if (ifNoneMatch != null && !ifNoneMatch.contains("*") && HttpCaching.matches(ifNoneMatch, etag)) return notModified;
    HttpResponse answer = handler.handle(request);
    if (answer.status() != 200) return answer;
    if (!before.equals(version.get())) return answer.with("Cache-Control", "no-cache");
    if (HttpCaching.matches(ifNoneMatch, etag)) return notModified;
    return answer.with("Cache-Control", HttpCaching.SHARED).with("ETag", etag).withVary("Accept-Encoding");
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
