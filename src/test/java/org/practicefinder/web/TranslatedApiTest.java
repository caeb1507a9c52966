package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicefinder.TestLibrary;

/** The API in Russian and Ukrainian on the real manual and its translations, over real HTTP. */
class TranslatedApiTest {
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
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

  @Test
  void spellOffSearchesForExactlyWhatWasTyped() throws Exception {
    JsonObject exact = json(get("/api/search?q=polise&spell=off"), 200);
    assertEquals("polise", exact.get("query").getAsString());
    assertFalse(exact.has("didYouMean"));
    assertEquals(0, exact.get("total").getAsInt());
    assertEquals(6, json(get("/api/search?q=polise&spell=on"), 200).get("total").getAsInt());
    // the same challenge within the recommendations' ten-second cache: each answer for its own request
    String typed = "{\"challenge\": \"outreech in saunas\", \"size\": 5";
    JsonObject corrected = json(post("/api/recommend", typed + "}"), 200);
    JsonObject asTyped = json(post("/api/recommend", typed + ", \"spell\": \"off\"}"), 200);
    assertEquals("outreach in saunas", corrected.get("didYouMean").getAsString());
    assertFalse(asTyped.has("didYouMean"));
    assertEquals("outreech in saunas", asTyped.get("challenge").getAsString());
    assertFalse(json(get("/api/recommend?q=" + q("outreech in saunas") + "&spell=off"), 200).has("didYouMean"));
    assertFalse(json(post("/api/recommend", typed + ", \"spell\": false}"), 200).has("didYouMean"));
    assertEquals("{\"error\":\"spell must be on or off\"}", get("/api/search?q=polise&spell=maybe").body());
    assertEquals(400, get("/api/search?q=polise&spell=maybe").statusCode());
  }
}
