package org.practicefinder.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.util.Utf8Appendable;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.search.SearchRequest;
import org.practicefinder.search.SearchResult;
import org.practicefinder.taxonomy.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;

/**
 * The HTTP API and the page, on Spark. The only class that knows Spark: routes parse and validate
 * parameters, call the library, and write JSON. Bad input is a 4xx with {@code {"error": ...}};
 * nothing answers with a stack trace. Query text is never logged.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String JSON = "application/json; charset=utf-8";
  /** Room for the longest challenge written entirely as JSON's six-character escapes, and the other fields. */
  private static final int MAX_BODY_CHARS = 6 * Recommender.MAX_CHALLENGE_CHARS + 4_096;
  /** Parameters of search and recommend besides the facet filters. */
  private static final Set<String> LIST_PARAMS = Set.of("q", "page", "size", "lang", "exclude");
  /** Parameters that take one value: given twice, which one was meant is unknown. */
  private static final Set<String> SINGLE_PARAMS = Set.of("q", "page", "size", "lang");
  /** Fields of a POSTed challenge. */
  private static final Set<String> BODY_FIELDS = new java.util.TreeSet<>(Set.of("challenge", "filters", "exclude", "lang", "size"));
  private static final String MALFORMED_URL = "the URL has malformed percent-encoding";

  /** Gson's default HTML escaping writes {@code <}, {@code >} and {@code &} as escapes: no response carries raw markup. */
  private final Gson gson = new Gson();
  private final PracticeLibrary library;
  private final PracticeSearcher searcher;
  private final Recommender recommender;
  private final JsonViews views;
  private final SiteSettings settings;
  private final StaticSite site;
  /** Responses to repeated searches (paging, facet clicks), keyed by their canonical parameters; at most about 20 MB. */
  private final Cache<String, String> responses = Caffeine.newBuilder()
      .maximumWeight(10_000_000).weigher((String key, String value) -> key.length() + value.length())
      .expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Service http;

  /** Starts serving on {@code port} (0 picks a free port; see {@link #port()}) with {@link SiteSettings#DEFAULTS}. */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, int port) {
    this(library, searcher, recommender, port, SiteSettings.DEFAULTS);
  }

  /**
   * Starts serving on {@code port} with the operator's cross-origin {@code settings}.
   *
   * @throws IllegalArgumentException if the port is not in 0..65535
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public ApiServer(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender, int port, SiteSettings settings) {
    this.library = library;
    this.searcher = searcher;
    this.recommender = recommender;
    this.views = new JsonViews(library);
    this.settings = settings;
    this.site = new StaticSite(settings);
    if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be between 0 and 65535");
    EmbeddedServers.add(EmbeddedServers.Identifiers.JETTY, new EmbeddedJettyFactory(new JsonErrorHandler.ServerFactory(settings)));
    this.http = Service.ignite().port(port);
    AtomicReference<Exception> startFailure = new AtomicReference<>();
    http.initExceptionHandler(startFailure::set); // Spark's default would exit the JVM
    routes();
    http.init();
    http.awaitInitialization();
    if (startFailure.get() != null) {
      http.stop();
      throw new IllegalStateException("cannot serve on port " + port + ": " + startFailure.get().getMessage(), startFailure.get());
    }
  }

  /** @return the port the server listens on */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop();
    http.awaitStop();
  }

  private void routes() {
    http.before("/api/*", (req, res) -> {
      res.type(JSON);
      settings.corsHeaders(req.headers("Origin")).forEach(res::header); // public data, no cookies: partner sites may call it
      res.header("Referrer-Policy", "no-referrer");
      res.header("X-Content-Type-Options", "nosniff");
      res.header("Cache-Control", "no-store"); // challenges can be sensitive; keep them out of shared caches
    });
    http.options("/api/*", (req, res) -> {
      res.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.header("Access-Control-Allow-Headers", "Content-Type");
      res.header("Access-Control-Max-Age", "600");
      res.status(204);
      return "";
    });
    http.get("/api/health", (req, res) -> {
      checkParams(req, Set.of());
      JsonObject o = new JsonObject();
      o.addProperty("status", "ok");
      o.addProperty("practices", library.records().size());
      return o.toString();
    });
    http.get("/api/search", (req, res) -> cached("search", req, () -> search(req)));
    http.get("/api/recommend", (req, res) -> recommendGet(req)); // not cached: challenges stay out of memory
    http.post("/api/recommend", (req, res) -> recommendPost(req, res));
    http.get("/api/facets", (req, res) -> {
      checkParams(req, Set.of("lang"));
      Language lang = language(req);
      JsonObject o = new JsonObject();
      o.add("facets", views.facets(searcher.search(new SearchRequest("", Map.of(), 1, 1)).facets(), lang));
      o.add("facetLabels", views.facetLabels(lang));
      return gson.toJson(o);
    });
    http.get("/api/practices", (req, res) -> {
      checkParams(req, Set.of("lang"));
      Language lang = language(req);
      JsonArray list = new JsonArray();
      for (PracticeRecord r : library.records()) list.add(views.summary(r, lang));
      JsonObject o = new JsonObject();
      o.addProperty("total", list.size());
      o.add("practices", list);
      return gson.toJson(o);
    });
    http.get("/api/practices/:id", (req, res) -> {
      checkParams(req, Set.of("lang"));
      return gson.toJson(views.practice(record(req), language(req)));
    });
    http.get("/api/practices/:id/similar", (req, res) -> {
      checkParams(req, Set.of("lang", "size"));
      PracticeRecord r = record(req);
      Language lang = language(req);
      JsonArray results = new JsonArray();
      for (Recommender.Recommendation rec : recommender.similar(r.id(), intParam(req, "size", 5, 1, Recommender.MAX_SIZE), lang)) {
        results.add(views.recommendation(rec, lang));
      }
      JsonObject o = new JsonObject();
      o.add("results", results);
      return gson.toJson(o);
    });
    http.get("/api/*", (req, res) -> {
      throw new NoSuchElementException("no such API endpoint");
    });
    for (String path : List.of("/api/health", "/api/search", "/api/facets", "/api/practices", "/api/practices/:id",
        "/api/practices/:id/similar", "/api/recommend")) {
      String allow = path.equals("/api/recommend") ? "GET, POST, OPTIONS" : "GET, OPTIONS";
      if (!path.equals("/api/recommend")) http.post(path, (req, res) -> methodNotAllowed(res, allow));
      http.put(path, (req, res) -> methodNotAllowed(res, allow));
      http.delete(path, (req, res) -> methodNotAllowed(res, allow));
      http.patch(path, (req, res) -> methodNotAllowed(res, allow));
    }

    // The page, the widget and /embed: after every API route, so "/api/..." never reaches it.
    spark.Route file = (req, res) -> {
      String encodings = req.headers("Accept-Encoding");
      // Spark compresses a response marked Content-Encoding: gzip when the client accepts it.
      StaticSite.Reply reply = site.get(req.pathInfo(), req.headers("If-None-Match"), req.headers("Origin"),
              encodings != null && encodings.toLowerCase(java.util.Locale.ROOT).contains("gzip"))
          .orElseThrow(() -> new NoSuchElementException("not found"));
      res.status(reply.status());
      reply.headers().forEach(res::header);
      return reply.body();
    };
    http.get("*", file);
    http.head("*", file); // Spark would answer HEAD with an empty 200 of the wrong type

    http.exception(IllegalArgumentException.class, (e, req, res) -> error(res, 400, e.getMessage()));
    http.exception(Utf8Appendable.NotUtf8Exception.class, (e, req, res) -> error(res, 400, MALFORMED_URL));
    http.exception(BadMessageException.class, (e, req, res) -> error(res, 400, MALFORMED_URL));
    http.exception(JsonParseException.class, (e, req, res) -> error(res, 400, "request body is not valid JSON"));
    http.exception(NoSuchElementException.class, (e, req, res) -> error(res, 404, e.getMessage()));
    http.exception(UnsupportedMediaType.class, (e, req, res) -> error(res, 415, e.getMessage()));
    // The word caps keep queries within Lucene's clause limit; should text still exceed it, it is the text's fault.
    http.exception(IndexSearcher.TooManyClauses.class, (e, req, res) -> error(res, 400, "the text has too many words"));
    http.exception(Exception.class, (e, req, res) -> {
      // the message may carry request text; the class and where it was thrown are enough to debug
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      LOG.error("request to {} failed: {} at {}", req.pathInfo(), e.getClass().getName(), at);
      error(res, 500, "internal error");
    });
    http.notFound((req, res) -> {
      res.type(JSON);
      return errorJson("not found");
    });
    http.internalServerError((req, res) -> {
      res.type(JSON);
      return errorJson("internal error");
    });
  }

  private Object methodNotAllowed(Response res, String allow) {
    res.status(405);
    res.header("Allow", allow);
    return errorJson("method not allowed");
  }

  private String search(Request req) {
    Language lang = language(req);
    String[] exclude = req.queryParamsValues("exclude");
    SearchRequest sr = new SearchRequest(nullToEmpty(req.queryParams("q")), filters(req, LIST_PARAMS),
        intParam(req, "page", 1, 1, 10_000), intParam(req, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE),
        exclude == null ? Set.of() : Set.copyOf(Arrays.asList(exclude)), lang);
    SearchResult result = searcher.search(sr);
    JsonObject o = new JsonObject();
    o.addProperty("query", sr.query());
    o.addProperty("total", result.total());
    o.addProperty("page", sr.page());
    o.addProperty("size", sr.size());
    JsonArray hits = new JsonArray();
    result.hits().forEach(h -> hits.add(views.searchHit(h, result.concepts(), lang)));
    o.add("hits", hits);
    o.add("facets", views.facets(result.facets(), lang));
    o.add("facetTotals", gson.toJsonTree(result.totals()));
    o.add("facetLabels", views.facetLabels(lang));
    o.add("concepts", views.concepts(result.concepts(), lang));
    result.corrected().ifPresent(c -> o.addProperty("didYouMean", c));
    return gson.toJson(o);
  }

  private String recommendPost(Request req, Response res) {
    String type = req.contentType() == null ? "" : req.contentType().toLowerCase(java.util.Locale.ROOT);
    if (!type.equals("application/json") && !type.startsWith("application/json;")) {
      throw new UnsupportedMediaType("send the challenge as application/json: {\"challenge\": \"...\"}");
    }
    checkParams(req, Set.of("lang", "size"));
    byte[] bytes = req.bodyAsBytes(); // null when the client closed before sending the whole body
    if (bytes == null) throw new IllegalArgumentException("the request body could not be read");
    String raw = new String(bytes, StandardCharsets.UTF_8);
    if (raw.length() > MAX_BODY_CHARS) throw new IllegalArgumentException("request body is larger than " + MAX_BODY_CHARS + " characters");
    JsonElement body;
    try {
      JsonReader reader = new JsonReader(new StringReader(raw));
      reader.setStrictness(Strictness.STRICT);
      body = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("text after the JSON value");
    } catch (IOException e) {
      throw new JsonParseException(e); // reading a String does no I/O; a broken body lands here
    }
    if (!body.isJsonObject()) throw new IllegalArgumentException("request body must be a JSON object");
    JsonObject o = body.getAsJsonObject();
    for (String key : o.keySet()) {
      if (!BODY_FIELDS.contains(key)) throw new IllegalArgumentException("unknown field; known: " + BODY_FIELDS);
      if (req.queryParams(key) != null) throw new IllegalArgumentException(key + " is given both in the URL and in the body");
    }
    requireDistinctKeys(raw);
    JsonElement challenge = o.get("challenge");
    if (challenge == null || !challenge.isJsonPrimitive() || !challenge.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException("\"challenge\" (text) is required");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (o.has("filters")) {
      if (!o.get("filters").isJsonObject()) throw new IllegalArgumentException("\"filters\" must be an object");
      for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("filters").entrySet()) {
        List<String> values = stringList("filter values", e.getValue());
        if (!values.isEmpty()) filters.put(e.getKey(), values); // an empty list filters nothing, as in GET
      }
    }
    List<String> exclude = o.has("exclude") ? stringList("\"exclude\"", o.get("exclude")) : List.of();
    Language lang = o.has("lang") ? language(bodyString(o, "lang")) : language(req);
    int size = o.has("size") ? parseInt("size", bodyString(o, "size"), 1, Recommender.MAX_SIZE) : intParam(req, "size", Recommender.DEFAULT_SIZE, 1, Recommender.MAX_SIZE);
    return recommend(challenge.getAsString(), filters, exclude, lang, size);
  }

  /** @throws IllegalArgumentException if the body object names a field twice (Gson would keep the last silently) */
  private static void requireDistinctKeys(String json) {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      Set<String> seen = new HashSet<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (!seen.add(name)) throw new IllegalArgumentException(name + " is given more than once");
        reader.skipValue();
      }
    } catch (IOException e) {
      throw new JsonParseException(e); // already parsed once: not reached
    }
  }

  private static String bodyString(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (!e.isJsonPrimitive()) throw new IllegalArgumentException("\"" + key + "\" must be a string or number");
    return e.getAsString();
  }

  private static List<String> stringList(String what, JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e.isJsonPrimitive()) out.add(e.getAsString());
    else if (e.isJsonArray()) e.getAsJsonArray().forEach(x -> {
      if (!x.isJsonPrimitive()) throw new IllegalArgumentException(what + " must be strings");
      out.add(x.getAsString());
    });
    else throw new IllegalArgumentException(what + " must be a string or a list of strings");
    return out;
  }

  private String recommendGet(Request req) {
    String[] exclude = req.queryParamsValues("exclude");
    return recommend(req.queryParams("q"), filters(req, LIST_PARAMS), exclude == null ? List.of() : Arrays.asList(exclude),
        language(req), intParam(req, "size", Recommender.DEFAULT_SIZE, 1, Recommender.MAX_SIZE));
  }

  private String recommend(String challenge, Map<String, List<String>> filters, List<String> exclude, Language lang, int size) {
    if (challenge == null || challenge.isBlank()) throw new IllegalArgumentException("q (the challenge) is required");
    Recommender.Result result = recommender.recommend(new Recommender.Request(challenge, filters, size, Set.copyOf(exclude), lang));
    JsonObject o = new JsonObject();
    o.addProperty("challenge", challenge);
    JsonArray results = new JsonArray();
    result.recommendations().forEach(r -> results.add(views.recommendation(r, result.concepts(), lang)));
    o.add("results", results);
    o.add("concepts", views.concepts(result.concepts(), lang));
    result.corrected().ifPresent(c -> o.addProperty("didYouMean", c));
    return gson.toJson(o);
  }

  /**
   * Filters from repeated query parameters named after facet dimensions; empty values are ignored.
   *
   * @throws IllegalArgumentException for a parameter that is neither a filter nor one of {@code allowed}
   */
  private Map<String, List<String>> filters(Request req, Set<String> allowed) {
    Set<String> known = new LinkedHashSet<>(allowed);
    known.addAll(library.dimensions());
    checkParams(req, known);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : library.dimensions()) {
      String[] values = req.queryParamsValues(dim);
      if (values == null) continue;
      Set<String> distinct = new LinkedHashSet<>();
      for (String v : values) {
        if (!v.isBlank()) distinct.add(v.trim());
      }
      if (!distinct.isEmpty()) filters.put(dim, List.copyOf(distinct));
    }
    return filters;
  }

  /**
   * @throws IllegalArgumentException for a parameter not in {@code known}, or a single-valued one
   *     given twice
   */
  private static void checkParams(Request req, Set<String> known) {
    for (String name : req.queryParams()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(known.isEmpty() ? "this endpoint takes no parameters"
            : "unknown parameter; known: " + new java.util.TreeSet<>(known));
      }
      if (SINGLE_PARAMS.contains(name) && req.queryParamsValues(name).length > 1) {
        throw new IllegalArgumentException(name + " is given more than once");
      }
    }
  }

  /** A POST body in a format other than JSON: 415. */
  private static final class UnsupportedMediaType extends RuntimeException {
    UnsupportedMediaType(String message) {
      super(message);
    }
  }

  private PracticeRecord record(Request req) {
    return library.record(req.params("id")).orElseThrow(() -> new NoSuchElementException("no practice with that id"));
  }

  private static Language language(Request req) {
    return language(req.queryParams("lang"));
  }

  private static Language language(String code) {
    if (code == null || code.isBlank()) return Language.EN;
    return Language.fromCode(code).orElseThrow(() -> new IllegalArgumentException("lang must be en, ru or uk"));
  }

  private static int intParam(Request req, String name, int dflt, int min, int max) {
    String v = req.queryParams(name);
    return v == null || v.isBlank() ? dflt : parseInt(name, v, min, max);
  }

  private static int parseInt(String name, String value, int min, int max) {
    if (!value.trim().matches("[0-9]{1,9}")) throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    int n = Integer.parseInt(value.trim());
    if (n < min || n > max) throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    return n;
  }

  private String cached(String kind, Request req, java.util.function.Supplier<String> compute) {
    String key = kind + "?" + canonical(req);
    String hit = responses.getIfPresent(key);
    if (hit != null) return hit;
    String value = compute.get(); // errors propagate and are not cached
    responses.put(key, value);
    return value;
  }

  private static String canonical(Request req) {
    List<String> parts = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(req.queryParams())) {
      for (String v : req.queryParamsValues(name)) parts.add(name + "=" + v);
    }
    return String.join("&", parts);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private void error(Response res, int status, String message) {
    res.status(status);
    res.type(JSON);
    res.body(errorJson(message));
  }

  private String errorJson(String message) {
    JsonObject o = new JsonObject();
    o.addProperty("error", message);
    return gson.toJson(o);
  }
}
