package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicefinder.web.Browser.js;
import static org.practicefinder.web.Browser.waitFor;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * The page in the reader's language, in Debian's chromium, against the real manual and its translations:
 * a translated practice says so and has its English original one click away, and back; what a typed
 * text was read as, and the text as typed one click away; a Russian challenge's reasons and evidence.
 * A server of the fixture library, which has no translations, shows a practice that is not translated.
 */
class ReaderLanguageBrowserTest {
  /** Challenges of this test's own, in Russian: one as typed, one with a typing error. */
  private static final String CHALLENGE_RU = "Полиция устраивает облавы в саунах, и девушки боятся ходить в клинику";
  private static final String TYPO_CHALLENGE_RU = "Клиенты отказываются от презирвативов, а девушки не могут настоять";

  private static ApiServer server;
  private static ApiServer fixtureServer;
  private static ChromeDriver driver;
  private static String host;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestLibrary.startServer();
    host = "http://localhost:" + server.port();
    PracticeLibrary fixture = TestLibrary.fixture();
    ConceptDetector detector = new ConceptDetector(fixture.vocabulary());
    fixtureServer = new ApiServer(fixture, new PracticeSearcher(fixture, detector),
        Recommender.create(fixture, detector, TestLibrary.fixtureEmbedder()), ServerConfig.defaults(0));
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) driver.quit();
    if (server != null) server.close();
    if (fixtureServer != null) fixtureServer.close();
  }

  private static JsonObject get(String url) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static JsonObject recommend(String json) throws Exception {
    HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create(host + "/api/recommend")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static JsonObject texts(String lang) {
    try {
      return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String lang, String key) {
    return texts(lang).get(key).getAsString();
  }

  private static List<String> ids(JsonElement array) {
    return StreamSupport.stream(array.getAsJsonArray().spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
  }

  private static List<String> cardIds() {
    return driver.findElements(By.cssSelector("#results-list .card-title a")).stream().map(a -> a.getAttribute("data-id")).toList();
  }

  /** The languages of the practice's own text as the page marks them (similar practices and key gaps, other entries, left out). */
  @SuppressWarnings("unchecked")
  private static Set<String> textLanguages() {
    // Citations name the manual, which is English, and say so (UsabilityBrowserTest).
    return Set.copyOf((List<String>) js(driver, "return Array.from(document.querySelectorAll('#practice [lang]'))"
        + ".filter(e => !e.closest('#similar, .key-gaps, .cite-panel, .print-info')).map(e => e.lang)"));
  }

  /** Loads {@code url} as a new document: nothing of an earlier test stays in the page's memory. */
  private static void open(String url) {
    driver.get("about:blank");
    driver.get(url);
  }

  private static String focusedId() {
    return (String) js(driver, "return document.activeElement.id");
  }

  /** Clicks an element once it is in the middle of the screen, clear of the sticky safety bar. */
  private static void click(By by) {
    WebElement element = driver.findElement(by);
    js(driver, "arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private static String citation() {
    if (!"true".equals(driver.findElement(By.cssSelector(".practice-tools .cite")).getAttribute("aria-expanded"))) click(By.cssSelector(".practice-tools .cite"));
    return driver.findElement(By.id("cite-practice")).getText();
  }

  @Test
  void inUkrainianATranslatedPracticeSaysSoAndItsEnglishOriginalIsOneClickAwayAndBack() throws Exception {
    readTranslationThenOriginal("uk", "UA-4", true);
  }

  @Test
  void inRussianToo() throws Exception {
    readTranslationThenOriginal("ru", "RU-8", false);
  }

  private static void readTranslationThenOriginal(String lang, String id, boolean screenshots) throws Exception {
    JsonObject translated = get(host + "/api/practices/" + id + "?lang=" + lang);
    assertEquals("en", translated.getAsJsonObject("translation").get("from").getAsString());
    JsonObject original = get(host + translated.getAsJsonObject("translation").get("original").getAsString());
    assertFalse(translated.get("title").getAsString().equals(original.get("title").getAsString()));

    open(host + "/?lang=" + lang + "#/practice/" + id);
    waitFor(driver, "const h = document.getElementById('practice-title'); return h && h.textContent === arguments[0]"
        + " && document.querySelector('#similar .similar-list')", translated.get("title").getAsString());
    assertEquals(lang, js(driver, "return document.documentElement.lang"));
    assertEquals(Set.of(lang), textLanguages(), "title, organisation, sections, notes and the tags' sentences are marked " + lang);
    assertEquals(text(lang, "translatedFromEnglish") + " " + text(lang, "readEnglishOriginal"),
        driver.findElement(By.cssSelector(".translation-note")).getText());
    assertEquals(paragraphs(translated.getAsJsonObject("sections").get("action").getAsString()),
        driver.findElement(By.cssSelector(".section-action div")).getText());
    if (screenshots) { // what a phone shows first
      Browser.resize(driver, 375, 812);
      Browser.viewport(driver, "page-practice-translated-" + lang + "-phone");
      Browser.resize(driver, 1280, 900);
    }
    String citation = citation();
    assertTrue(citation.startsWith(translated.get("organisation").getAsString() + ". «" + translated.get("title").getAsString() + "» ("),
        citation);
    assertTrue(citation.contains(" " + id + text(lang, "citeTranslated") + ")."), citation);
    click(By.cssSelector(".tags .chip-why"));
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), "translated practice, " + lang);
    if (screenshots) {
      Browser.screenshot(driver, "page-practice-translated-" + lang + "-1280", 1280);
      Browser.screenshot(driver, "page-practice-translated-" + lang + "-375", 375);
    }

    click(By.id("translation-toggle"));
    waitFor(driver, "return document.getElementById('practice-title').textContent === arguments[0]", original.get("title").getAsString());
    assertEquals(Set.of("en"), textLanguages(), "the original's blocks are marked English");
    assertEquals(lang, js(driver, "return document.documentElement.lang"), "the interface keeps the page's language");
    assertEquals(text(lang, "section_action"), driver.findElement(By.cssSelector(".section-action h3")).getText());
    assertEquals(text(lang, "originalShown") + " " + text(lang, "readTranslation"), driver.findElement(By.cssSelector(".translation-note")).getText());
    assertEquals("translation-toggle", focusedId(), "focus stays on the control");
    assertEquals(paragraphs(original.getAsJsonObject("sections").get("action").getAsString()),
        driver.findElement(By.cssSelector(".section-action div")).getText());
    assertEquals(original.get("organisation").getAsString(), driver.findElement(By.cssSelector(".facts .fact dd span")).getText());
    citation = citation();
    assertTrue(citation.startsWith(original.get("organisation").getAsString() + ". «" + original.get("title").getAsString() + "» ("), citation);
    assertFalse(citation.contains(text(lang, "citeTranslated") + ")"), citation);
    click(By.cssSelector(".tags .chip-why"));
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), "English original, " + lang);

    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertTrue(driver.findElement(By.cssSelector(".print-info")).getText().contains("«" + original.get("title").getAsString() + "»"));
      assertTrue(driver.findElement(By.cssSelector(".translation-note")).isDisplayed(), "paper says which text it is");
      assertFalse(driver.findElement(By.id("translation-toggle")).isDisplayed(), "but has no button");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    click(By.id("translation-toggle"));
    waitFor(driver, "return document.getElementById('practice-title').textContent === arguments[0]", translated.get("title").getAsString());
    assertEquals(Set.of(lang), textLanguages());
    assertEquals("translation-toggle", focusedId());
    assertEquals(1L, js(driver, "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/practices/' + arguments[0] + '?lang=en')).length", id),
        "the original is fetched once");
  }

  /** A prose section as the page shows it: one paragraph a line. */
  private static String paragraphs(String prose) {
    return Arrays.stream(prose.split("\\n\\s*\\n")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.joining("\n"));
  }

  @Test
  void aPracticeWithoutATranslationSaysSoInTheReadersLanguage() throws Exception {
    String fixtureHost = "http://localhost:" + fixtureServer.port();
    JsonObject first = get(fixtureHost + "/api/practices?lang=ru").getAsJsonArray("practices").get(0).getAsJsonObject();
    assertEquals("en", first.get("language").getAsString());
    assertFalse(first.has("translation"));
    String id = first.get("id").getAsString();

    open(fixtureHost + "/?lang=ru#/search");
    waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length > 0");
    WebElement card = driver.findElement(By.cssSelector("#results-list .card"));
    assertEquals(text("ru", "notTranslatedShort"), card.findElement(By.cssSelector(".card-meta .not-translated")).getText());
    assertEquals("en", card.findElement(By.cssSelector(".card-title a span")).getAttribute("lang"));

    open(fixtureHost + "/?lang=ru#/practice/" + id);
    waitFor(driver, "const h = document.getElementById('practice-title'); return h && h.textContent === arguments[0]", first.get("title").getAsString());
    assertEquals(text("ru", "notTranslated"), driver.findElement(By.cssSelector(".translation-note")).getText());
    assertEquals(0, driver.findElements(By.id("translation-toggle")).size());
    assertEquals(Set.of("en"), textLanguages());
    assertEquals(List.of(), Browser.axeViolations(driver, "document"));
  }

  @Test
  void aSearchWithATypoSaysWhatItShowsAndTheTypedWordIsOneClickAway() throws Exception {
    String typo = "презирвативы";
    String q = URLEncoder.encode(typo, StandardCharsets.UTF_8);
    JsonObject corrected = get(host + "/api/search?q=" + q + "&lang=ru");
    String meant = corrected.get("didYouMean").getAsString();
    assertEquals("презервативы", meant);
    JsonObject exact = get(host + "/api/search?q=" + q + "&lang=ru&spell=off");
    assertFalse(exact.has("didYouMean"));

    open(host + "/?lang=ru#/search?q=" + q);
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false' && !document.getElementById('spelling').hidden");
    assertEquals(text("ru", "spellingShown").replace("{text}", meant) + " " + text("ru", "spellingAsTyped").replace("{typed}", typo),
        driver.findElement(By.id("spelling")).getText());
    assertEquals(ids(corrected.get("hits")), cardIds());
    assertTrue(driver.findElement(By.id("results-count")).getText().endsWith("«" + meant + "»"));

    click(By.cssSelector("#spelling a"));
    waitFor(driver, "return location.hash === arguments[0] && document.getElementById('results').getAttribute('aria-busy') === 'false'",
        "#/search?q=" + q + "&spell=off");
    assertEquals(text("ru", "spellingExact").replace("{typed}", typo) + " " + text("ru", "spellingCorrect").replace("{text}", meant),
        driver.findElement(By.id("spelling")).getText());
    assertEquals(exact.get("total").getAsInt(), cardIds().size());
    assertEquals("A", js(driver, "return document.activeElement.closest('#spelling') && document.activeElement.tagName"),
        "focus on the control that reads it the other way");
    assertEquals(List.of(), Browser.axeViolations(driver, "document"));

    click(By.cssSelector("#spelling a"));
    waitFor(driver, "return location.hash === arguments[0] && document.getElementById('results').getAttribute('aria-busy') === 'false'",
        "#/search?q=" + q);
    assertEquals(ids(corrected.get("hits")), cardIds());
  }

  @Test
  void aRussianChallengeWithATypoSaysHowItWasReadAndCanBeTakenAsTyped() throws Exception {
    JsonObject corrected = recommend("{\"challenge\": " + new Gson().toJson(TYPO_CHALLENGE_RU) + ", \"lang\": \"ru\"}");
    JsonObject exact = recommend("{\"challenge\": " + new Gson().toJson(TYPO_CHALLENGE_RU) + ", \"lang\": \"ru\", \"spell\": \"off\"}");
    assertEquals(TYPO_CHALLENGE_RU.replace("презирвативов", "презервативов"), corrected.get("didYouMean").getAsString());
    assertFalse(ids(corrected.get("results")).equals(ids(exact.get("results"))));

    describe("ru", TYPO_CHALLENGE_RU);
    assertEquals(ids(corrected.get("results")), cardIds());
    String read = text("ru", "spellingRead").replace("{typed}", "презирвативов").replace("{text}", "презервативов");
    assertEquals(read + " " + text("ru", "spellingAsTyped").replace("{typed}", "презирвативов"), driver.findElement(By.id("spelling")).getText());

    click(By.cssSelector("#spelling button"));
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'"
        + " && document.getElementById('spelling').textContent.startsWith(arguments[0])",
        text("ru", "spellingExact").replace("{typed}", "презирвативов"));
    assertEquals(ids(exact.get("results")), cardIds());
    assertEquals("BUTTON", js(driver, "return document.activeElement.closest('#spelling') && document.activeElement.tagName"));
    assertEquals(host + "/?lang=ru#/challenge", driver.getCurrentUrl(), "the challenge stays out of the address");

    click(By.cssSelector("#spelling button"));
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'"
        + " && document.getElementById('spelling').textContent.startsWith(arguments[0])", read);
    assertEquals(ids(corrected.get("results")), cardIds());
  }

  @Test
  void aRussianChallengesResultsGiveRussianReasonsAndEvidenceInTheirLanguage() throws Exception {
    JsonObject expected = recommend("{\"challenge\": " + new Gson().toJson(CHALLENGE_RU) + ", \"lang\": \"ru\"}");
    assertFalse(expected.has("didYouMean"));
    describe("ru", CHALLENGE_RU);
    assertEquals(ids(expected.get("results")), cardIds());
    assertTrue(driver.findElement(By.id("spelling")).getAttribute("hidden") != null);
    if (driver.findElement(By.id("more-results")).isDisplayed()) click(By.cssSelector("#more-results button"));

    List<WebElement> cards = driver.findElements(By.cssSelector("#results-list .card"));
    int wordsShown = 0;
    for (int i = 0; i < cards.size(); i++) {
      JsonObject result = expected.getAsJsonArray("results").get(i).getAsJsonObject();
      WebElement card = cards.get(i);
      String id = result.get("id").getAsString();
      assertEquals("ru", result.get("language").getAsString(), id);
      assertEquals("ru", card.findElement(By.cssSelector(".card-title a span")).getAttribute("lang"), id);
      assertEquals(result.get("title").getAsString(), card.findElement(By.cssSelector(".card-title a")).getText(), id);
      // the reason's parts, in Russian
      List<String> why = Arrays.asList(result.get("why").getAsString().split("; "));
      assertTrue(result.get("why").getAsString().matches("[^A-Za-z]*\\p{IsCyrillic}[^A-Za-z]*"), result.get("why").getAsString());
      assertEquals(why, card.findElements(By.cssSelector(".why-list li")).stream().map(WebElement::getText).toList(), id);
      // the evidence sentence of the Russian text, marked Russian, its matching terms highlighted
      JsonObject evidence = result.getAsJsonObject("evidence");
      WebElement sentence = card.findElement(By.cssSelector(".evidence .snippet"));
      assertEquals("ru", sentence.getAttribute("lang"), id);
      assertEquals(plain(evidence.get("html").getAsString()), sentence.getText(), id);
      List<String> terms = StreamSupport.stream(evidence.getAsJsonArray("terms").spliterator(), false).map(JsonElement::getAsString).toList();
      for (WebElement mark : sentence.findElements(By.tagName("mark"))) assertTrue(terms.contains(mark.getText()), id + ": " + mark.getText());
      // the person's own words, in the caption, only where no highlighted term shows them
      List<String> words = StreamSupport.stream(evidence.getAsJsonArray("words").spliterator(), false).map(JsonElement::getAsString).toList();
      List<String> shown = card.findElements(By.cssSelector(".evidence .your-words mark")).stream().map(WebElement::getText).toList();
      assertTrue(words.containsAll(shown), id + ": " + shown + " of " + words);
      if ("RU-8".equals(id)) assertEquals(List.of(), shown, "«саунах» is plain in «сауны»");
      if ("UA-4".equals(id)) assertEquals(List.of("девушки"), shown, "«Полиция» is plain in «сотрудники полиции», «девушки» not in «секс-работниц»");
      wordsShown += shown.size();
    }
    assertTrue(wordsShown >= 5, "the person's words named in " + wordsShown + " captions");
    assertEquals(List.of(), Browser.axeViolations(driver, "document"));
    Browser.screenshot(driver, "page-challenge-reasons-ru-1280", 1280);
    Browser.screenshot(driver, "page-challenge-reasons-ru-375", 375);
  }

  @Test
  void searchHitsFoundThroughATopicShowItsSentenceInTheReadersLanguage() throws Exception {
    JsonObject expected = get(host + "/api/search?q=police&lang=uk");
    open(host + "/?lang=uk#/search?q=police");
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'"
        + " && document.querySelectorAll('#results-list .card:not(.skeleton)').length === arguments[0]", expected.get("total").getAsInt());
    int throughTopic = 0;
    for (WebElement card : driver.findElements(By.cssSelector("#results-list .card"))) {
      List<WebElement> evidence = card.findElements(By.cssSelector(".evidence .snippet"));
      if (evidence.isEmpty()) continue;
      String id = card.findElement(By.cssSelector(".card-title a")).getAttribute("data-id");
      JsonObject hit = StreamSupport.stream(expected.getAsJsonArray("hits").spliterator(), false).map(JsonElement::getAsJsonObject)
          .filter(h -> h.get("id").getAsString().equals(id)).findFirst().orElseThrow();
      String sentence = hit.getAsJsonArray("topics").get(0).getAsJsonObject().get("evidence").getAsString();
      assertTrue(sentence.matches("(?s).*\\p{IsCyrillic}.*"), sentence);
      assertEquals(sentence, evidence.get(0).getText());
      assertEquals("uk", evidence.get(0).getAttribute("lang"));
      throughTopic++;
    }
    assertEquals(expected.get("total").getAsInt(), throughTopic, "the English word is in no Ukrainian text: every hit says why through its topic");
  }

  /** Types {@code challenge} on the page in {@code lang} and waits for its results. */
  private static void describe(String lang, String challenge) {
    open(host + "/?lang=" + lang + "#/challenge");
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'");
    driver.findElement(By.id("challenge-input")).sendKeys(challenge, Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'"
        + " && document.querySelectorAll('#results-list .card .why').length > 0");
  }

  /** The text of an HTML snippet of the API (escaped, with <mark>). */
  private static String plain(String html) {
    return html.replaceAll("</?mark>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#x2F;", "/").replace("&amp;", "&").trim();
  }
}
