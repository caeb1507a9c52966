package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicefinder.web.Browser.js;
import static org.practicefinder.web.Browser.waitFor;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.practicefinder.TestLibrary;

/** Practice Finder's own page, built of the shared modules, and the partners' page, in Debian's chromium. */
class PageBrowserTest {
  private static ApiServer server;
  private static ChromeDriver driver;
  private static String host;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestLibrary.startServer();
    host = "http://localhost:" + server.port();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) driver.quit();
    if (server != null) server.close();
  }

  private static JsonObject api(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> res = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static JsonObject texts(String lang) throws Exception {
    return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
  }

  private static String count(String lang, int n) throws Exception {
    String form = (String) js(driver, "return new Intl.PluralRules(arguments[0]).select(arguments[1])", lang, n);
    return texts(lang).getAsJsonObject("count").get(form).getAsString().replace("{n}", String.valueOf(n));
  }

  private static List<String> cardIds() {
    return driver.findElements(By.cssSelector("#results-list .card-title a")).stream().map(a -> a.getAttribute("data-id")).toList();
  }

  @Test
  void inUkrainianThePageNamesFacetsAsTheServerDoesAndFindsAndOpensAPractice() throws Exception {
    driver.get(host + "/?lang=uk");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 10");
    assertEquals(count("uk", 39), driver.findElement(By.id("results-count")).getText());
    JsonObject labels = api(HttpRequest.newBuilder(URI.create(host + "/api/facets?lang=uk"))).getAsJsonObject("facetLabels");
    @SuppressWarnings("unchecked")
    Map<String, String> legends = (Map<String, String>) js(driver,
        "return Object.fromEntries(Array.from(document.querySelectorAll('#facets legend')).map(l => [l.id.slice(6), l.textContent]))");
    assertEquals(labels.keySet(), legends.keySet());
    for (String dim : labels.keySet()) assertEquals(labels.get(dim).getAsString(), legends.get(dim), dim);
    assertEquals("Місце роботи", legends.get("setting"));

    driver.findElement(By.id("search-input")).sendKeys("police");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 6");
    JsonObject expected = api(HttpRequest.newBuilder(URI.create(host + "/api/search?q=police&lang=uk")));
    List<String> ids = StreamSupport.stream(expected.getAsJsonArray("hits").spliterator(), false)
        .map(h -> h.getAsJsonObject().get("id").getAsString()).toList();
    assertEquals(ids, cardIds());
    assertEquals(host + "/?lang=uk#/search?q=police", driver.getCurrentUrl());

    driver.findElement(By.cssSelector("#results-list .card-title a")).click();
    String title = expected.getAsJsonArray("hits").get(0).getAsJsonObject().get("title").getAsString();
    waitFor(driver, "const h = document.getElementById('practice-title'); return h && h.textContent === arguments[0]", title);
    assertEquals(title + " · Practice Finder", driver.getTitle());
    List<String> facts = driver.findElements(By.cssSelector(".facts .fact")).stream().map(WebElement::getText).toList();
    assertTrue(facts.contains(labels.get("country").getAsString() + "\nУкраїна"), facts.toString());
    Browser.screenshot(driver, "page-practice-uk-375", 375);

    driver.navigate().back();
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 6 && !document.getElementById('finder').hidden");
  }

  @Test
  void aChallengeIsPostedAndItsResultsExplained() throws Exception {
    String challenge = "Drivers on the highway pick up the women and we never see them again";
    driver.get(host + "/?lang=en");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 10");
    driver.findElement(By.id("tab-challenge")).click();
    driver.findElement(By.id("challenge-input")).sendKeys(challenge, Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitFor(driver, "return document.getElementById('results-heading').textContent === arguments[0]"
        + " && document.querySelectorAll('#results-list .card .why').length === 10", texts("en").get("resultsChallenge").getAsString());
    JsonObject expected = api(HttpRequest.newBuilder(URI.create(host + "/api/recommend")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": " + new Gson().toJson(challenge) + ", \"lang\": \"en\"}")));
    assertEquals(StreamSupport.stream(expected.getAsJsonArray("results").spliterator(), false)
        .map(h -> h.getAsJsonObject().get("id").getAsString()).toList(), cardIds());
    Browser.screenshot(driver, "page-challenge-1280", 1280);
    Browser.screenshot(driver, "page-challenge-375", 375);
  }

  @Test
  void thePartnersPageBuildsTheTagsAndIsAccessible() throws Exception {
    driver.get(host + "/?lang=en");
    WebElement link = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(".site-footer a[href='embed.html']")));
    waitFor(driver, "return document.querySelector('.site-footer a[href=\"embed.html\"]').textContent === arguments[0]",
        texts("en").get("embedLink").getAsString());
    link.click();
    waitFor(driver, "const s = document.getElementById('b-population'); return s && s.options.length > 5");

    new Select(driver.findElement(By.id("b-lang"))).selectByValue("uk");
    driver.findElement(By.cssSelector("input[name='b-mode'][value='search']")).click();
    new Select(driver.findElement(By.id("b-population"))).selectByValue("transgender");
    WebElement limit = driver.findElement(By.id("b-limit"));
    limit.clear();
    limit.sendKeys("3");
    js(driver, "const c = document.getElementById('b-accent'); c.value = '#6b2c91'; c.dispatchEvent(new Event('input', {bubbles: true}));");

    assertEquals("<practice-finder lang=\"uk\" mode=\"search\" population=\"transgender\" limit=\"3\" style=\"--pf-accent: #6b2c91\"></practice-finder>\n"
        + "<script src=\"" + host + "/widget.js\" async></script>", driver.findElement(By.id("snippet-tag")).getText());
    assertTrue(driver.findElement(By.id("snippet-iframe")).getText().startsWith("<iframe src=\"" + host
        + "/embed?lang=uk&amp;mode=search&amp;population=transgender&amp;limit=3&amp;accent=%236b2c91\""));
    assertEquals("uk search transgender 3", js(driver, "const p = document.getElementById('preview');"
        + " return [p.getAttribute('lang'), p.getAttribute('mode'), p.getAttribute('population'), p.getAttribute('limit')].join(' ')"));
    waitFor(driver, "const r = document.getElementById('preview').shadowRoot; return r && r.querySelector('input.input')");
    assertTrue(driver.findElement(By.id("b-contrast")).getText().contains("easy to read"));

    assertEquals(List.of(), Browser.axeViolations(driver, "document"));
    Browser.screenshot(driver, "embed-page-1280", 1280);
    Browser.screenshot(driver, "embed-page-375", 375);
  }
}
