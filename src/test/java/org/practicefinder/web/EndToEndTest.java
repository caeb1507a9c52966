package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.model.Section;
import org.practicefinder.recommend.Recommender;

/**
 * The whole product end to end: the real manual in {@code seeds/}, indexed with the real embedding
 * model, served over HTTP. Challenges written for this test.
 */
class EndToEndTest {
  private static ApiServer server;
  private static PracticeLibrary library;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    library = TestLibrary.real();
    server = TestLibrary.startServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject get(String pathAndQuery) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static JsonObject recommend(String challenge, int size) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/recommend"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": " + new Gson().toJson(challenge) + ", \"size\": " + size + "}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static List<String> ids(JsonArray hits) {
    return StreamSupport.stream(hits.spliterator(), false).map(h -> h.getAsJsonObject().get("id").getAsString()).toList();
  }

  @Test
  void theManualsThirtyNinePractices() throws Exception {
    assertEquals(39, get("/api/health").get("practices").getAsInt());
    List<String> all = ids(get("/api/practices").getAsJsonArray("practices"));
    assertEquals(39, all.size());
    assertEquals("UA-1", all.get(0));
    assertEquals("RU-18", all.get(38));
    JsonObject russia = get("/api/search?country=Russia&page=2&size=15");
    assertEquals(20, russia.get("total").getAsInt());
    assertEquals(List.of("RU-14", "RU-15", "RU-16", "RU-17", "RU-18"), ids(russia.getAsJsonArray("hits")));
  }

  @Test
  void onePracticeWithAllItsSections() throws Exception {
    JsonObject p = get("/api/practices/UA-4");
    assertEquals("Involve police as agents of social changes", p.get("title").getAsString());
    assertEquals("http://www.victoriya.km.ua", p.get("url").getAsString());
    JsonObject sections = p.getAsJsonObject("sections");
    assertTrue(sections.get("challenge").getAsString().startsWith("Law enforcement officials need to be sensitised"));
    assertEquals(4, sections.getAsJsonArray("steps").size());
    assertEquals(2, sections.getAsJsonArray("lessons").size());
  }

  @Test
  void searchFindsThePolicePracticesByWordAndByConcept() throws Exception {
    JsonObject police = get("/api/search?q=police");
    assertEquals(List.of("UA-4", "UA-5b", "RU-14", "RU-8", "UA-7", "RU-2b"), ids(police.getAsJsonArray("hits")));
    assertEquals(6, get("/api/search?q=militia").get("total").getAsInt()); // no word of the manual: the police concept
    assertEquals(List.of("UA-4", "UA-5b", "RU-14", "UA-7", "RU-2b"), ids(get("/api/search?q=police+-saunas").getAsJsonArray("hits")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Our team wants to set up a phone service that sex workers can ring for advice | RU-3",
      "Sex workers who are pregnant are treated badly by gynaecologists | RU-18",
      "Men who sell sex online never come to our clinic | RU-5",
      "Мигрантки без документов не могут попасть к врачу | RU-6",
      "Як підтримати трансгендерних жінок, які надають сексуальні послуги? | UA-14b"})
  void challengesInThreeLanguagesFindThePracticeThatAnswersThem(String challenge, String expected) throws Exception {
    JsonObject o = recommend(challenge, 3);
    assertEquals(expected, ids(o.getAsJsonArray("results")).get(0), o.toString());
    JsonObject first = o.getAsJsonArray("results").get(0).getAsJsonObject();
    assertFalse(first.get("why").getAsString().isBlank());
  }

  @Test
  void aSearchHitFoundThroughATopicCarriesTheSentenceThatGaveItTheTag() throws Exception {
    JsonObject o = get("/api/search?q=condoms&size=100");
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
    assertEquals(0, get("/api/search?q=Lilith").getAsJsonArray("hits").get(0).getAsJsonObject()
        .getAsJsonArray("topics").size(), "no topic named, none listed");
  }

  @Test
  void recommendationsSayHowStrongTheyAre() throws Exception {
    JsonObject first = recommend("Women working in saunas are afraid of raids and do not come to the clinic", 10)
        .getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals("RU-8", first.get("id").getAsString());
    assertEquals("strong", first.get("strength").getAsString());
    assertEquals("Where: Saunas and massage parlours — you mentioned “saunas”; Works with: Police and law enforcement — you mentioned “raids”;"
        + " For: Female sex workers — you mentioned “Women”", first.get("why").getAsString());
    for (var r : recommend("Our landlord raised the rent and we cannot pay it", 10).getAsJsonArray("results")) {
      assertEquals("related", r.getAsJsonObject().get("strength").getAsString(), "no topic of the challenge is named: " + r);
    }
    assertFalse(get("/api/practices/RU-8/similar").getAsJsonArray("results").get(0).getAsJsonObject().has("strength"),
        "similar practices answer no challenge");
  }

  @Test
  void aChallengeOfTheLongestLengthIsAnswered() throws Exception {
    String action = library.record("RU-8").orElseThrow().practice().text(Section.ACTION).orElseThrow();
    String challenge = (action + " " + action + " " + action).substring(0, Recommender.MAX_CHALLENGE_CHARS);
    assertEquals("RU-8", ids(recommend(challenge, 3).getAsJsonArray("results")).get(0));
  }

  @Test
  void similarPracticesComeFromTheSameKindOfWork() throws Exception {
    List<String> similar = ids(get("/api/practices/RU-11a/similar").getAsJsonArray("results"));
    assertEquals(5, similar.size());
    assertEquals("RU-11b", similar.get(0)); // the same organisation's other practice for men
    assertFalse(similar.contains("RU-11a"));
  }

  @Test
  void everyPlaceIsNamedInRussianAndUkrainian() throws Exception {
    JsonObject uk = get("/api/facets?lang=uk").getAsJsonObject("facets");
    Map<String, String> labels = new HashMap<>();
    uk.getAsJsonArray("location").forEach(v -> labels.put(v.getAsJsonObject().get("id").getAsString(), v.getAsJsonObject().get("label").getAsString()));
    assertEquals("Київ", labels.get("Kyiv"));
    assertEquals("Набережні Челни", labels.get("Naberezhnye Chelny"));
    for (String place : library.values("location")) {
      for (var l : org.practicefinder.taxonomy.Language.values()) {
        assertTrue(org.practicefinder.i18n.Texts.of(l).find(org.practicefinder.i18n.Texts.placeKey(place)).isPresent(), place + " has no name in " + l);
      }
    }
    assertEquals(8, uk.getAsJsonArray("location").get(0).getAsJsonObject().get("count").getAsInt()); // Saint Petersburg
  }

  @Test
  void aLongCyrillicChallengeByGetIsAnswered() throws Exception {
    String challenge = "Поліція затримує секс-працівниць на вулиці вночі. ".repeat(40).substring(0, 2000);
    JsonObject o = get("/api/recommend?size=3&q=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8));
    assertEquals(challenge, o.get("challenge").getAsString());
    assertTrue(ids(o.getAsJsonArray("concepts")).contains("police"));
  }
}
