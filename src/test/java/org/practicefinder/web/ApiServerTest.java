package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.taxonomy.ConceptDetector;

/** The server over real HTTP on the fixture manual (eight practices) with the fake embedding model. */
class ApiServerTest {
  private static ApiServer server;
  private static PracticeLibrary library;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    library = TestLibrary.fixture();
    ConceptDetector detector = new ConceptDetector(library.vocabulary());
    server = new ApiServer(library, new PracticeSearcher(library, detector),
        Recommender.create(library, detector, TestLibrary.fixtureEmbedder()), ServerConfig.defaults(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + server.port() + pathAndQuery);
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static RawHttp.Reply raw(String request) throws IOException {
    return RawHttp.exchange(server.port(), request);
  }

  private static RawHttp.Reply raw(String method, String target, String... headerLines) throws IOException {
    return raw(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + String.join("", java.util.Arrays.stream(headerLines).map(h -> h + "\r\n").toList()) + "\r\n");
  }

  static JsonObject json(HttpResponse<String> res, int status) {
    assertEquals(status, res.statusCode(), res.body());
    String type = res.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    assertEquals("application/json;charset=utf-8", type);
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static String error(HttpResponse<String> res, int status) {
    return json(res, status).get("error").getAsString();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonArray hits) {
    return StreamSupport.stream(hits.spliterator(), false).map(h -> h.getAsJsonObject().get("id").getAsString()).toList();
  }

  /** The headers every response must carry, pages, API answers and errors alike. */
  private static void assertCommonHeaders(Map<String, String> headers, String what) {
    assertEquals("nosniff", headers.get("x-content-type-options"), what);
    assertEquals("no-referrer", headers.get("referrer-policy"), what);
    assertTrue(headers.getOrDefault("content-security-policy", "").startsWith("default-src "), what);
    assertEquals("*", headers.get("access-control-allow-origin"), what);
    assertNull(headers.get("server"), what);
  }

  private static Map<String, String> headers(HttpResponse<String> res) {
    Map<String, String> out = new java.util.HashMap<>();
    res.headers().map().forEach((k, v) -> out.put(k.toLowerCase(), v.get(0)));
    return out;
  }

  // --- the API on the fixture ---

  @Test
  void health() throws Exception {
    HttpResponse<String> res = get("/api/health");
    JsonObject o = json(res, 200);
    assertEquals("ok", o.get("status").getAsString());
    assertEquals(8, o.get("practices").getAsInt());
    assertCommonHeaders(headers(res), "health");
    assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void practicesListsAllWithFacets() throws Exception {
    JsonObject o = json(get("/api/practices"), 200);
    assertEquals(8, o.get("total").getAsInt());
    JsonArray list = o.getAsJsonArray("practices");
    assertEquals(List.of("UA-1", "UA-2", "UA-3", "UA-4", "RU-1", "RU-2", "RU-3", "RU-4"), ids(list));
    assertEquals("highway", list.get(0).getAsJsonObject().getAsJsonObject("facets").getAsJsonArray("setting").get(1)
        .getAsJsonObject().get("id").getAsString());
  }

  @Test
  void onePracticeWithAllSections() throws Exception {
    JsonObject p = json(get("/api/practices/UA-1"), 200);
    assertEquals("Night outreach at truck stops", p.get("title").getAsString());
    assertEquals("Ukraine", p.get("country").getAsString());
    JsonObject sections = p.getAsJsonObject("sections");
    assertTrue(sections.get("challenge").getAsString().startsWith("Women who sell sex along the highway"));
    assertEquals(3, sections.getAsJsonArray("steps").size());
    assertEquals(2, sections.getAsJsonArray("lessons").size());
    assertEquals("2012", p.getAsJsonObject("facets").getAsJsonArray("year").get(0).getAsJsonObject().get("id").getAsString());
    JsonObject hotline = json(get("/api/practices/UA-2"), 200);
    assertEquals("http://www.open-voice.example.org", hotline.get("url").getAsString());
    assertFalse(hotline.getAsJsonObject("sections").has("lessons"));
  }

  @Test
  void unknownPracticeIs404() throws Exception {
    assertEquals("no practice with that id", error(get("/api/practices/XX-99"), 404));
    json(get("/api/practices/XX-99/similar"), 404);
    assertEquals("no such API endpoint", error(get("/api/nothing-here"), 404));
  }

  @Test
  void searchFindsThePolicePracticesWithHighlights() throws Exception {
    JsonObject o = json(get("/api/search?q=police"), 200);
    assertEquals("police", o.get("query").getAsString());
    assertEquals(List.of("UA-3", "RU-2"), ids(o.getAsJsonArray("hits")));
    assertEquals(2, o.get("total").getAsInt());
    JsonObject first = o.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("Lviv Sex Workers' Union", first.get("organisation").getAsString());
    String snippet = first.getAsJsonArray("snippets").get(0).getAsJsonObject().get("html").getAsString();
    assertTrue(snippet.toLowerCase().contains("<mark>police</mark>"), snippet);
    assertEquals("police", o.getAsJsonArray("concepts").get(0).getAsJsonObject().get("id").getAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HIV/STI", "\"unbalanced quote", "рейды полиции", "(((", "*", "a AND OR NOT", "<script>alert(1)</script>"})
  void anyQueryTextIsAnAnswerNotAnError(String text) throws Exception {
    JsonObject o = json(get("/api/search?q=" + q(text)), 200);
    assertEquals(text, o.get("query").getAsString());
    assertEquals(Math.min(10, o.get("total").getAsInt()), o.getAsJsonArray("hits").size());
    assertEquals(8, o.getAsJsonObject("facets").size());
  }

  @Test
  void unknownParametersAre400() throws Exception {
    assertTrue(error(get("/api/search?populaton=female"), 400).startsWith("unknown parameter"));
    json(get("/api/recommend?q=police&Country=Russia"), 400);
    assertTrue(error(get("/api/recommend?q=police&page=2"), 400).startsWith("unknown parameter"), "recommend has no pages");
    json(get("/api/search?q=police&page=2"), 200);
    for (String path : List.of("/api/practices?country=Mars", "/api/practices/UA-1?foo=1", "/api/practices/UA-1/similar?page=2",
        "/api/facets?size=1", "/api/health?x=1")) {
      assertTrue(json(get(path), 400).has("error"), path);
    }
  }

  @Test
  void aSingleValuedParameterGivenTwiceIs400() throws Exception {
    assertEquals("q is given more than once", error(get("/api/recommend?q=saunas&q=police"), 400));
    json(get("/api/search?size=3&size=5"), 400);
    json(get("/api/practices?lang=ru&lang=uk"), 400);
    assertEquals(8, json(get("/api/search?country=Russia&country=Ukraine"), 200).get("total").getAsInt()); // a facet may repeat: OR
  }

  @Test
  void negatedWordsExcludePractices() throws Exception {
    assertEquals(List.of("UA-3"), ids(json(get("/api/search?q=" + q("police -saunas")), 200).getAsJsonArray("hits")));
    assertEquals(7, json(get("/api/search?q=" + q("-сауны")), 200).get("total").getAsInt()); // through the concept
    JsonObject rec = json(get("/api/recommend?size=8&q=" + q("police raids -saunas")), 200);
    assertFalse(ids(rec.getAsJsonArray("results")).contains("RU-2"));
    assertEquals("UA-3", ids(rec.getAsJsonArray("results")).get(0));
  }

  @Test
  void textOfManyTokensWithoutSpacesIsAnsweredNotA500() throws Exception {
    for (String challenge : List.of("中".repeat(3000), "ab,".repeat(1333), "😀".repeat(1100))) {
      json(post("/api/recommend", "{\"challenge\": \"" + challenge + "\"}"), 200);
    }
    json(get("/api/search?q=" + q("ab,".repeat(333))), 200);
  }

  @Test
  void aFieldGivenTwiceOrInBothUrlAndBodyIs400() throws Exception {
    assertEquals("challenge is given more than once", error(post("/api/recommend", "{\"challenge\": \"police\", \"challenge\": \"x\"}"), 400));
    assertEquals("lang is given both in the URL and in the body", error(post("/api/recommend?lang=ru", "{\"challenge\": \"police\", \"lang\": \"uk\"}"), 400));
  }

  @Test
  void controlCharactersAre400AndMarkupIsNeverRawInAResponse() throws Exception {
    assertEquals("challenge contains control characters", error(get("/api/recommend?q=police%00raids"), 400));
    json(get("/api/search?q=police%1B"), 400);
    HttpResponse<String> res = get("/api/recommend?q=" + q("<script>alert(1)</script> police"));
    assertEquals("<script>alert(1)</script> police", json(res, 200).get("challenge").getAsString());
    assertFalse(res.body().contains("<"), res.body());
  }

  @Test
  void aPostedChallengeMustBeJson() throws Exception {
    assertTrue(error(send("POST", "/api/recommend", "text/plain", "{\"challenge\": \"police\"}".getBytes(StandardCharsets.UTF_8)), 415)
        .contains("application/json"));
    assertEquals("unknown field; known: [challenge, exclude, filters, lang, size, spell]",
        error(post("/api/recommend", "{\"challenge\": \"police\", \"admin\": true}"), 400));
    json(post("/api/recommend?q=saunas", "{\"challenge\": \"police\"}"), 400);
  }

  @Test
  void theLongestCyrillicChallengeFitsInAnEscapedBody() throws Exception {
    String challenge = "Поліція влаштовує рейди в саунах. ".repeat(117); // 3,978 characters
    StringBuilder escaped = new StringBuilder();
    for (char c : challenge.toCharArray()) escaped.append(String.format("\\u%04x", (int) c));
    JsonObject o = json(post("/api/recommend", "{\"challenge\": \"" + escaped + "\", \"size\": 1}"), 200);
    assertEquals(challenge, o.get("challenge").getAsString());
    assertEquals("RU-2", ids(o.getAsJsonArray("results")).get(0));
  }

  @Test
  void aLongCyrillicChallengeFitsInAUrl() throws Exception {
    String challenge = "Мігрантки бояться поліції. ".repeat(80).substring(0, 2000); // over 10,000 bytes percent-encoded
    assertTrue(q(challenge).length() > 8 * 1024);
    JsonObject o = json(get("/api/recommend?size=1&q=" + q(challenge)), 200);
    assertEquals(challenge, o.get("challenge").getAsString());
  }

  @Test
  void emptyQueryListsAllPracticesInManualOrder() throws Exception {
    JsonObject o = json(get("/api/search?size=100"), 200);
    assertEquals(8, o.get("total").getAsInt());
    assertEquals("UA-1", ids(o.getAsJsonArray("hits")).get(0));
    assertEquals("RU-4", ids(o.getAsJsonArray("hits")).get(7));
  }

  @Test
  void countryFilterAndPaging() throws Exception {
    JsonObject o = json(get("/api/search?country=Russia&page=2&size=3"), 200);
    assertEquals(4, o.get("total").getAsInt());
    assertEquals(List.of("RU-4"), ids(o.getAsJsonArray("hits")));
    JsonArray countries = o.getAsJsonObject("facets").getAsJsonArray("country"); // drill-sideways: Ukraine still counted
    assertEquals(2, countries.size());
    for (JsonElement c : countries) assertEquals(4, c.getAsJsonObject().get("count").getAsInt());
  }

  @Test
  void valuesOfOneFacetCombineWithOrAndFacetsWithAnd() throws Exception {
    assertEquals(List.of("UA-4", "RU-4"), ids(json(get("/api/search?population=transgender&population=male"), 200).getAsJsonArray("hits")));
    assertEquals(List.of("RU-4"), ids(json(get("/api/search?population=transgender&population=male&country=Russia"), 200).getAsJsonArray("hits")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=x", "size=0", "size=101", "population=%3Cb%3Ebogus", "lang=fr", "q=LONG"})
  void badParametersAre400WithAnError(String query) throws Exception {
    HttpResponse<String> res = get("/api/search?" + query.replace("LONG", "x".repeat(1001)));
    assertTrue(json(res, 400).has("error"));
    assertFalse(res.body().contains("<b>"), res.body());
    assertFalse(res.body().contains("Exception"), res.body());
  }

  @Test
  void recommendExplainsEachResult() throws Exception {
    JsonObject o = json(get("/api/recommend?q=" + q("Women at fuel stations on the highway never see a doctor")), 200);
    JsonArray results = o.getAsJsonArray("results");
    assertEquals("UA-1", ids(results).get(0));
    JsonObject first = results.get(0).getAsJsonObject();
    for (String key : List.of("id", "title", "score", "why", "evidence")) assertTrue(first.has(key), key);
  }

  @Test
  void recommendPostWithFilters() throws Exception {
    JsonObject o = json(post("/api/recommend", "{\"challenge\": \"free HIV testing\", \"filters\": {\"country\": [\"Russia\"]}}"), 200);
    List<String> ids = ids(o.getAsJsonArray("results"));
    assertFalse(ids.isEmpty());
    assertTrue(ids.stream().allMatch(id -> id.startsWith("RU-")), ids.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2]", "{}", "{\"challenge\": \"\"}", "{\"challenge\": \"x\", \"filters\": 3}",
      "{\"challenge\": \"x\", \"filters\": {\"population\": [\"nobody\"]}}", "{\"challenge\": 42}",
      "{challenge: \"lenient JSON\"}", "{\"challenge\": \"x\"} and more", "{\"challenge\": \"x\", \"size\": \"abc\"}",
      "{\"challenge\": \"x\", \"lang\": \"fr\"}"})
  void badRecommendBodiesAre400(String body) throws Exception {
    assertTrue(json(post("/api/recommend", body), 400).has("error"));
  }

  @Test
  void recommendPostTakesSizeAndLanguageAndIgnoresEmptyFilters() throws Exception {
    JsonObject o = json(post("/api/recommend", "{\"challenge\": \"police\", \"filters\": {\"country\": []}, \"size\": 1, \"lang\": \"uk\"}"), 200);
    assertEquals(1, o.getAsJsonArray("results").size());
    assertEquals("Поліція та правоохоронні органи", o.getAsJsonArray("concepts").get(0).getAsJsonObject().get("label").getAsString());
  }

  @Test
  void aRemovedConceptNoLongerShapesTheSearch() throws Exception {
    assertEquals(2, json(get("/api/search?q=militia"), 200).get("total").getAsInt()); // no word of the manual: the police concept finds them
    JsonObject without = json(get("/api/search?q=militia&exclude=police"), 200);
    assertEquals(0, without.get("total").getAsInt());
    assertEquals(0, without.getAsJsonArray("concepts").size());
  }

  @Test
  void facetsAreLabelledInTheRequestedLanguage() throws Exception {
    JsonObject facets = json(get("/api/facets?lang=uk"), 200).getAsJsonObject("facets");
    for (String dim : List.of("population", "setting", "country", "location", "year")) assertTrue(facets.has(dim), dim);
    Map<String, String> labels = new java.util.HashMap<>();
    facets.getAsJsonArray("location").forEach(v -> labels.put(v.getAsJsonObject().get("id").getAsString(), v.getAsJsonObject().get("label").getAsString()));
    assertEquals("Київ", labels.get("Kyiv"));
    assertEquals("Санкт-Петербург", labels.get("Saint Petersburg"));
  }

  @Test
  void similarPracticesExcludeThePracticeItself() throws Exception {
    List<String> ids = ids(json(get("/api/practices/RU-2/similar?size=3"), 200).getAsJsonArray("results"));
    assertEquals(3, ids.size());
    assertEquals("UA-3", ids.get(0));
    assertFalse(ids.contains("RU-2"));
    assertEquals(3, Set.copyOf(ids).size());
  }

  @Test
  void pageIsServedWithoutThirdParties() throws Exception {
    HttpResponse<String> res = get("/");
    assertEquals(200, res.statusCode());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(SiteSettings.DEFAULTS.contentSecurityPolicy(false), res.headers().firstValue("Content-Security-Policy").orElse(""));
    // The quick exit's destination is the one address of another site, and only a link: nothing is loaded from it.
    String page = res.body().replace("href=\"" + SiteSettings.DEFAULT_EXIT_URL + "\" rel=\"noreferrer\"", "")
        .replace("content=\"" + SiteSettings.DEFAULT_EXIT_URL + "\"", "");
    assertFalse(page.contains("http://") || page.contains("https://"), "no other absolute URLs in the page");
    assertTrue(res.headers().allValues("Set-Cookie").isEmpty());
    assertEquals(200, get("/widget.js").statusCode());
    assertEquals("not found", error(get("/no-such-file.js"), 404));
    assertEquals(400, get("/..%2Fpom.xml").statusCode()); // Jetty refuses an encoded slash
  }

  @Test
  void aTakenPortIsAnErrorNotAHang() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new ApiServer(library, null, null, server.port()));
    assertTrue(e.getMessage().startsWith("cannot serve on port " + server.port()), e.getMessage());
  }

  // --- HTTP caching of API answers ---

  private static HttpResponse<byte[]> getWith(String pathAndQuery, String... headerPairs) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery));
    if (headerPairs.length > 0) b.headers(headerPairs);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search?q=police", "/api/search?q=police&country=Ukraine&lang=uk", "/api/facets?lang=ru",
      "/api/practices", "/api/practices/UA-4", "/api/practices/UA-4/similar?size=2", "/api/practices.csv", "/api/practices.json",
      "/api/guidance"})
  void sharedAnswersHaveALifetimeAStrongETagAndAre304WhenUnchanged(String path) throws Exception {
    HttpResponse<byte[]> first = getWith(path);
    assertEquals(200, first.statusCode());
    assertEquals("public, max-age=300, stale-while-revalidate=3600", first.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("Accept-Encoding", first.headers().firstValue("Vary").orElseThrow());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag); // strong
    HttpResponse<byte[]> again = getWith(path, "If-None-Match", "\"other\", " + etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
    assertEquals("public, max-age=300, stale-while-revalidate=3600", again.headers().firstValue("Cache-Control").orElseThrow());
    HttpResponse<byte[]> stale = getWith(path, "If-None-Match", "\"other\"");
    assertEquals(200, stale.statusCode());
    assertEquals(new String(first.body(), StandardCharsets.UTF_8), new String(stale.body(), StandardCharsets.UTF_8));
  }

  @Test
  void etagsNameTheRequest() throws Exception {
    Set<String> tags = new java.util.HashSet<>();
    for (String path : List.of("/api/search?q=police", "/api/search?q=condoms", "/api/search?q=police&lang=uk", "/api/practices",
        "/api/practices/UA-4", "/api/practices/UA-4/similar")) {
      tags.add(getWith(path).headers().firstValue("ETag").orElseThrow());
    }
    assertEquals(6, tags.size());
    assertEquals(getWith("/api/search?q=police").headers().firstValue("ETag"), getWith("/api/search?q=police").headers().firstValue("ETag"));
  }

  @Test
  void recommendationsHealthAndErrorsAreNeverStored() throws Exception {
    for (String path : List.of("/api/recommend?q=police+violence", "/api/health", "/api/search?page=0", "/api/practices/XX-1")) {
      HttpResponse<byte[]> res = getWith(path, "If-None-Match", "*");
      assertTrue(res.statusCode() != 304, path);
      assertEquals("no-store", res.headers().firstValue("Cache-Control").orElseThrow(), path);
      assertFalse(res.headers().firstValue("ETag").isPresent(), path);
    }
    HttpResponse<String> posted = post("/api/recommend", "{\"challenge\": \"police violence\"}");
    assertEquals("no-store", posted.headers().firstValue("Cache-Control").orElseThrow());
    assertFalse(posted.headers().firstValue("ETag").isPresent());
  }

  @Test
  void jsonIsGzippedForClientsThatAcceptItUnderItsOwnETag() throws Exception {
    HttpResponse<byte[]> plain = getWith("/api/practices");
    HttpResponse<byte[]> gzip = getWith("/api/practices", "Accept-Encoding", "gzip");
    assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
    assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals(plain.headers().firstValue("ETag").orElseThrow().replace("\"", "") + "-gz",
        gzip.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
      assertEquals(new String(plain.body(), StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(gzip.body().length < plain.body().length / 3, gzip.body().length + " of " + plain.body().length);
    // a recommendation is compressed too, and still not stored
    HttpResponse<byte[]> rec = getWith("/api/recommend?q=police+violence+and+condoms", "Accept-Encoding", "gzip");
    assertEquals("gzip", rec.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals("no-store", rec.headers().firstValue("Cache-Control").orElseThrow());
  }

  // --- the page's and the widget's files ---

  @ParameterizedTest
  @ValueSource(strings = {"/widget.js", "/widget.css", "/js/finder.js", "/texts/uk.json"})
  void widgetFilesHaveAStrongETagACacheLifetimeAndCors(String path) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Origin", "https://partner.example").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode());
    String etag = res.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag); // strong: no W/ prefix
    assertEquals("public, max-age=3600, stale-while-revalidate=86400", res.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("cross-origin", res.headers().firstValue("Cross-Origin-Resource-Policy").orElseThrow());
    HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void onlyTheEmbedPageMayBeFramed() throws Exception {
    for (String path : List.of("/", "/index.html", "/embed.html", "/embed-frame.html", "/widget.js")) {
      assertTrue(get(path).headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("; frame-ancestors 'none'"), path);
    }
    HttpResponse<String> embed = get("/embed?lang=uk&mode=search&population=transgender");
    assertEquals(200, embed.statusCode());
    assertTrue(embed.body().contains("js/embed-frame.js"));
    assertTrue(embed.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("; frame-ancestors *"));
    assertEquals("no-cache", embed.headers().firstValue("Cache-Control").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nothing.js", "/js", "/vocabulary.json", "/web/index.html", "/../pom.xml", "/.hidden.js"})
  void onlyFilesOfTheWebFolderAreServed(String path) throws Exception {
    RawHttp.Reply r = raw("GET", path); // raw, so that ".." reaches the server as written
    assertTrue(r.status() == 404 || r.status() == 400, path + " " + r.status());
    assertFalse(r.body().contains("\"population\""), "vocabulary served");
  }

  @Test
  void textFilesAreGzippedForClientsThatAcceptItUnderTheirOwnETag() throws Exception {
    HttpResponse<byte[]> plain = CLIENT.send(HttpRequest.newBuilder(uri("/js/finder.js")).build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> gzip = CLIENT.send(HttpRequest.newBuilder(uri("/js/finder.js")).header("Accept-Encoding", "gzip, deflate").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
    assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals("Accept-Encoding", gzip.headers().firstValue("Vary").orElseThrow());
    assertEquals(plain.headers().firstValue("ETag").orElseThrow().replace("\"", "") + "-gz",
        gzip.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
      assertEquals(new String(plain.body(), StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(gzip.body().length < plain.body().length / 2, gzip.body().length + " of " + plain.body().length);
  }

  @Test
  void apiErrorsAndPreflightsCarryCors() throws Exception {
    for (String path : List.of("/api/search?page=0", "/api/nothing-here", "/api/search?q=" + "x".repeat(10_000))) {
      HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Origin", "https://partner.example").build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(res.statusCode() >= 400 && res.statusCode() < 500, path);
      assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path.substring(0, Math.min(path.length(), 20)));
    }
  }

  // --- integrity: the response cache ---

  @Test
  void anEncodedQueryCannotPrimeTheCacheOfAnotherSearch() throws Exception {
    JsonObject primed = json(get("/api/search?q=%26setting%3Dstreet"), 200);
    assertEquals("&setting=street", primed.get("query").getAsString());
    JsonObject other = json(get("/api/search?q=&setting=street"), 200);
    assertEquals("", other.get("query").getAsString());
    assertEquals(List.of("UA-1"), ids(other.getAsJsonArray("hits"))); // the street practice, not the primed answer
    assertEquals(1, other.get("total").getAsInt());
  }

  // --- errors Jetty produces itself ---

  @ParameterizedTest
  @ValueSource(strings = {"/api/practices/%G1", "/%", "/api/practices/%00", "/api/search?q=%ZZ", "/api/practices/%C0%AF"})
  void malformedPathsAreJson400sWithTheCommonHeaders(String target) throws Exception {
    RawHttp.Reply r = raw("GET", target, "Origin: https://partner.example");
    assertEquals(400, r.status(), r.body());
    assertEquals("application/json;charset=utf-8", r.header("content-type").replace(" ", ""));
    assertTrue(JsonParser.parseString(r.body()).getAsJsonObject().has("error"), r.body());
    assertCommonHeaders(r.headers(), target);
  }

  @Test
  void aUrlOverTheLimitIsAJson414WithTheCommonHeaders() throws Exception {
    RawHttp.Reply r = raw("GET", "/api/search?q=" + "x".repeat(JettyServers.REQUEST_HEADER_BYTES));
    assertEquals(414, r.status());
    assertEquals("the URL is longer than 48 KB; POST long text as JSON instead", JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString());
    assertCommonHeaders(r.headers(), "414");
  }

  @Test
  void headersOverTheLimitAreAJson431WithTheCommonHeaders() throws Exception {
    RawHttp.Reply r = raw("GET", "/api/health", "X-Filler: " + "y".repeat(JettyServers.REQUEST_HEADER_BYTES));
    assertEquals(431, r.status());
    assertTrue(r.body().startsWith("{\"error\":\"the request headers are larger than"), r.body());
    assertCommonHeaders(r.headers(), "431");
  }

  @Test
  void optionsStarAndTheBareApiPathAnswerJson() throws Exception {
    RawHttp.Reply star = raw("OPTIONS", "*");
    assertEquals(200, star.status());
    assertEquals("{\"allow\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\"]}", star.body());
    assertCommonHeaders(star.headers(), "OPTIONS *");
    RawHttp.Reply api = raw("GET", "/api");
    assertEquals(404, api.status());
    assertEquals("{\"error\":\"no such API endpoint\"}", api.body());
    assertCommonHeaders(api.headers(), "/api");
  }

  // --- methods and headers ---

  @Test
  void eachApiPathAnswersOnlyItsMethodsWith405AndAllow() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "PROPFIND", "TRACE")) {
      RawHttp.Reply r = raw(method, "/api/practices/UA-1", "Content-Length: 0");
      assertEquals(405, r.status(), method);
      assertEquals("GET, HEAD, OPTIONS", r.header("allow"), method);
      assertEquals("{\"error\":\"method not allowed\"}", r.body(), method);
    }
    assertEquals("GET, HEAD, POST, OPTIONS", raw("PUT", "/api/recommend", "Content-Length: 0").header("allow"));
  }

  @Test
  void staticFilesAnswerOnlyGetAndHead() throws Exception {
    for (String method : List.of("PUT", "DELETE", "POST", "TRACE", "PROPFIND", "OPTIONS")) {
      RawHttp.Reply r = raw(method, "/index.html", "Content-Length: 0");
      assertEquals(405, r.status(), method);
      assertEquals("GET, HEAD", r.header("allow"), method);
      assertFalse(r.body().contains("<html"), method);
      assertCommonHeaders(r.headers(), method);
    }
    RawHttp.Reply head = raw("HEAD", "/index.html");
    assertEquals(200, head.status());
    assertEquals("", head.body());
  }

  @Test
  void connectIsRefusedAndTheConnectionClosed() throws Exception {
    RawHttp.Reply r = raw("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"); // reads until the server closes
    assertEquals(400, r.status());
    assertEquals("close", r.header("connection"));
    assertEquals("{\"error\":\"the request target must be a path\"}", r.body());
  }

  @Test
  void theMethodOverrideHeaderIsIgnored() throws Exception {
    RawHttp.Reply r = raw("POST", "/api/practices/UA-1", "X-HTTP-Method-Override: GET", "Content-Length: 0");
    assertEquals(405, r.status());
    RawHttp.Reply get = raw("GET", "/api/practices/UA-1", "X-HTTP-Method-Override: DELETE");
    assertEquals(200, get.status());
  }

  @Test
  void headAnswersWithTheStatusOfGet() throws Exception {
    for (String target : List.of("/api/search?size=0", "/api/practices/XX-9", "/api/health", "/api/health?x=1", "/nothing.css")) {
      RawHttp.Reply head = raw("HEAD", target);
      assertEquals(get(target).statusCode(), head.status(), target);
      assertEquals("", head.body(), target);
    }
  }

  @Test
  void preflightsSayWhatThePathTakesAndForHowLong() throws Exception {
    RawHttp.Reply r = raw("OPTIONS", "/api/recommend", "Origin: https://partner.example", "Access-Control-Request-Method: POST",
        "Access-Control-Request-Headers: content-type");
    assertEquals(204, r.status());
    assertEquals("GET, HEAD, POST, OPTIONS", r.header("access-control-allow-methods"));
    assertEquals("Content-Type", r.header("access-control-allow-headers"));
    assertEquals("7200", r.header("access-control-max-age"));
    assertCommonHeaders(r.headers(), "preflight");
    assertNull(r.header("content-type"));
  }

  @Test
  void unknownPathsAreNotLogged() throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(404, get("/private-looking-path-7f3a.html").statusCode());
      assertEquals(404, get("/api/private-looking-path-7f3a").statusCode());
    } finally {
      System.setErr(err);
    }
    assertFalse(captured.toString(StandardCharsets.UTF_8).contains("7f3a"), captured.toString(StandardCharsets.UTF_8));
  }

  // --- encoding ---

  @Test
  void aTruncatedUtf8SequenceInTheUrlIs400() throws Exception {
    assertEquals(QueryParams.NOT_UTF8, error(get("/api/search?q=police%C3"), 400));
    assertEquals(QueryParams.NOT_UTF8, error(get("/api/recommend?q=police%C3"), 400));
  }

  @Test
  void invalidUtf8InAPostedBodyIs400() throws Exception {
    byte[] body = "{\"challenge\": \"police caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("the request body is not valid UTF-8", error(send("POST", "/api/recommend", "application/json", body), 400));
  }

  @Test
  void aCharsetOtherThanUtf8Is415() throws Exception {
    byte[] body = "{\"challenge\": \"полиция\"}".getBytes(java.nio.charset.Charset.forName("windows-1251"));
    assertEquals("the request body must be UTF-8 (charset=utf-8)",
        error(send("POST", "/api/recommend", "application/json; charset=windows-1251", body), 415));
  }

  @Test
  void aCompressedBodyIs415() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write("{\"challenge\": \"police\"}".getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(uri("/api/recommend")).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("compressed request bodies are not accepted: send the JSON without Content-Encoding", error(res, 415));
  }

  @Test
  void aFilterGivenTwiceInTheBodyIs400() throws Exception {
    assertEquals("filters.country is given more than once", error(post("/api/recommend",
        "{\"challenge\": \"police\", \"filters\": {\"country\": [\"Ukraine\"], \"country\": [\"Russia\"]}}"), 400));
  }

  @Test
  void theResponseShapeIsStable() throws Exception {
    JsonObject o = json(get("/api/recommend?size=1&q=" + q("a helpline")), 200);
    assertEquals(Set.of("challenge", "results", "concepts", "guidance"), o.keySet());
    assertEquals(0, o.getAsJsonArray("guidance").size()); // the fixture manual has no guidance
    assertEquals("a helpline", new Gson().fromJson(o.get("challenge"), String.class));
  }
}
