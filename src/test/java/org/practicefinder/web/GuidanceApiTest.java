package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicefinder.TestLibrary;

/** The manual's guidance and the open data over HTTP, on the real manual (guidance exists only there). */
class GuidanceApiTest {
  private static ApiServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestLibrary.startServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String pathAndQuery) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonObject get(String pathAndQuery) throws Exception {
    HttpResponse<String> res = send(pathAndQuery);
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static List<String> ids(JsonArray a) {
    return StreamSupport.stream(a.spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void listsEveryEntryOrOneKindInManualOrder() throws Exception {
    JsonObject all = get("/api/guidance");
    assertEquals(71, all.get("total").getAsInt());
    assertEquals("aim-purpose", ids(all.getAsJsonArray("guidance")).get(0));
    JsonObject gaps = get("/api/guidance?kind=gap");
    assertEquals(List.of("gap-coverage", "gap-integration", "gap-undocumented-migrants", "gap-male-transgender",
        "gap-personal-safety", "gap-representation", "gap-stigma"), ids(gaps.getAsJsonArray("guidance")));
    assertEquals(List.of("element-sex-worker-led", "element-peer-support", "element-safer-sex", "element-counselling-testing",
        "element-harm-reduction", "element-personal-safety", "element-advocacy"),
        ids(get("/api/guidance?kind=key-element").getAsJsonArray("guidance")));
    assertEquals(6, get("/api/guidance?kind=outreach-method&lang=uk").get("total").getAsInt());
  }

  @Test
  void aGapWithItsPartsPracticesAndRussiaNote() throws Exception {
    JsonObject gap = get("/api/guidance/gap-undocumented-migrants");
    assertEquals("guidance", gap.get("type").getAsString());
    assertEquals("gap", gap.get("kind").getAsString());
    assertEquals("Lack of access for undocumented/uninsured (migrant) sex workers to health care services", gap.get("title").getAsString());
    assertTrue(gap.get("barrier").getAsString().startsWith("Being undocumented for most means not having the possibility"));
    assertTrue(gap.get("recommendation").getAsString().startsWith("Governments in their policies must address"));
    assertTrue(gap.get("example").getAsString().startsWith("The Russian ‘Botkin Hospital’ opened a drop-in centre"));
    assertTrue(gap.get("russiaNote").getAsString().startsWith("The legislation on migration"));
    JsonObject practice = gap.getAsJsonArray("practices").get(0).getAsJsonObject();
    assertEquals(1, gap.getAsJsonArray("practices").size());
    assertEquals("RU-6", practice.get("id").getAsString());
    assertEquals("Drop-in centre at Botkin Hospital", practice.get("title").getAsString());
    assertEquals("Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation",
        gap.getAsJsonObject("source").get("title").getAsString());

    JsonObject noBox = get("/api/guidance/gap-integration");
    assertFalse(noBox.has("russiaNote"));
    JsonObject principle = get("/api/guidance/principle-who-1");
    assertEquals("Adopt a non-judgemental attitude", principle.get("title").getAsString());
    assertFalse(principle.has("barrier"));
    assertFalse(principle.has("practices"));
  }

  @Test
  void aPracticeShowsItsKeyGaps() throws Exception {
    assertEquals(List.of("gap-undocumented-migrants"), ids(get("/api/practices/RU-6").getAsJsonArray("keyGaps")));
    JsonArray two = get("/api/practices/UA-5a").getAsJsonArray("keyGaps");
    assertEquals(List.of("gap-personal-safety", "gap-representation"), ids(two));
    assertTrue(two.get(0).getAsJsonObject().get("recommendation").getAsString().length() > 40);
    assertEquals(List.of(), ids(get("/api/practices/UA-1").getAsJsonArray("keyGaps")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/guidance?kind=gaps|400|unknown kind; known: [aim, principle, component, background, outreach-method, key-element, gap]",
      "/api/guidance?lang=de|400|lang must be en, ru or uk",
      "/api/guidance?size=3|400|",
      "/api/guidance/gap-nothing|404|no guidance entry with that id",
      "/api/guidance/gap-coverage?kind=gap|400|",
      "/api/practices.csv?q=police|400|",
      "/api/practices.json?lang=ru|400|"})
  void badRequestsAreJsonErrors(String path, int status, String error) throws Exception {
    HttpResponse<String> res = send(path);
    assertEquals(status, res.statusCode(), res.body());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    String message = JsonParser.parseString(res.body()).getAsJsonObject().get("error").getAsString();
    if (error != null) assertEquals(error, message);
  }

  @Test
  void guidanceIsSearchableBesidePractices() throws Exception {
    JsonObject result = get("/api/search?q=" + q("insurance deported"));
    JsonObject guidance = result.getAsJsonObject("guidance");
    JsonObject first = guidance.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("guidance", first.get("type").getAsString());
    assertEquals("gap-undocumented-migrants", first.get("id").getAsString());
    assertEquals("Evidence shows that undocumented migrants have been <mark>deported</mark> when they became aware of their HIV "
        + "positive status.", first.get("snippet").getAsString()); // the best passage: the rarer word, in the Russia note
    for (var hit : result.getAsJsonArray("hits")) assertEquals("practice", hit.getAsJsonObject().get("type").getAsString());
    assertTrue(result.has("facets") && result.has("concepts") && result.has("total")); // the page's and the widget's fields stay

    JsonObject all = get("/api/guidance?q=" + q("insurance deported"));
    assertEquals(guidance.get("total").getAsInt(), all.get("total").getAsInt());
    // the word, then the topic it names (migrants) in another gap
    assertEquals(List.of("gap-undocumented-migrants", "gap-representation"),
        ids(get("/api/guidance?kind=gap&q=deported").getAsJsonArray("hits")));
    assertEquals(0, get("/api/search?q=").getAsJsonObject("guidance").get("total").getAsInt());
  }

  @Test
  void recommendReturnsTheMatchingGapWithItsRecommendationAndPractices() throws Exception {
    String body = "{\"challenge\": " + new Gson().toJson("Women who came from abroad and have no papers are sent away "
        + "from the hospital because they are not insured") + ", \"size\": 5}";
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    JsonObject o = JsonParser.parseString(res.body()).getAsJsonObject();
    JsonArray guidance = o.getAsJsonArray("guidance");
    assertEquals(List.of("gap-undocumented-migrants"), ids(guidance));
    JsonObject gap = guidance.get(0).getAsJsonObject();
    assertEquals("guidance", gap.get("type").getAsString());
    assertTrue(gap.get("recommendation").getAsString().startsWith("Governments in their policies"));
    assertEquals(List.of("RU-6"), ids(gap.getAsJsonArray("practices")));
    assertEquals(List.of("migrants", "health-professionals"), ids(gap.getAsJsonArray("sharedConcepts")));
    assertEquals("RU-6", ids(o.getAsJsonArray("results")).get(0));
  }

  @Test
  void inRussianAndUkrainianTheGuidanceIsServedTranslatedAndSaysSo() throws Exception {
    JsonObject uk = get("/api/guidance/gap-undocumented-migrants?lang=uk");
    assertEquals("uk", uk.get("language").getAsString());
    assertTrue(uk.get("title").getAsString().startsWith("Брак доступу до медичних послуг для секс-працівників"), uk.toString());
    assertEquals("Ключові прогалини", uk.get("section").getAsString());
    assertTrue(uk.get("recommendation").getAsString().startsWith("Уряди у своїй політиці мають враховувати"));
    assertTrue(uk.get("russiaNote").getAsString().startsWith("Міграційне законодавство Російської Федерації"));
    JsonObject marker = uk.getAsJsonObject("translation");
    assertEquals("en", marker.get("from").getAsString());
    assertEquals("/api/guidance/gap-undocumented-migrants?lang=en", marker.get("original").getAsString());
    assertFalse(marker.get("note").getAsString().isBlank());
    JsonObject practice = uk.getAsJsonArray("practices").get(0).getAsJsonObject();
    assertEquals("uk", practice.get("language").getAsString());
    assertFalse(practice.get("title").getAsString().equals("Drop-in centre at Botkin Hospital"), "the practice's title in Ukrainian");
    JsonObject en = get("/api/guidance/gap-undocumented-migrants");
    assertEquals("en", en.get("language").getAsString());
    assertFalse(en.has("translation"));

    JsonObject ruGap = get("/api/practices/RU-6?lang=ru").getAsJsonArray("keyGaps").get(0).getAsJsonObject();
    assertEquals("ru", ruGap.get("language").getAsString());
    assertTrue(ruGap.get("recommendation").getAsString().startsWith("Правительства"), ruGap.toString());

    // found by its Ukrainian words, with the passage in Ukrainian
    JsonObject hits = get("/api/guidance?lang=uk&kind=gap&q=" + q("депортували"));
    JsonObject hit = hits.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("gap-undocumented-migrants", hit.get("id").getAsString());
    assertTrue(hit.get("snippet").getAsString().contains("<mark>депортували</mark>"), hit.toString());
  }

  @Test
  void aRussianChallengeBringsTheGapInRussian() throws Exception {
    String body = "{\"challenge\": " + new Gson().toJson("Мигрантов без документов не лечат в больнице") + ", \"lang\": \"ru\"}";
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    JsonObject gap = JsonParser.parseString(res.body()).getAsJsonObject().getAsJsonArray("guidance").get(0).getAsJsonObject();
    assertEquals("gap-undocumented-migrants", gap.get("id").getAsString());
    assertEquals("ru", gap.get("language").getAsString());
    assertEquals(List.of("Мигрантов", "документов", "больнице"),
        StreamSupport.stream(gap.getAsJsonArray("words").spliterator(), false).map(e -> e.getAsString()).toList());
    assertEquals("Мигранты и мобильные секс-работники",
        gap.getAsJsonArray("sharedConcepts").get(0).getAsJsonObject().get("label").getAsString());
  }

  @Test
  void theWholeLibraryDownloadsAsJsonAndCsvWithCitations() throws Exception {
    HttpResponse<String> json = send("/api/practices.json");
    assertEquals(200, json.statusCode());
    assertEquals("attachment; filename=\"practices.json\"", json.headers().firstValue("Content-Disposition").orElseThrow());
    JsonArray practices = JsonParser.parseString(json.body()).getAsJsonArray();
    assertEquals(39, practices.size());
    JsonObject source = practices.get(38).getAsJsonObject().getAsJsonObject("source");
    assertEquals("Collection of Good Practices, Russia, practice 18", source.get("section").getAsString());
    assertEquals(2013, source.get("year").getAsInt());

    HttpResponse<String> csv = send("/api/practices.csv");
    assertEquals(200, csv.statusCode());
    assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("attachment; filename=\"practices.csv\"", csv.headers().firstValue("Content-Disposition").orElseThrow());
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    assertEquals(39, rows.size());
    CSVRecord ru6 = rows.stream().filter(r -> r.get("id").equals("RU-6")).findFirst().orElseThrow();
    assertEquals("Russia", ru6.get("country"));
    assertTrue(List.of(ru6.get("population").split(";")).contains("migrants"), ru6.get("population"));
    assertEquals("Collection of Good Practices, Russia, practice 6", ru6.get("source_section"));
    assertEquals("TAMPEP International Foundation for the CONECTA project", ru6.get("source_publisher"));
  }
}
