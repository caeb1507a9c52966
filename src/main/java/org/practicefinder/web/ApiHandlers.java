package org.practicefinder.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Guidance;
import org.practicefinder.opendata.PracticeCsv;
import org.practicefinder.opendata.PracticeJson;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.GuidanceSearcher;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.search.SearchRequest;
import org.practicefinder.search.SearchResult;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * The API's handlers, framework-neutral: each reads its parameters strictly ({@link QueryParams},
 * {@link JsonBody}), calls the library and answers JSON. Bad input throws (see
 * {@link Routes#failure}); nothing here knows the server. Query text is never logged.
 */
final class ApiHandlers {
  /** Gson's default HTML escaping writes {@code <}, {@code >} and {@code &} as escapes: no response carries raw markup. */
  static final Gson GSON = new Gson();
  /** Parameters of search besides the facet filters. */
  private static final Set<String> SEARCH_PARAMS = Set.of("q", "page", "size", "lang", "exclude", "spell");
  /** Parameters of recommend besides the facet filters: no {@code page}, as recommendations are one list of {@code size}. */
  private static final Set<String> RECOMMEND_PARAMS = Set.of("q", "size", "lang", "exclude", "spell");
  /** Guidance hits listed beside a search's practices; all of them are at {@code /api/guidance?q=}. */
  static final int GUIDANCE_IN_SEARCH = 3;
  /** The kinds of guidance entry, as {@code kind=} takes them. */
  private static final List<String> KINDS = java.util.Arrays.stream(Guidance.Kind.values()).map(Guidance.Kind::id).toList();
  /** Fields of a POSTed challenge. */
  private static final Set<String> BODY_FIELDS = new TreeSet<>(Set.of("challenge", "filters", "exclude", "lang", "size", "spell"));

  private final PracticeLibrary library;
  private final PracticeSearcher searcher;
  /** Made in the background at start-up (a second of word alignment): the first recommendation waits for it. */
  private final java.util.function.Supplier<Recommender> recommender;
  private final JsonViews views;
  private final SearchJson searchJson;
  private final GuidanceSearcher guidanceSearcher;

  /** A search's response key: the parsed request itself, so two different requests never share one. */
  private record SearchKey(SearchRequest request, Language lang) {}

  /** Responses to repeated searches (paging, facet clicks); at most about 10 MB. */
  private final Cache<SearchKey, byte[]> searches = Caffeine.newBuilder()
      .maximumWeight(10_000_000).weigher((SearchKey key, byte[] value) -> weight(key.request(), value))
      .expireAfterWrite(Duration.ofMinutes(10)).build();

  /**
   * @return the bytes a cached search holds, about: its JSON and every text of its key at two bytes a
   *     character (exclusions are any text, up to the URL's limit)
   */
  static int weight(SearchRequest request, byte[] json) {
    long chars = request.query().length();
    for (String id : request.excludedConcepts()) chars += id.length();
    for (List<String> values : request.filters().values()) {
      for (String v : values) chars += v.length();
    }
    return (int) Math.min(Integer.MAX_VALUE, 2 * chars + json.length);
  }
  /**
   * A recommendation kept in memory without the challenge's text: its corrected spelling (the whole
   * challenge) is left out and made again when asked for.
   *
   * @param corrected whether the challenge had words to correct
   */
  private record Remembered(Recommender.Result result, boolean corrected) {
    Remembered(Recommender.Result made) {
      this(new Recommender.Result(made.recommendations(), made.concepts(), Optional.empty(), made.guidance()), made.corrected().isPresent());
    }
  }

  /**
   * Recommendations of the last ten minutes, by a SHA-256 of the normalised request: identical
   * requests arriving together are computed once (the others wait for it), and a challenge asked
   * again within minutes (a partner's preset, a common short question) is answered from memory. The
   * challenge's text is kept neither in the key nor in the value: a result holds practices, scores,
   * practice sentences and the challenge's words that name vocabulary topics, which its reasons quote. Ten
   * minutes covers a visitor's session and a preset's burst; longer would keep more of what people
   * asked about for little gain (1,000 results, about 10 MB at most).
   */
  private final Cache<String, Remembered> recommendations = Caffeine.newBuilder()
      .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  ApiHandlers(PracticeLibrary library, PracticeSearcher searcher, Recommender recommender) {
    this(library, searcher, () -> recommender);
  }

  ApiHandlers(PracticeLibrary library, PracticeSearcher searcher, java.util.function.Supplier<Recommender> recommender) {
    this.library = library;
    this.searcher = searcher;
    this.recommender = recommender;
    this.views = new JsonViews(library);
    this.searchJson = new SearchJson(library, views);
    this.guidanceSearcher = new GuidanceSearcher(library.guidance(), new ConceptDetector(library.vocabulary()));
  }

  HttpResponse health(HttpRequest request) {
    request.query().allowOnly(Set.of());
    JsonObject o = new JsonObject();
    o.addProperty("status", "ok");
    o.addProperty("practices", library.records().size());
    return ok(o);
  }

  HttpResponse search(HttpRequest request) {
    QueryParams q = request.query();
    Language lang = language(q.single("lang").orElse(null));
    SearchRequest sr = new SearchRequest(q.single("q").orElse(""), filters(q, SEARCH_PARAMS), q.number("page", 1, 1, 10_000),
        q.number("size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE), Set.copyOf(q.all("exclude")), lang,
        spelling(q.single("spell").orElse(null)));
    // kept as bytes, UTF-8 already: encoding 27 KB of JSON again took most of the time of a repeated search
    byte[] json = searches.get(new SearchKey(sr, lang), key -> searchJson(sr, lang).getBytes(StandardCharsets.UTF_8)); // errors are not cached
    return HttpResponse.json(200, json);
  }

  private String searchJson(SearchRequest sr, Language lang) {
    SearchResult result = searcher.search(sr);
    // the words the practices were searched for, spelling corrected
    String words = result.corrected().orElse(sr.query());
    String guidance = GSON.toJson(guidanceHits(guidanceSearcher.search(words, Optional.empty(), GUIDANCE_IN_SEARCH, lang), lang));
    return searchJson.search(sr.query(), sr.page(), sr.size(), result, guidance, lang);
  }

  /**
   * The manual's guidance: every entry, or those of one {@code kind}; with {@code q}, those that
   * match it, best first ({@link GuidanceSearcher}).
   */
  HttpResponse guidance(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("kind", "lang", "q"));
    Language lang = language(q.single("lang").orElse(null));
    Optional<Guidance.Kind> kind = q.single("kind").filter(k -> !k.isBlank()).map(k -> Guidance.Kind.fromId(k)
        .orElseThrow(() -> new IllegalArgumentException("unknown kind; known: " + KINDS)));
    String text = q.single("q").orElse("");
    if (!text.isBlank()) {
      return ok(guidanceHits(guidanceSearcher.search(text, kind, library.guidance().entries().size(), lang), lang));
    }
    JsonArray entries = new JsonArray();
    for (Guidance g : kind.map(library.guidance()::ofKind).orElse(library.guidance().entries())) entries.add(views.guidance(g, lang));
    JsonObject o = new JsonObject();
    o.addProperty("total", entries.size());
    o.add("guidance", entries);
    return ok(o);
  }

  HttpResponse guidanceEntry(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang"));
    Language lang = language(q.single("lang").orElse(null));
    Guidance g = library.guidance().entry(request.pathParam("id"))
        .orElseThrow(() -> new NoSuchElementException("no guidance entry with that id"));
    return ok(views.guidance(g, lang));
  }

  private JsonObject guidanceHits(GuidanceSearcher.Result result, Language lang) {
    JsonObject o = new JsonObject();
    o.addProperty("total", result.total());
    JsonArray hits = new JsonArray();
    result.hits().forEach(h -> hits.add(views.guidanceHit(h, lang)));
    o.add("hits", hits);
    return o;
  }

  /** Every practice in the data format of {@code practice.schema.json}, as a file to save. */
  HttpResponse practicesJson(HttpRequest request) {
    request.query().allowOnly(Set.of());
    return download(PracticeJson.write(library.records()), HttpResponse.JSON, "practices.json");
  }

  /** Every practice, one CSV row each ({@link PracticeCsv}), as a file to save. */
  HttpResponse practicesCsv(HttpRequest request) throws IOException {
    request.query().allowOnly(Set.of());
    StringBuilder csv = new StringBuilder();
    // country and places have their own columns; the year is a facet of its own
    List<String> facets = library.dimensions().stream().filter(d -> !d.equals(Fields.COUNTRY) && !d.equals(Fields.LOCATION)).toList();
    new PracticeCsv(facets).write(library.records(), csv);
    return download(csv.toString(), "text/csv; charset=utf-8", "practices.csv");
  }

  /** @return the text as an attachment with a neutral file name, whatever was searched */
  private static HttpResponse download(String text, String contentType, String fileName) {
    return new HttpResponse(200, Map.of("Content-Type", contentType, "Cache-Control", "no-store",
        "Content-Disposition", "attachment; filename=\"" + fileName + "\""), text.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse facets(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang"));
    Language lang = language(q.single("lang").orElse(null));
    return HttpResponse.json(200, searchJson.facets(searcher.search(new SearchRequest("", Map.of(), 1, 1)).facets(), lang));
  }

  HttpResponse practices(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang"));
    Language lang = language(q.single("lang").orElse(null));
    JsonArray list = new JsonArray();
    for (PracticeRecord r : library.records()) list.add(views.summary(r, lang));
    JsonObject o = new JsonObject();
    o.addProperty("total", list.size());
    o.add("practices", list);
    return ok(o);
  }

  HttpResponse practice(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang"));
    return ok(views.practice(record(request), language(q.single("lang").orElse(null))));
  }

  HttpResponse similar(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang", "size"));
    PracticeRecord r = record(request);
    Language lang = language(q.single("lang").orElse(null));
    JsonArray results = new JsonArray();
    for (Recommender.Recommendation rec : recommender.get().similar(r.id(), q.number("size", 5, 1, Recommender.MAX_SIZE), lang)) {
      results.add(views.recommendation(rec, lang));
    }
    JsonObject o = new JsonObject();
    o.add("results", results);
    return ok(o);
  }

  HttpResponse recommendGet(HttpRequest request) {
    QueryParams q = request.query();
    String challenge = q.single("q").orElse("");
    if (challenge.isBlank()) throw new IllegalArgumentException("q (the challenge) is required");
    return recommend(new Recommender.Request(challenge, filters(q, RECOMMEND_PARAMS), q.number("size", Recommender.DEFAULT_SIZE, 1, Recommender.MAX_SIZE),
        Set.copyOf(q.all("exclude")), language(q.single("lang").orElse(null)), spelling(q.single("spell").orElse(null))));
  }

  HttpResponse recommendPost(HttpRequest request) {
    QueryParams q = request.query();
    q.allowOnly(Set.of("lang", "size"));
    JsonObject o = JsonBody.read(request);
    for (String key : o.keySet()) {
      if (!BODY_FIELDS.contains(key)) throw new IllegalArgumentException("unknown field; known: " + BODY_FIELDS);
      if (!q.all(key).isEmpty()) throw new IllegalArgumentException(key + " is given both in the URL and in the body");
    }
    JsonElement challenge = o.get("challenge");
    if (challenge == null || !challenge.isJsonPrimitive() || !challenge.getAsJsonPrimitive().isString()
        || challenge.getAsString().isBlank()) {
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
    Language lang = language(o.has("lang") ? bodyString(o, "lang") : q.single("lang").orElse(null));
    int size = o.has("size") ? QueryParams.parseNumber("size", bodyString(o, "size"), 1, Recommender.MAX_SIZE)
        : q.number("size", Recommender.DEFAULT_SIZE, 1, Recommender.MAX_SIZE);
    boolean spelling = spelling(o.has("spell") ? bodyString(o, "spell") : null);
    return recommend(new Recommender.Request(challenge.getAsString(), filters, size, Set.copyOf(exclude), lang, spelling));
  }

  private HttpResponse recommend(Recommender.Request request) {
    Language lang = request.language();
    Recommender.Result[] made = new Recommender.Result[1];
    Remembered remembered = recommendations.get(key(request), k -> {
      made[0] = recommender.get().recommend(request);
      return new Remembered(made[0]);
    });
    Recommender.Result result = made[0] != null ? made[0] : remembered.result();
    Optional<String> corrected = made[0] != null ? made[0].corrected()
        : remembered.corrected() ? recommender.get().corrected(request.challenge()) : Optional.empty();
    JsonObject o = new JsonObject();
    o.addProperty("challenge", request.challenge());
    JsonArray results = new JsonArray();
    result.recommendations().forEach(r -> results.add(views.recommendation(r, result.concepts(), lang)));
    o.add("results", results);
    o.add("concepts", views.concepts(result.concepts(), lang));
    corrected.ifPresent(c -> o.addProperty("didYouMean", c));
    JsonArray guidance = new JsonArray();
    result.guidance().forEach(m -> guidance.add(views.guidanceMatch(m, lang)));
    o.add("guidance", guidance);
    return ok(o);
  }

  /** @return SHA-256 of the request with its filters and exclusions in a fixed order: equal requests, equal keys */
  static String key(Recommender.Request r) {
    Map<String, List<String>> filters = new TreeMap<>();
    r.filters().forEach((dim, values) -> filters.put(dim, List.copyOf(new TreeSet<>(values))));
    String canonical = GSON.toJson(List.of(r.challenge(), filters, new TreeSet<>(r.excludedConcepts()), r.size(), r.language().code(),
        r.spelling()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  /**
   * Filters from repeated query parameters named after facet dimensions; empty values are ignored.
   *
   * @param params the route's parameters besides the filters
   * @throws IllegalArgumentException for a parameter that is neither a filter nor one of {@code params}
   */
  private Map<String, List<String>> filters(QueryParams q, Set<String> params) {
    Set<String> known = new LinkedHashSet<>(params);
    known.addAll(library.dimensions());
    q.allowOnly(known);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : library.dimensions()) {
      Set<String> distinct = new LinkedHashSet<>();
      for (String v : q.all(dim)) {
        if (!v.isBlank()) distinct.add(v.trim());
      }
      if (!distinct.isEmpty()) filters.put(dim, List.copyOf(distinct));
    }
    return filters;
  }

  private PracticeRecord record(HttpRequest request) {
    return library.record(request.pathParam("id")).orElseThrow(() -> new NoSuchElementException("no practice with that id"));
  }

  private static Language language(String code) {
    if (code == null || code.isBlank()) return Language.EN;
    return Language.fromCode(code).orElseThrow(() -> new IllegalArgumentException("lang must be en, ru or uk"));
  }

  /**
   * @param value {@code spell}: absent, {@code on} or {@code true} to spell unknown words as the practices do;
   *     {@code off} or {@code false} for exactly what was typed (after "Showing results for …")
   * @throws IllegalArgumentException for any other value
   */
  private static boolean spelling(String value) {
    if (value == null || value.isBlank() || value.equals("on") || value.equals("true")) return true;
    if (value.equals("off") || value.equals("false")) return false;
    throw new IllegalArgumentException("spell must be on or off");
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

  private static HttpResponse ok(JsonElement body) {
    return HttpResponse.json(200, GSON.toJson(body));
  }
}
