package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicefinder.web.Browser.js;
import static org.practicefinder.web.Browser.waitFor;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.practicefinder.TestLibrary;

/**
 * The page for someone who may be watched: the quick exit (button and Shift three times), a typed
 * challenge never in the URL, history or title, searches kept out of history on request, and skip
 * links that keep the search. Each test runs in a new tab, so its history is its own.
 */
class SafetyBrowserTest {
  private static Browser.PartnerSite neutralSite;
  private static String neutral;
  private static ApiServer server;
  private static ChromeDriver driver;
  private static String host;
  private static String firstTab;
  private static JsonObject en;
  private static JsonObject uk;

  @BeforeAll
  static void start() throws Exception {
    // The neutral site stands in for the real one: there is no network here.
    neutralSite = new Browser.PartnerSite();
    neutral = neutralSite.put("/neutral", "<!doctype html><html lang=\"en\"><head><title>Weather</title></head><body><p>Sunny.</p></body></html>");
    server = TestLibrary.startServer(SiteSettings.parse(null, null, neutral));
    host = "http://localhost:" + server.port();
    driver = Browser.start();
    firstTab = driver.getWindowHandle();
    en = texts("en");
    uk = texts("uk");
  }

  @AfterAll
  static void stop() {
    if (driver != null) driver.quit();
    if (server != null) server.close();
    if (neutralSite != null) neutralSite.close();
  }

  @BeforeEach
  void newTab() {
    driver.switchTo().newWindow(WindowType.TAB);
  }

  @AfterEach
  void closeTab() {
    driver.close();
    driver.switchTo().window(firstTab);
  }

  private static JsonObject texts(String lang) throws Exception {
    return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
  }

  private static void waitForCards(int n) {
    waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === arguments[0]"
        + " && document.getElementById('results').getAttribute('aria-busy') === 'false'", n);
  }

  private static long historyLength() {
    return ((Number) js(driver, "return history.length")).longValue();
  }

  private static String activeId() {
    return (String) js(driver, "return document.activeElement.id || document.activeElement.getAttribute('data-id') || document.activeElement.tagName");
  }

  @Test
  void theQuickExitIsTheFirstStopAndLeavesNoEntryForThePage() {
    driver.get(host + "/?lang=uk#/search?q=police");
    waitForCards(6);
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("quick-exit", activeId(), "the keyboard reaches the exit first");
    assertEquals(uk.get("quickExit").getAsString(), driver.findElement(By.id("quick-exit")).getText());
    long before = historyLength();

    new Actions(driver).sendKeys(Keys.ENTER).perform();
    waitFor(driver, "return location.href === arguments[0] && document.readyState === 'complete'", neutral);
    assertEquals(before, historyLength(), "the neutral site took the page's entry, it did not add one");
    assertEquals("", js(driver, "return document.referrer"), "the neutral site is not told where the person came from");

    driver.navigate().back();
    waitFor(driver, "return document.readyState === 'complete'");
    assertFalse(driver.getCurrentUrl().startsWith(host), "Back does not return to the page: " + driver.getCurrentUrl());
  }

  @Test
  void shiftPressedThreeTimesLeavesButShiftForCapitalsDoesNot() {
    driver.get(host + "/?lang=en");
    waitForCards(10);
    driver.findElement(By.id("search-input")).sendKeys("POLICE");
    waitForCards(6);
    assertTrue(driver.getCurrentUrl().startsWith(host), "typing capitals is not a way out");
    leaveWithShiftThreeTimes();
    assertEquals("", js(driver, "return document.referrer"));
  }

  /** Presses Shift three times and checks that the neutral site took the page's place in history. */
  private static void leaveWithShiftThreeTimes() {
    long before = historyLength();
    Actions shift = new Actions(driver);
    for (int i = 0; i < 3; i++) shift.keyDown(Keys.SHIFT).keyUp(Keys.SHIFT);
    shift.perform();
    waitFor(driver, "return location.href === arguments[0] && document.readyState === 'complete'", neutral);
    assertEquals(before, historyLength());
  }

  @Test
  void thePartnersPageLinkedFromEveryFooterHasTheQuickExitToo() {
    driver.get(host + "/embed.html");
    waitFor(driver, "return document.readyState === 'complete' && getComputedStyle(document.body).visibility === 'visible'");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("quick-exit", activeId(), "the keyboard reaches the exit first");
    assertEquals(neutral, driver.findElement(By.id("quick-exit")).getAttribute("href"));
    leaveWithShiftThreeTimes();
  }

  @Test
  void aTypedChallengeNeverReachesTheUrlHistoryOrTitle() {
    String challenge = "Landlords evict women who sell sex from their flats, and the police side with them";
    driver.get(host + "/?lang=en");
    waitForCards(10);
    driver.findElement(By.id("tab-challenge")).click();
    driver.findElement(By.id("challenge-input")).sendKeys(challenge, Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitFor(driver, "return document.getElementById('results-heading').textContent === arguments[0]"
        + " && document.getElementById('results').getAttribute('aria-busy') === 'false'", en.get("resultsChallenge").getAsString());

    assertEquals(host + "/?lang=en#/challenge", driver.getCurrentUrl());
    assertEquals("Practice Finder", driver.getTitle());
    assertEquals("results-heading", activeId(), "focus moves to the results");
    assertTrue((Boolean) js(driver, "const r = document.getElementById('results-heading').getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= innerHeight"), "and so does the view");
    String firstId = driver.findElement(By.cssSelector("#results-list .card-title a")).getAttribute("data-id");

    driver.findElement(By.cssSelector("#results-list .card-title a")).click();
    waitFor(driver, "const h = document.getElementById('practice-title'); return h && !document.getElementById('practice').hidden");
    assertEquals(host + "/?lang=en#/practice/" + firstId, driver.getCurrentUrl());
    assertEquals("Practice Finder", driver.getTitle());
    driver.navigate().back();
    waitFor(driver, "return !document.getElementById('finder').hidden && document.querySelectorAll('#results-list .card').length === 10");
    assertEquals(challenge, driver.findElement(By.id("challenge-input")).getAttribute("value"), "the page still has it, in memory");
    assertEquals(host + "/?lang=en#/challenge", driver.getCurrentUrl());

    for (String word : List.of("Landlords", "evict", "flats")) {
      assertFalse(String.valueOf(js(driver, "return location.href + ' ' + JSON.stringify(history.state) + ' ' + document.title")).contains(word), word);
    }

    // A link of the old kind carries a challenge: it is taken out of the address at once, and still answered.
    driver.get(host + "/?lang=en#/challenge?q=Landlords+evict+us&population=female");
    waitFor(driver, "return document.querySelectorAll('#results-list .card .why').length > 0");
    assertEquals(host + "/?lang=en#/challenge?population=female", driver.getCurrentUrl());
    assertEquals("Landlords evict us", driver.findElement(By.id("challenge-input")).getAttribute("value"));

    // A reload forgets it: the page asks for it again instead of showing someone else's results.
    driver.navigate().refresh();
    waitFor(driver, "return !document.getElementById('empty').hidden");
    assertEquals(en.get("challengeNoText").getAsString(), driver.findElement(By.id("empty")).getText());
    assertEquals("", driver.findElement(By.id("challenge-input")).getAttribute("value"));
  }

  @Test
  void searchesCanBeKeptOutOfHistory() {
    driver.get(host + "/?lang=en#/search?q=police");
    waitForCards(6);
    driver.findElement(By.cssSelector("#safety summary")).click();
    Browser.resize(driver, 375, 812);
    Browser.viewport(driver, "phone-safety-note");
    Browser.resize(driver, 1280, 900);
    driver.findElement(By.id("private-history")).click();
    assertEquals(host + "/?lang=en&private=1", driver.getCurrentUrl(), "the search left the current entry");
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    assertFalse(driver.findElement(By.id("safety")).getAttribute("open") != null, "Escape closes the note");
    long before = historyLength();

    driver.findElement(By.id("search-input")).clear();
    driver.findElement(By.id("search-input")).sendKeys("saunas", Keys.ENTER);
    waitForCards(1);
    driver.findElement(By.cssSelector("#results-list .card-title a")).click();
    waitFor(driver, "return !document.getElementById('practice').hidden && document.getElementById('practice-title')");
    driver.findElement(By.cssSelector(".practice-actions .back")).click();
    waitFor(driver, "return !document.getElementById('finder').hidden && document.querySelectorAll('#results-list .card').length === 1");

    assertEquals(host + "/?lang=en&private=1", driver.getCurrentUrl());
    assertEquals(before, historyLength(), "no entry was added");
    driver.navigate().refresh();
    waitForCards(10);
    assertTrue(driver.findElement(By.id("private-history")).isSelected(), "the choice holds after a reload");
  }

  @Test
  void skipLinksKeepTheSearchAndTheFirstResultIsFourKeysAway() {
    String url = host + "/?lang=en#/search?q=police&country=Ukraine";
    driver.get(url);
    waitForCards(3);
    String first = driver.findElement(By.cssSelector("#results-list .card-title a")).getAttribute("data-id");

    // Past the exit and "Skip to main content", "Skip to results" goes to the first result.
    new Actions(driver).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER).perform();
    assertEquals(first, activeId());
    assertEquals(url, driver.getCurrentUrl(), "skipping kept the search");

    driver.navigate().refresh();
    waitForCards(3);
    new Actions(driver).sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform();
    assertEquals("main", activeId());
    assertEquals(url, driver.getCurrentUrl());
    assertEquals(3, driver.findElements(By.cssSelector("#results-list .card")).size());
    assertEquals("police", driver.findElement(By.id("search-input")).getAttribute("value"));
  }

}
