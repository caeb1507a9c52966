package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicefinder.web.Browser.js;
import static org.practicefinder.web.Browser.waitFor;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicefinder.TestLibrary;

/**
 * The manual's guidance on the page, on the real manual: its list by kind and its entries, a
 * practice's key gap, and the guidance above a challenge's and a search's practices; accessible
 * (axe-core) in English and Ukrainian, with the page's safety rules. Screenshots at 1280 and 375 px.
 */
class GuidanceBrowserTest {
  private static ApiServer server;
  private static ChromeDriver driver;
  private static String host;

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

  private static JsonObject texts(String lang) throws Exception {
    return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
  }

  private static String text(String lang, String key) throws Exception {
    return texts(lang).get(key).getAsString();
  }

  private static List<String> shown(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** The undocumented migrants' gap as the API serves it in {@code lang}. */
  private static JsonObject migrantsGap(String lang) throws Exception {
    HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(host + "/api/guidance/gap-undocumented-migrants?lang=" + lang)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  /** The page's safety rules on whatever view is shown: the exit first and visible, the title neutral. */
  private static void safe(String lang) throws Exception {
    WebElement exit = driver.findElement(By.id("quick-exit"));
    assertTrue(exit.isDisplayed());
    assertEquals(text(lang, "quickExit"), exit.getText());
    assertEquals("Practice Finder", driver.getTitle());
  }

  private static void check(String view, String lang) {
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), view + " " + lang);
    Browser.screenshot(driver, "guidance-" + view + "-" + lang + "-1280", 1280);
    Browser.screenshot(driver, "guidance-" + view + "-" + lang + "-375", 375);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "uk"})
  void theGuidanceByKindAndAGapWithItsPartsAreReachableAndAccessible(String lang) throws Exception {
    driver.get(host + "/?lang=" + lang + "#/search");
    waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === 10");
    WebElement nav = driver.findElement(By.cssSelector(".site-nav a[data-section='guidance']"));
    assertEquals(text(lang, "navGuidance"), nav.getText());
    js(driver, "window.scrollTo(0, 0)"); // where a person sees the header, not under the sticky safety bar
    nav.click();
    waitFor(driver, "return document.querySelectorAll('#guidance .guidance-card').length === 71");
    assertEquals(host + "/?lang=" + lang + "#/guidance", driver.getCurrentUrl());
    assertEquals(text(lang, "guidanceTitle"), driver.findElement(By.id("guidance-title")).getText());
    assertEquals("page", nav.getAttribute("aria-current"));
    assertEquals(List.of(text(lang, "kindsGap"), text(lang, "kindsKeyElement"), text(lang, "kindsOutreachMethod"),
        text(lang, "kindsPrinciple"), text(lang, "kindsComponent"), text(lang, "kindsBackground"), text(lang, "kindsAim")),
        shown(".guidance-group h3"));
    safe(lang);
    check("list", lang);

    driver.findElement(By.cssSelector(".kind-nav a[href='#/guidance?kind=gap']")).click();
    waitFor(driver, "return document.querySelectorAll('#guidance .guidance-card').length === 7");
    assertEquals(text(lang, "kindsGap"), driver.findElement(By.id("guidance-title")).getText());
    driver.findElement(By.cssSelector("#guidance a[href='#/guidance/gap-undocumented-migrants']")).click();
    waitFor(driver, "return document.querySelector('.guidance-entry .russia-note')");
    assertEquals(host + "/?lang=" + lang + "#/guidance/gap-undocumented-migrants", driver.getCurrentUrl());
    assertEquals(List.of(text(lang, "barrier"), text(lang, "recommendation"), text(lang, "example"),
        text(lang, "examplePractices"), text(lang, "russiaNote")), shown(".guidance-entry h3"));
    assertEquals("guidance-title", js(driver, "return document.activeElement.id"), "focus moves to the entry");
    assertEquals(text(lang, "kindGap").toUpperCase(), driver.findElement(By.cssSelector(".guidance-entry .eyebrow")).getText());
    JsonObject gap = migrantsGap(lang);
    assertEquals(gap.get("title").getAsString(), driver.findElement(By.id("guidance-title")).getText());
    assertEquals(lang, driver.findElement(By.id("guidance-title")).getAttribute("lang"), "the entry is read in the page's language");
    assertTrue(driver.findElement(By.cssSelector(".guidance-recommendation")).getText().contains(gap.get("recommendation").getAsString()));
    assertTrue(driver.findElement(By.cssSelector(".russia-note")).getText().contains(gap.get("russiaNote").getAsString()));
    assertEquals(lang.equals("en") ? 0 : 1, driver.findElements(By.cssSelector(".guidance-entry .translation-note")).size(),
        "a translation says so");
    safe(lang);
    check("gap", lang);

    driver.findElement(By.cssSelector(".guidance-entry a[href='#/practice/RU-6']")).click();
    waitFor(driver, "return !document.getElementById('practice').hidden && document.getElementById('practice-title')");
    assertEquals(host + "/?lang=" + lang + "#/practice/RU-6", driver.getCurrentUrl());
    WebElement back = driver.findElement(By.cssSelector(".practice-actions .back"));
    assertEquals("← " + text(lang, "back"), back.getText(), "from the guidance, Back says Back, not Back to results");
    back.click();
    waitFor(driver, "return document.querySelector('.guidance-entry .russia-note') && !document.getElementById('guidance').hidden");
    assertEquals(host + "/?lang=" + lang + "#/guidance/gap-undocumented-migrants", driver.getCurrentUrl());
  }

  @Test
  void aPracticeShowsItsKeyGapsWithLinks() throws Exception {
    driver.get(host + "/?lang=en#/practice/UA-5a");
    waitFor(driver, "return document.querySelectorAll('.key-gaps a').length === 2");
    assertEquals("Key gaps", driver.findElement(By.id("key-gaps-heading")).getText());
    List<String> links = driver.findElements(By.cssSelector(".key-gaps a")).stream().map(a -> a.getAttribute("href")).toList();
    assertEquals(List.of(host + "/?lang=en#/guidance/gap-personal-safety", host + "/?lang=en#/guidance/gap-representation"), links);
    js(driver, "document.querySelector('.key-gaps').scrollIntoView({block: 'start'})");
    check("practice-key-gaps", "en");
    driver.findElement(By.cssSelector(".key-gaps a")).click();
    waitFor(driver, "return document.getElementById('guidance-title') && document.querySelector('.guidance-entry .guidance-recommendation')");
    assertEquals("Lack of comprehensive and integrated personal safety and crime reporting schemes for sex workers",
        driver.findElement(By.id("guidance-title")).getText());
    assertTrue(driver.findElements(By.cssSelector(".guidance-entry a[href='#/practice/UA-5a']")).size() == 1,
        "and the gap links back to the practice");
    safe("en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "uk"})
  void aChallengesResultsShowTheGuidanceItIsAboutAboveThePractices(String lang) throws Exception {
    String challenge = lang.equals("en")
        ? "Women who came from abroad and have no papers are sent away from the hospital because they are not insured"
        : "Мігрантів без документів не лікують у лікарні";
    driver.get(host + "/?lang=" + lang);
    waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === 10");
    driver.findElement(By.id("tab-challenge")).click();
    driver.findElement(By.id("challenge-input")).sendKeys(challenge, Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitFor(driver, "return !document.getElementById('guidance-found').hidden"
        + " && document.getElementById('results').getAttribute('aria-busy') === 'false'");
    assertEquals(host + "/?lang=" + lang + "#/challenge", driver.getCurrentUrl(), "the challenge stays out of the address");
    safe(lang);
    assertEquals(text(lang, "guidanceForChallenge"), driver.findElement(By.id("guidance-found-heading")).getText());
    List<WebElement> found = driver.findElements(By.cssSelector("#guidance-found .guidance-title a"));
    assertEquals(List.of(host + "/?lang=" + lang + "#/guidance/gap-undocumented-migrants"), found.stream().map(a -> a.getAttribute("href")).toList());
    assertEquals(text(lang, "kindGap").toUpperCase(), driver.findElement(By.cssSelector("#guidance-found .kind-label")).getText());
    assertTrue(driver.findElement(By.cssSelector("#guidance-found .guidance-line")).getText().contains(migrantsGap(lang).get("recommendation").getAsString()));
    assertEquals(lang, driver.findElement(By.cssSelector("#guidance-found .guidance-title a")).getAttribute("lang"));
    assertTrue((Boolean) js(driver, "return document.getElementById('guidance-found').compareDocumentPosition("
        + "document.getElementById('results-list')) === Node.DOCUMENT_POSITION_FOLLOWING"), "above the practices");
    check("challenge", lang);
    Browser.resize(driver, 375, 812); // one phone screen, as a person first sees the results
    js(driver, "document.getElementById('results').scrollIntoView({block: 'start'})");
    Browser.viewport(driver, "guidance-challenge-" + lang + "-phone");
    Browser.resize(driver, 1280, 900);
  }

  @Test
  void aSearchShowsGuidanceTypedAsSuchAndAllOfItOnItsOwnPage() throws Exception {
    driver.get(host + "/?lang=en#/search?q=deported");
    waitFor(driver, "return !document.getElementById('guidance-found').hidden"
        + " && document.getElementById('results').getAttribute('aria-busy') === 'false'");
    assertEquals("In the manual’s guidance", driver.findElement(By.id("guidance-found-heading")).getText());
    assertEquals("KEY GAP", driver.findElements(By.cssSelector("#guidance-found .kind-label")).get(0).getText());
    assertEquals(3, driver.findElements(By.cssSelector("#guidance-found .guidance-title a")).size());
    WebElement all = driver.findElement(By.cssSelector("#guidance-found .guidance-more a"));
    assertEquals("All 5 guidance entries with these words", all.getText());
    all.click();
    waitFor(driver, "return document.querySelectorAll('#guidance .guidance-card').length === 5");
    assertEquals(host + "/?lang=en#/guidance?q=deported", driver.getCurrentUrl());
    assertEquals("deported", driver.findElement(By.cssSelector("#guidance .guidance-card mark")).getText());
    assertFalse(driver.findElement(By.id("finder")).isDisplayed());
    safe("en");
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), "guidance search");
  }
}
