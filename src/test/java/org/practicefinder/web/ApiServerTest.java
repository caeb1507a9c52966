package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.Socket;
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

/** The real server on a free port, on the real manual, over real HTTP. */
class ApiServerTest {
  private static ApiServer server;
  private static PracticeLibrary library;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    library = TestLibrary.get();
    ConceptDetector detector = new ConceptDetector(library.vocabulary());
    server = new ApiServer(library, new PracticeSearcher(library, detector), Recommender.create(library, detector, TestLibrary.embedder()), 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonObject json(HttpResponse<String> res, int status) {
    assertEquals(status, res.statusCode(), res.body());
    String type = res.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    assertEquals("application/json;charset=utf-8", type);
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonArray hits) {
    return StreamSupport.stream(hits.spliterator(), false).map(h -> h.getAsJsonObject().get("id").getAsString()).toList();
  }

  @Test
  void health() throws Exception {
    JsonObject o = json(get("/api/health"), 200);
    assertEquals("ok", o.get("status").getAsString());
    assertEquals(39, o.get("practices").getAsInt());
  }

  @Test
  void practicesListsAll39WithFacets() throws Exception {
    JsonObject o = json(get("/api/practices"), 200);
    assertEquals(39, o.get("total").getAsInt());
    JsonArray list = o.getAsJsonArray("practices");
    assertEquals(39, list.size());
    assertEquals("UA-1", list.get(0).getAsJsonObject().get("id").getAsString());
    assertTrue(list.get(0).getAsJsonObject().has("facets"));
  }

  @Test
  void onePracticeWithAllSections() throws Exception {
    JsonObject p = json(get("/api/practices/UA-4"), 200);
    assertEquals("Involve police as agents of social changes", p.get("title").getAsString());
    assertEquals("Ukraine", p.get("country").getAsString());
    assertEquals("http://www.victoriya.km.ua", p.get("url").getAsString());
    JsonObject sections = p.getAsJsonObject("sections");
    assertTrue(sections.get("challenge").getAsString().startsWith("Law enforcement officials need to be sensitised"));
    assertEquals(4, sections.getAsJsonArray("steps").size());
    assertEquals(2, sections.getAsJsonArray("lessons").size());
    assertTrue(p.has("facets"));
    assertTrue(p.has("evidence"));
    assertFalse(json(get("/api/practices/UA-6b"), 200).getAsJsonObject("sections").has("lessons"));
  }

  @Test
  void unknownPracticeIs404() throws Exception {
    JsonObject o = json(get("/api/practices/XX-99"), 404);
    assertEquals("no practice with that id", o.get("error").getAsString());
    json(get("/api/practices/XX-99/similar"), 404);
    json(get("/api/nothing-here"), 404);
  }

  @Test
  void searchPoliceFindsUa4OnTheFirstPageWithHighlights() throws Exception {
    JsonObject o = json(get("/api/search?q=police"), 200);
    assertEquals("police", o.get("query").getAsString());
    List<String> ids = ids(o.getAsJsonArray("hits"));
    assertEquals("UA-4", ids.get(0));
    assertEquals(6, o.get("total").getAsInt());
    assertEquals(6, ids.size());
    JsonObject first = o.getAsJsonArray("hits").get(0).getAsJsonObject();
    for (String key : List.of("id", "title", "organisation", "country", "score", "snippets")) assertTrue(first.has(key), key);
    String snippet = first.getAsJsonArray("snippets").get(0).getAsJsonObject().get("html").getAsString();
    assertTrue(snippet.toLowerCase().contains("<mark>police</mark>"), snippet);
    assertTrue(o.getAsJsonObject("facets").has("population"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HIV/AIDS", "\"unbalanced quote", "насилие полиции", "(((", "*", "a AND OR NOT", "<script>alert(1)</script>"})
  void anyQueryTextIsAnAnswerNotAnError(String text) throws Exception {
    JsonObject o = json(get("/api/search?q=" + q(text)), 200);
    assertEquals(text, o.get("query").getAsString());
    assertEquals(Math.min(10, o.get("total").getAsInt()), o.getAsJsonArray("hits").size());
    assertEquals(8, o.getAsJsonObject("facets").size());
  }

  @Test
  void aLongChallengeIsAnswered() throws Exception {
    String manualText = library.record("RU-8").orElseThrow().practice().text(org.practicefinder.model.Section.ACTION).orElseThrow();
    String challenge = (manualText + " " + manualText + " " + manualText).substring(0, 4000);
    JsonObject o = json(post("/api/recommend", "{\"challenge\": " + new com.google.gson.Gson().toJson(challenge) + "}"), 200);
    assertEquals("RU-8", o.getAsJsonArray("results").get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void unknownParametersAre400() throws Exception {
    assertTrue(json(get("/api/search?populaton=female"), 400).get("error").getAsString().startsWith("unknown parameter"));
    json(get("/api/recommend?q=police&Country=Russia"), 400);
    for (String path : List.of("/api/practices?country=Mars", "/api/practices/UA-4?foo=1", "/api/practices/UA-4/similar?page=2",
        "/api/facets?size=1", "/api/health?x=1")) {
      assertTrue(json(get(path), 400).has("error"), path);
    }
  }

  @Test
  void placesAreNamedInTheRequestedLanguage() throws Exception {
    JsonObject uk = json(get("/api/facets?lang=uk"), 200).getAsJsonObject("facets");
    Map<String, String> labels = new java.util.HashMap<>();
    uk.getAsJsonArray("location").forEach(v -> labels.put(v.getAsJsonObject().get("id").getAsString(), v.getAsJsonObject().get("label").getAsString()));
    assertEquals("Київ", labels.get("Kyiv"));
    assertEquals("Набережні Челни", labels.get("Naberezhnye Chelny"));
    for (String place : library.values("location")) {
      for (var l : org.practicefinder.taxonomy.Language.values()) {
        assertTrue(org.practicefinder.i18n.Texts.of(l).find(org.practicefinder.i18n.Texts.placeKey(place)).isPresent(), place + " has no name in " + l);
      }
    }
  }

  @Test
  void aSingleValuedParameterGivenTwiceIs400() throws Exception {
    assertEquals("q is given more than once", json(get("/api/recommend?q=saunas&q=police"), 400).get("error").getAsString());
    json(get("/api/search?size=3&size=5"), 400);
    json(get("/api/practices?lang=ru&lang=uk"), 400);
    assertEquals(39, json(get("/api/search?country=Russia&country=Ukraine"), 200).get("total").getAsInt()); // a facet may repeat: OR
  }

  @Test
  void negatedWordsExcludePractices() throws Exception {
    assertEquals(List.of("UA-4", "UA-5b", "RU-14", "RU-8", "UA-7", "RU-2b"), ids(json(get("/api/search?q=police"), 200).getAsJsonArray("hits")));
    JsonObject o = json(get("/api/search?q=" + q("police -saunas")), 200);
    assertEquals(List.of("UA-4", "UA-5b", "RU-14", "UA-7", "RU-2b"), ids(o.getAsJsonArray("hits"))); // RU-8 works in saunas
    assertEquals(38, json(get("/api/search?q=" + q("-saunas")), 200).get("total").getAsInt());
    assertEquals(38, json(get("/api/search?q=" + q("-сауны")), 200).get("total").getAsInt()); // through the concept
    JsonObject rec = json(get("/api/recommend?size=39&q=" + q("police -saunas")), 200);
    assertFalse(ids(rec.getAsJsonArray("results")).contains("RU-8"));
    assertEquals(List.of("police"), ids(rec.getAsJsonArray("concepts")));
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
    assertEquals("challenge is given more than once",
        json(post("/api/recommend", "{\"challenge\": \"police\", \"challenge\": \"x\"}"), 400).get("error").getAsString());
    assertEquals("lang is given both in the URL and in the body",
        json(post("/api/recommend?lang=ru", "{\"challenge\": \"police\", \"lang\": \"uk\"}"), 400).get("error").getAsString());
  }

  @Test
  void controlCharactersAre400AndMarkupIsNeverRawInAResponse() throws Exception {
    assertEquals("challenge contains control characters", json(get("/api/recommend?q=police%00condoms"), 400).get("error").getAsString());
    json(get("/api/search?q=police%1B"), 400);
    HttpResponse<String> res = get("/api/recommend?q=" + q("<script>alert(1)</script> police"));
    JsonObject o = json(res, 200);
    assertEquals("<script>alert(1)</script> police", o.get("challenge").getAsString());
    assertFalse(res.body().contains("<"), res.body());
  }

  @Test
  void aPostedChallengeMustBeJson() throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": \"police\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertTrue(json(res, 415).get("error").getAsString().contains("application/json"));
    assertEquals("unknown field; known: [challenge, exclude, filters, lang, size]",
        json(post("/api/recommend", "{\"challenge\": \"police\", \"admin\": true}"), 400).get("error").getAsString());
    json(post("/api/recommend?q=saunas", "{\"challenge\": \"police\"}"), 400);
  }

  @Test
  void theLongestCyrillicChallengeFitsInAnEscapedBody() throws Exception {
    String challenge = "Поліція затримує секс-працівниць. ".repeat(117); // 3,978 characters
    StringBuilder escaped = new StringBuilder();
    for (char c : challenge.toCharArray()) escaped.append(String.format("\\u%04x", (int) c));
    JsonObject o = json(post("/api/recommend", "{\"challenge\": \"" + escaped + "\", \"size\": 1}"), 200);
    assertEquals(challenge, o.get("challenge").getAsString());
  }

  @Test
  void emptyQueryListsAllPracticesInManualOrder() throws Exception {
    JsonObject o = json(get("/api/search?size=100"), 200);
    assertEquals(39, o.get("total").getAsInt());
    assertEquals("UA-1", ids(o.getAsJsonArray("hits")).get(0));
    assertEquals("RU-18", ids(o.getAsJsonArray("hits")).get(38));
  }

  @Test
  void countryFilterAndPaging() throws Exception {
    JsonObject o = json(get("/api/search?country=Russia&page=2&size=15"), 200);
    assertEquals(20, o.get("total").getAsInt());
    assertEquals(List.of("RU-14", "RU-15", "RU-16", "RU-17", "RU-18"), ids(o.getAsJsonArray("hits")));
    // drill-sideways: the selected country still shows the other one with its count
    JsonArray countries = o.getAsJsonObject("facets").getAsJsonArray("country");
    assertEquals(2, countries.size());
    for (JsonElement c : countries) {
      assertEquals(c.getAsJsonObject().get("id").getAsString().equals("Ukraine") ? 19 : 20, c.getAsJsonObject().get("count").getAsInt());
    }
  }

  @Test
  void valuesOfOneFacetCombineWithOrAndFacetsWithAnd() throws Exception {
    long streetOrOnline = library.records().stream()
        .filter(r -> r.tagging().get("setting").contains("street") || r.tagging().get("setting").contains("online")).count();
    JsonObject o = json(get("/api/search?setting=street&setting=online&size=100"), 200);
    assertEquals(streetOrOnline, o.get("total").getAsInt());
    long andRussia = library.records().stream()
        .filter(r -> r.tagging().get("setting").contains("street") || r.tagging().get("setting").contains("online"))
        .filter(r -> r.practice().country().displayName().equals("Russia")).count();
    assertEquals(andRussia, json(get("/api/search?setting=street&setting=online&country=Russia&size=100"), 200).get("total").getAsInt());
    assertTrue(andRussia < streetOrOnline);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=x", "size=0", "size=101", "population=%3Cb%3Ebogus", "lang=fr",
      "q=" + "x"})
  void badParametersAre400WithAnError(String query) throws Exception {
    if (query.equals("q=x")) query = "q=" + "x".repeat(1001);
    HttpResponse<String> res = get("/api/search?" + query);
    JsonObject o = json(res, 400);
    assertTrue(o.has("error"));
    assertFalse(res.body().contains("<b>"), res.body());
    assertFalse(res.body().contains("Exception"), res.body());
  }

  @Test
  void recommendGetExplainsEachResult() throws Exception {
    JsonObject o = json(get("/api/recommend?q=" + q("The police confiscate condoms and detain the women from our project")), 200);
    JsonArray results = o.getAsJsonArray("results");
    assertTrue(results.size() > 0);
    JsonObject first = results.get(0).getAsJsonObject();
    for (String key : List.of("id", "title", "score", "why", "evidence")) assertTrue(first.has(key), key);
    assertTrue(ids(results).subList(0, 5).contains("UA-4") || ids(results).subList(0, 5).contains("RU-2b"), ids(results).toString());
  }

  @Test
  void aSearchHitFoundThroughATopicCarriesTheSentenceThatGaveItTheTag() throws Exception {
    JsonObject o = json(get("/api/search?q=condoms&size=100"), 200);
    assertEquals(17, o.get("total").getAsInt());
    int throughTopic = 0;
    for (var element : o.getAsJsonArray("hits")) {
      JsonObject hit = element.getAsJsonObject();
      JsonArray topics = hit.getAsJsonArray("topics");
      if (hit.getAsJsonArray("snippets").isEmpty()) {
        throughTopic++;
        JsonObject topic = topics.get(0).getAsJsonObject();
        assertEquals("sexual-reproductive-health", topic.get("id").getAsString());
        assertEquals("service", topic.get("dimension").getAsString());
        assertEquals(library.record(hit.get("id").getAsString()).orElseThrow().tagging().evidence().get("sexual-reproductive-health"),
            topic.get("evidence").getAsString());
      }
    }
    assertEquals(12, throughTopic, "hits without a passage that names the word");
    assertEquals(0, json(get("/api/search?q=" + q("Lilith")), 200).getAsJsonArray("hits").get(0).getAsJsonObject()
        .getAsJsonArray("topics").size(), "no topic named, none listed");
  }

  @Test
  void recommendationsSayHowStrongTheyAre() throws Exception {
    JsonArray results = json(post("/api/recommend", "{\"challenge\": \"Women working in saunas are afraid of raids and do not come to the clinic\"}"), 200)
        .getAsJsonArray("results");
    JsonObject first = results.get(0).getAsJsonObject();
    assertEquals("RU-8", first.get("id").getAsString());
    assertEquals("strong", first.get("strength").getAsString());
    assertEquals("Where: Saunas and massage parlours — you mentioned “saunas”; Works with: Police and law enforcement — you mentioned “raids”;"
        + " For: Female sex workers — you mentioned “Women”", first.get("why").getAsString());
    for (var r : json(post("/api/recommend", "{\"challenge\": \"Our landlord raised the rent and we cannot pay it\"}"), 200).getAsJsonArray("results")) {
      assertEquals("related", r.getAsJsonObject().get("strength").getAsString(), "no topic of the challenge is named: " + r);
    }
    assertFalse(json(get("/api/practices/RU-8/similar"), 200).getAsJsonArray("results").get(0).getAsJsonObject().has("strength"),
        "similar practices answer no challenge");
  }

  @Test
  void recommendPostWithFilters() throws Exception {
    JsonObject o = json(post("/api/recommend", "{\"challenge\": \"violence against sex workers\", \"filters\": {\"country\": [\"Ukraine\"]}}"), 200);
    List<String> ids = ids(o.getAsJsonArray("results"));
    assertFalse(ids.isEmpty());
    assertTrue(ids.stream().allMatch(id -> id.startsWith("UA-")), ids.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2]", "{}", "{\"challenge\": \"\"}", "{\"challenge\": \"x\", \"filters\": 3}",
      "{\"challenge\": \"x\", \"filters\": {\"population\": [\"nobody\"]}}", "{\"challenge\": 42}",
      "{challenge: \"lenient JSON\"}", "{\"challenge\": \"x\"} and more", "{\"challenge\": \"x\", \"size\": \"abc\"}", "{\"challenge\": \"x\", \"lang\": \"fr\"}"})
  void badRecommendBodiesAre400(String body) throws Exception {
    assertTrue(json(post("/api/recommend", body), 400).has("error"));
  }

  @Test
  void recommendPostTakesSizeAndLanguageAndIgnoresEmptyFilters() throws Exception {
    JsonObject o = json(post("/api/recommend",
        "{\"challenge\": \"police\", \"filters\": {\"country\": []}, \"size\": 3, \"lang\": \"uk\"}"), 200);
    assertEquals(3, o.getAsJsonArray("results").size());
    assertEquals("Поліція та правоохоронні органи", o.getAsJsonArray("concepts").get(0).getAsJsonObject().get("label").getAsString());
  }

  @Test
  void aRemovedConceptNoLongerShapesTheSearch() throws Exception {
    JsonObject with = json(get("/api/search?q=militia"), 200);
    assertEquals(6, with.get("total").getAsInt()); // "militia" is no word of the manual; the police concept finds them
    JsonObject without = json(get("/api/search?q=militia&exclude=police"), 200);
    assertEquals(0, without.get("total").getAsInt());
    assertEquals(0, without.getAsJsonArray("concepts").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search?q=%ZZ", "/api/practices/%C0%AF", "/api/search?country=%ZZ", "/api/practices/%ZZ"})
  void malformedUrlsAreJson400s(String path) throws Exception {
    // java.net.URI refuses such paths, so the request is written by hand
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 400 "), response);
      assertTrue(response.toLowerCase().contains("content-type: application/json;charset=utf-8"), response);
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertTrue(body.matches("\\{\"error\":\"(the URL has malformed percent-encoding|bad request)\"}"), body);
    }
  }

  @Test
  void aTooLongUrlIsAJson414() throws Exception {
    assertEquals("uri too long", json(get("/api/search?q=" + "x".repeat(10_000)), 414).get("error").getAsString());
  }

  @Test
  void wrongMethodsAre405() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/practices/UA-4"))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("method not allowed", json(res, 405).get("error").getAsString());
      assertEquals("GET, OPTIONS", res.headers().firstValue("Allow").orElse(""));
    }
    HttpResponse<String> put = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("GET, POST, OPTIONS", put.headers().firstValue("Allow").orElse(""));
    json(post("/api/search", "{}"), 405);
  }

  @Test
  void aTakenPortIsAnErrorNotAHang() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new ApiServer(library, null, null, server.port()));
    assertTrue(e.getMessage().startsWith("cannot serve on port " + server.port()), e.getMessage());
  }

  @Test
  void similarPracticesExcludeThePracticeItself() throws Exception {
    JsonArray results = json(get("/api/practices/RU-11a/similar"), 200).getAsJsonArray("results");
    List<String> ids = ids(results);
    assertEquals(5, ids.size());
    assertFalse(ids.contains("RU-11a"));
    assertEquals(5, Set.copyOf(ids).size());
  }

  @Test
  void facetsListEveryDimension() throws Exception {
    JsonObject facets = json(get("/api/facets?lang=uk"), 200).getAsJsonObject("facets");
    for (String dim : List.of("population", "setting", "country", "location")) assertTrue(facets.has(dim), dim);
    JsonArray location = facets.getAsJsonArray("location");
    JsonObject first = location.get(0).getAsJsonObject();
    assertEquals("Saint Petersburg", first.get("id").getAsString());
    assertEquals(8, first.get("count").getAsInt());
  }

  @Test
  void pageIsServedWithoutThirdParties() throws Exception {
    HttpResponse<String> res = get("/");
    assertEquals(200, res.statusCode());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(res.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    // The quick exit's destination is the one address of another site, and only a link: nothing is loaded from it.
    String page = res.body().replace("href=\"" + SiteSettings.DEFAULT_EXIT_URL + "\" rel=\"noreferrer\"", "")
        .replace("content=\"" + SiteSettings.DEFAULT_EXIT_URL + "\"", "");
    assertFalse(page.contains("http://") || page.contains("https://"), "no other absolute URLs in the page");
    assertTrue(res.headers().allValues("Set-Cookie").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/widget.js", "/widget.css", "/js/finder.js", "/texts/uk.json"})
  void widgetFilesHaveAStrongETagACacheLifetimeAndCors(String path) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("Origin", "https://partner.example").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode());
    String etag = res.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag); // strong: no W/ prefix
    assertEquals("public, max-age=3600", res.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("cross-origin", res.headers().firstValue("Cross-Origin-Resource-Policy").orElseThrow());
    HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
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

  @Test
  void apiErrorsAndPreflightsCarryCors() throws Exception {
    for (String path : List.of("/api/search?page=0", "/api/nothing-here", "/api/search?q=" + "x".repeat(10_000))) {
      HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
          .header("Origin", "https://partner.example").build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(res.statusCode() >= 400 && res.statusCode() < 500, path);
      assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path.substring(0, Math.min(path.length(), 20)));
    }
    HttpResponse<String> preflight = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://partner.example")
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("GET, POST, OPTIONS", preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
    assertEquals("Content-Type", preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
    assertEquals("600", preflight.headers().firstValue("Access-Control-Max-Age").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nothing.js", "/js", "/vocabulary.json", "/web/index.html", "/../pom.xml", "/.hidden.js"})
  void onlyFilesOfTheWebFolderAreServed(String path) throws Exception {
    try (Socket socket = new Socket("localhost", server.port())) { // raw, so that ".." reaches the server as written
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 404 ") || response.startsWith("HTTP/1.1 400 "), response);
      assertFalse(response.contains("\"population\""), "vocabulary served");
    }
  }

  @Test
  void textFilesAreGzippedForClientsThatAcceptItUnderTheirOwnETag() throws Exception {
    HttpResponse<byte[]> plain = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/js/finder.js")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> gzip = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/js/finder.js"))
        .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
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
  void aPracticeInRussianIsItsTranslationAndSaysSo() throws Exception {
    JsonObject en = json(get("/api/practices/UA-4"), 200);
    JsonObject ru = json(get("/api/practices/UA-4?lang=ru"), 200);
    assertEquals("en", en.get("language").getAsString());
    assertFalse(en.has("translation"));
    assertEquals("ru", ru.get("language").getAsString());
    assertEquals("Вовлечение полиции в качестве проводника социальных изменений", ru.get("title").getAsString());
    JsonObject t = ru.getAsJsonObject("translation");
    assertEquals("en", t.get("from").getAsString());
    assertEquals("/api/practices/UA-4?lang=en", t.get("original").getAsString());
    assertEquals("Перевод английского оригинала руководства", t.get("note").getAsString());
    // the same shape: the same sections, as many steps, the same header fields
    assertEquals(en.getAsJsonObject("sections").keySet(), ru.getAsJsonObject("sections").keySet());
    assertEquals(en.getAsJsonObject("sections").getAsJsonArray("steps").size(), ru.getAsJsonObject("sections").getAsJsonArray("steps").size());
    for (String key : List.of("id", "country", "locations", "facets")) assertEquals(en.get(key).isJsonNull(), ru.get(key).isJsonNull(), key);
    assertEquals(en.get("locations"), ru.get("locations"));
    assertTrue(ru.getAsJsonObject("sections").get("action").getAsString().contains("полици"));
    // the evidence of a tag is the translation's sentence naming it
    assertTrue(ru.getAsJsonObject("evidence").get("police").getAsString().matches("(?s).*[Пп]олици.*"), ru.getAsJsonObject("evidence").toString());
    // the original is one request away
    assertEquals(en, json(get(ru.getAsJsonObject("translation").get("original").getAsString()), 200));
  }

  @Test
  void summariesHitsAndRecommendationsAreTranslatedToo() throws Exception {
    JsonObject list = json(get("/api/practices?lang=uk"), 200);
    JsonObject first = list.getAsJsonArray("practices").get(0).getAsJsonObject();
    assertEquals("uk", first.get("language").getAsString());
    assertEquals("en", first.getAsJsonObject("translation").get("from").getAsString());
    JsonObject hits = json(get("/api/search?q=police&lang=uk"), 200);
    JsonObject hit = hits.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("Залучення поліції як провідника соціальних змін", hit.get("title").getAsString());
    // an English word is not in the Ukrainian text: the topic it names says why, in Ukrainian
    JsonObject topic = hit.getAsJsonArray("topics").get(0).getAsJsonObject();
    assertEquals("police", topic.get("id").getAsString());
    assertTrue(topic.get("evidence").getAsString().matches("(?s).*[Пп]оліці.*|.*правоохорон.*"), topic.toString());
    JsonObject native_ = json(get("/api/search?q=" + q("поліція") + "&lang=uk"), 200).getAsJsonArray("hits").get(0).getAsJsonObject();
    assertTrue(native_.getAsJsonArray("snippets").toString().contains("<mark>поліці"), native_.toString());
    JsonObject rec = json(post("/api/recommend", "{\"challenge\": \"Нам нужен кризисный приют для женщин\", \"lang\": \"ru\", \"size\": 1}"), 200);
    JsonObject r = rec.getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals("RU-1", r.get("id").getAsString());
    assertEquals("ru", r.get("language").getAsString());
    assertTrue(r.get("why").getAsString().contains("(вы написали «приют»)"), r.get("why").getAsString());
    assertEquals("[\"кризисный\",\"приют\"]", r.getAsJsonObject("evidence").get("words").toString());
  }

  @Test
  void aTypingErrorGetsDidYouMean() throws Exception {
    JsonObject o = json(get("/api/search?q=polise"), 200);
    assertEquals("polise", o.get("query").getAsString());
    assertEquals("police", o.get("didYouMean").getAsString());
    assertEquals(6, o.get("total").getAsInt());
    assertFalse(json(get("/api/search?q=police"), 200).has("didYouMean"));
    JsonObject rec = json(post("/api/recommend", "{\"challenge\": \"outreech in saunas\"}"), 200);
    assertEquals("outreach in saunas", rec.get("didYouMean").getAsString());
  }
}
