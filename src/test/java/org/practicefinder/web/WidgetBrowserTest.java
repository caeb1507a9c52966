package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicefinder.web.Browser.js;
import static org.practicefinder.web.Browser.waitFor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicefinder.TestLibrary;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.Language;

/**
 * The widget on a partner's page served from a second origin, in Debian's chromium, against the real
 * server on the real manual: the one tag, mount from a script, the iframe, keyboard, errors, privacy.
 */
class WidgetBrowserTest {
  /** A challenge of this test's own, in Ukrainian. */
  private static final String CHALLENGE_UK = "Поліція забирає в дівчат презервативи на вулиці, що нам робити?";
  private static final String SHADOW = "return document.querySelector(arguments[0]).shadowRoot";

  private static ApiServer server;
  private static PracticeLibrary library;
  private static Browser.PartnerSite partner;
  private static ChromeDriver driver;
  private static String host;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    library = TestLibrary.real();
    server = TestLibrary.startServer();
    host = "http://localhost:" + server.port();
    partner = new Browser.PartnerSite();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) driver.quit();
    if (partner != null) partner.close();
    if (server != null) server.close();
  }

  @AfterEach
  void oneWindow() {
    String first = driver.getWindowHandles().iterator().next();
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(first)) driver.switchTo().window(handle).close();
    }
    driver.switchTo().window(first);
  }

  private static JsonObject texts(String lang) throws IOException {
    return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
  }

  private static String tag(String attributes) {
    return "<practice-finder" + attributes + "></practice-finder><script src=\"" + host + "/widget.js\" async></script>";
  }

  private static String page(String lang, String head, String body) {
    return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Partner</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + head + "</head><body>" + body + "</body></html>";
  }

  /** The widget's shadow root, once its box is there. */
  private static SearchContext widget(String selector) {
    waitFor(driver, "const r = document.querySelector(arguments[0]); return r && r.shadowRoot && r.shadowRoot.querySelector('.input');", selector);
    return (SearchContext) js(driver, SHADOW, selector);
  }

  private static List<WebElement> results(SearchContext root) {
    return root.findElements(By.cssSelector(".results > li"));
  }

  private static List<String> resultIds(SearchContext root) {
    return results(root).stream().map(li -> li.findElement(By.cssSelector(".card-title a")).getAttribute("data-id")).toList();
  }

  private static JsonObject api(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> res = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, res.statusCode(), res.body());
    return JsonParser.parseString(res.body()).getAsJsonObject();
  }

  private static List<String> ids(JsonElement array) {
    return StreamSupport.stream(array.getAsJsonArray().spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
  }

  /** What the widget's live region says (its visually hidden part too). */
  private static String status(SearchContext root) {
    return (String) js(driver, "return arguments[0].textContent", root.findElement(By.cssSelector(".status")));
  }

  /** Keys to whatever has the focus, as a person presses them. */
  private static void keys(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
  }

  @SuppressWarnings("unchecked")
  private static List<String> requestedUrls() {
    return (List<String>) js(driver, "return performance.getEntriesByType('resource').map(e => e.name)");
  }

  /** What a widget must never change on its host page. */
  private static Object hostPageState() {
    return js(driver, "const p = document.querySelector('practice-finder');"
        + "return {html: document.documentElement.outerHTML, url: location.href, history: history.length, title: document.title,"
        + " cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,"
        + " light: p ? p.childNodes.length : -1, attributes: p ? p.getAttributeNames().join(' ') : ''}");
  }

  @Test
  void oneTagOnAHostilePartnerPageAnswersInUkrainianAndLeavesThePageAlone() throws Exception {
    JsonObject uk = texts("uk");
    driver.get(partner.put("/hostile.html", page("uk", "<style>* { all: unset } input { display: none }</style>",
        "<p>Наша організація працює з секс-працівницями.</p>" + tag("") + "<p id=\"after\">Далі текст партнера.</p>")));
    SearchContext root = widget("practice-finder");
    Object before = hostPageState();

    WebElement box = root.findElement(By.cssSelector("textarea.input"));
    assertEquals(uk.get("widgetChallengeLabel").getAsString(), root.findElement(By.cssSelector("label")).getText());
    assertTrue(box.getRect().getWidth() > 200 && box.getRect().getHeight() > 40, "the box shows despite the page's CSS: " + box.getRect());
    assertEquals("block", js(driver, "return getComputedStyle(document.querySelector('practice-finder')).display"));
    assertTrue(requestedUrls().stream().noneMatch(u -> u.contains("/api/")), "no API request before typing: " + requestedUrls());

    box.sendKeys(CHALLENGE_UK, Keys.ENTER);
    waitFor(driver, SHADOW.replace("return ", "const r = ") + "; return r.querySelectorAll('.results > li').length === 5 && r.querySelector('.results').getAttribute('aria-busy') === 'false';", "practice-finder");

    JsonObject expected = api(HttpRequest.newBuilder(URI.create(host + "/api/recommend")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": " + new com.google.gson.Gson().toJson(CHALLENGE_UK) + ", \"size\": 5, \"lang\": \"uk\"}")));
    List<String> expectedIds = ids(expected.get("results"));
    assertEquals(expectedIds, resultIds(root));
    // A word the library does not know is read as one it does: a screen reader hears it with the outcome.
    String spelled = expected.has("didYouMean") ? root.findElement(By.cssSelector(".spelling span")).getText() + " " : "";
    assertEquals(spelled + uk.getAsJsonObject("count").get("many").getAsString().replace("{n}", "5"), status(root));
    for (int i = 0; i < 5; i++) {
      WebElement card = results(root).get(i);
      WebElement link = card.findElement(By.cssSelector(".card-title a"));
      assertEquals(host + "/?lang=uk#/practice/" + expectedIds.get(i), link.getAttribute("href"));
      assertEquals("_blank", link.getAttribute("target"));
      String why = card.findElement(By.cssSelector(".why")).getText();
      assertEquals(uk.get("why").getAsString() + "\n" + expected.getAsJsonArray("results").get(i).getAsJsonObject().get("why").getAsString()
          .replace("; ", "\n"), why, "the reason's parts one a line");
      String meta = card.findElement(By.cssSelector(".card-meta")).getText();
      assertTrue(meta.contains("Україна") || meta.contains("Росія"), meta);
      WebElement title = link.findElement(By.tagName("span"));
      assertEquals(expected.getAsJsonArray("results").get(i).getAsJsonObject().get("title").getAsString(), title.getText());
      assertEquals("uk", title.getAttribute("lang"), "the translated title is marked Ukrainian");
    }

    assertEquals(before, hostPageState());
    assertTrue(requestedUrls().stream().allMatch(u -> u.startsWith(host + "/")), "every request goes to Practice Finder's host: " + requestedUrls());
    assertTrue(requestedUrls().contains(host + "/api/recommend"), requestedUrls().toString());
    assertEquals(1, requestedUrls().stream().filter(u -> u.contains("/api/facets")).count(), "labels are asked for once");
    Browser.screenshot(driver, "widget-hostile-page-1280", 1280);
    Browser.screenshot(driver, "widget-hostile-page-375", 375);
  }

  @Test
  void mountedFromAScriptWithLockedFiltersItSearchesOnlyThoseAndSaysSo() throws Exception {
    driver.get(partner.put("/mount.html", page("en", "", "<div id=\"finder\"></div><script src=\"" + host + "/widget.js\"></script>"
        + "<script>PracticeFinder.mount(document.getElementById('finder'), {mode: 'search', population: 'transgender', limit: 10});</script>")));
    SearchContext root = widget("#finder");
    WebElement box = root.findElement(By.cssSelector("input.input"));
    assertEquals("search", box.getAttribute("type"));
    assertEquals(texts("en").get("lockedUnnamed").getAsString(), root.findElement(By.cssSelector(".locked")).getText());

    box.sendKeys("outreach"); // no Enter: search mode answers as the person types
    waitFor(driver, "const r = document.querySelector('#finder').shadowRoot; return r.querySelectorAll('.results > li').length > 0"
        + " && r.querySelector('.results').getAttribute('aria-busy') === 'false';");
    JsonObject expected = api(HttpRequest.newBuilder(URI.create(host + "/api/search?q=outreach&population=transgender&size=10&lang=en")));
    List<String> shown = resultIds(root);
    assertEquals(ids(expected.get("hits")), shown);
    assertTrue(expected.get("total").getAsInt() > 0);
    for (String id : shown) assertTrue(library.record(id).orElseThrow().tagging().get("population").contains("transgender"), id);
    String label = library.vocabulary().concept("transgender").orElseThrow().label(Language.EN);
    assertEquals(texts("en").get("locked").getAsString().replace("{filters}", label),
        root.findElement(By.cssSelector(".locked")).getText());
  }

  @Test
  void keyboardAloneReachesTypesAndOpensResultsWithVisibleFocusAndOneAnnouncement() throws Exception {
    driver.get(partner.put("/keyboard.html", page("en", "", "<a id=\"first\" href=\"#top\">Partner link</a>" + tag(" mode=\"search\""))));
    SearchContext root = widget("practice-finder");
    js(driver, "const s = document.querySelector('practice-finder').shadowRoot.querySelector('.status');"
        + "window.announcements = 0; new MutationObserver(() => window.announcements++).observe(s, {childList: true, characterData: true, subtree: true});");

    js(driver, "document.activeElement.blur()");
    keys("/s"); // the widget takes no keys of the host page's
    assertEquals("BODY", js(driver, "return document.activeElement.tagName"));
    keys(Keys.TAB);
    assertEquals("first", js(driver, "return document.activeElement.id"));
    keys(Keys.TAB);
    assertEquals("input", js(driver, "return document.activeElement.shadowRoot.activeElement.className"));

    keys("police");
    waitFor(driver, "const r = document.querySelector('practice-finder').shadowRoot; return r.querySelectorAll('.results > li').length === 5"
        + " && r.querySelector('.results').getAttribute('aria-busy') === 'false';");
    assertEquals(1L, js(driver, "return window.announcements"), "one announcement for one search, not one per key");
    assertEquals(texts("en").get("shownOf").getAsString().replace("{count}", "6 practices").replace("{shown}", "5"),
        root.findElement(By.cssSelector(".status")).getText());

    String focused = "return document.querySelector('practice-finder').shadowRoot.activeElement";
    List<String> ids = resultIds(root);
    keys(Keys.ARROW_DOWN);
    assertEquals(ids.get(0), js(driver, focused + ".dataset.id"));
    assertEquals("solid 3px", js(driver, "const s = getComputedStyle(" + focused.substring(7) + "); return s.outlineStyle + ' ' + s.outlineWidth;"));
    keys(Keys.ARROW_DOWN);
    assertEquals(ids.get(1), js(driver, focused + ".dataset.id"));
    keys(Keys.END);
    assertEquals(ids.get(4), js(driver, focused + ".dataset.id"));
    keys(Keys.HOME);
    assertEquals(ids.get(0), js(driver, focused + ".dataset.id"));
    keys(Keys.ARROW_UP);
    assertEquals("input", js(driver, focused + ".className"));
    keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ESCAPE);
    assertEquals("input", js(driver, focused + ".className"));

    keys(Keys.ARROW_DOWN, Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Browser.WAIT).until(d -> d.getWindowHandles().size() == 2);
    String opener = driver.getWindowHandle();
    for (String handle : driver.getWindowHandles()) if (!handle.equals(opener)) driver.switchTo().window(handle);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Browser.WAIT)
        .until(d -> d.getCurrentUrl().equals(host + "/?lang=en#/practice/" + ids.get(0)));
    driver.close();
    driver.switchTo().window(opener);
    assertEquals(partner.origin() + "/keyboard.html", driver.getCurrentUrl(), "typed text never reaches the host page's URL");
  }

  @Test
  void aTypoIsSaidWithTheOutcomeAndTheTypedWordIsOneClickAwayAndBack() throws Exception {
    JsonObject ru = texts("ru");
    JsonObject corrected = api(HttpRequest.newBuilder(URI.create(host + "/api/search?q=outreech&size=5&lang=ru")));
    JsonObject exact = api(HttpRequest.newBuilder(URI.create(host + "/api/search?q=outreech&size=5&lang=ru&spell=off")));
    assertEquals("outreach", corrected.get("didYouMean").getAsString());
    assertEquals(0, exact.get("total").getAsInt());
    driver.get(partner.put("/spelling.html", page("ru", "", tag(" mode=\"search\""))));
    SearchContext root = widget("practice-finder");
    root.findElement(By.cssSelector("input.input")).sendKeys("outreech");
    String settled = "const r = document.querySelector('practice-finder').shadowRoot;"
        + " return r.querySelector('.results').getAttribute('aria-busy') === 'false' && r.querySelector('.spelling').textContent.startsWith(arguments[0]);";
    String shown = ru.get("spellingShown").getAsString().replace("{text}", "outreach");
    waitFor(driver, settled, shown);
    assertEquals(shown + " " + ru.get("spellingAsTyped").getAsString().replace("{typed}", "outreech"), root.findElement(By.cssSelector(".spelling")).getText());
    assertEquals(ids(corrected.get("hits")), resultIds(root));
    int total = corrected.get("total").getAsInt();
    String count = ru.getAsJsonObject("count").get((String) js(driver, "return new Intl.PluralRules('ru').select(arguments[0])", total))
        .getAsString().replace("{n}", String.valueOf(total));
    assertEquals(shown + " " + ru.get("shownOf").getAsString().replace("{count}", count).replace("{shown}", "5"), status(root));

    root.findElement(By.cssSelector(".spelling button")).click();
    String asTyped = ru.get("spellingExact").getAsString().replace("{typed}", "outreech");
    waitFor(driver, settled, asTyped);
    assertEquals(asTyped + " " + ru.get("widgetNoResults").getAsString(), status(root));
    assertEquals(1L, js(driver, "return Math.ceil(arguments[0].getBoundingClientRect().width)", root.findElement(By.cssSelector(".status .visually-hidden"))),
        "the eye reads the correction once, on its own line");
    assertEquals(0, results(root).size());
    assertEquals("link-button", js(driver, "return document.querySelector('practice-finder').shadowRoot.activeElement.className"),
        "focus on the button that reads it the other way");
    assertEquals(List.of(), Browser.axeViolations(driver, "document.querySelector('practice-finder')"));

    root.findElement(By.cssSelector(".spelling button")).click();
    waitFor(driver, settled, shown);
    assertEquals(ids(corrected.get("hits")), resultIds(root));
  }

  @Test
  void aServerThatIsDownOrARefusedRequestShowsAMessageInTheChosenLanguage() throws Exception {
    JsonObject ru = texts("ru");
    driver.get(partner.put("/down.html", page("en", "",
        tag(" lang=\"ru\" base=\"http://127.0.0.1:" + Browser.deadPort() + "\" id=\"down\"") + tag(" lang=\"ru\" population=\"nobody\" id=\"bad\""))));
    for (String[] c : new String[][] {{"#down", "networkError"}, {"#bad", "badRequest"}}) {
      SearchContext root = widget(c[0]);
      root.findElement(By.cssSelector("textarea")).sendKeys("Нас выселяют из квартиры", Keys.ENTER);
      waitFor(driver, "return document.querySelector(arguments[0]).shadowRoot.querySelector('.status.is-error')", c[0]);
      assertEquals(ru.get(c[1]).getAsString(), root.findElement(By.cssSelector(".status")).getText(), c[0]);
      assertEquals(0, results(root).size());
    }
  }

  @Test
  void theIframeEmbedRendersAloneAndResizesToItsContent() throws Exception {
    String snippet = "<iframe id=\"pf\" src=\"" + host + "/embed?lang=uk&amp;mode=search&amp;population=female\" title=\"Practice Finder\""
        + " style=\"width: 100%; height: 200px; border: 0\"></iframe><script>"
        + "addEventListener('message', function (e) {"
        + "  if (e.origin !== '" + host + "' || !e.data || e.data.type !== 'practice-finder:height') return;"
        + "  document.querySelectorAll('iframe').forEach(function (f) { if (f.contentWindow === e.source) f.style.height = Number(e.data.height) + 'px'; });"
        + "});</script>";
    Browser.resize(driver, 375, 800);
    try {
      driver.get(partner.put("/frame.html", page("en", "", "<h1>Partner</h1>" + snippet)));
      String frameHeight = "return document.getElementById('pf').getBoundingClientRect().height";
      waitFor(driver, frameHeight + " !== 200");
      long empty = ((Number) js(driver, frameHeight)).longValue();

      driver.switchTo().frame("pf");
      SearchContext root = widget("#finder");
      assertEquals(texts("uk").get("widgetSearchLabel").getAsString(), root.findElement(By.cssSelector("label")).getText());
      assertEquals(empty, ((Number) js(driver, "return Math.ceil(document.getElementById('finder').getBoundingClientRect().height)")).longValue());
      root.findElement(By.cssSelector("input")).sendKeys("police");
      waitFor(driver, "const r = document.querySelector('#finder').shadowRoot; return r.querySelectorAll('.results > li').length > 0"
          + " && r.querySelector('.results').getAttribute('aria-busy') === 'false';");
      long content = ((Number) js(driver, "return Math.ceil(document.getElementById('finder').getBoundingClientRect().height)")).longValue();
      driver.switchTo().defaultContent();

      waitFor(driver, frameHeight + " === arguments[0]", content);
      assertTrue(content > empty + 100, "grown from " + empty + " to " + content);
      Browser.screenshot(driver, "embed-iframe-375", 375);
    } finally {
      driver.switchTo().defaultContent();
      Browser.resize(driver, 1280, 900);
    }
  }

  @Test
  void onAPartnersPageItIsAccessibleAndReadableAtPhoneAndDesktopWidths() throws Exception {
    String article = "<p>We are a community organisation of sex workers. Below, find practices from other programmes"
        + " that faced what you face.</p>";
    String css = "<style>body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #faf7f2; }"
        + " header { background: #6b2c91; color: #fff; padding: 1rem 1.5rem; } header h1 { margin: 0; font-size: 1.4rem; }"
        + " main { display: flex; flex-wrap: wrap; gap: 2rem; padding: 1.5rem; } article { flex: 1 1 20rem; }"
        + " aside { flex: 0 1 22rem; min-width: 0; } practice-finder { --pf-accent: #6b2c91; }</style>";
    driver.get(partner.put("/partner.html", page("en", css, "<header><h1>Safe Steps Network</h1></header><main><article><h2>Resources</h2>"
        + article + "</article><aside>" + tag("") + "</aside></main>")));
    SearchContext root = widget("practice-finder");
    assertEquals(List.of(), Browser.axeViolations(driver, "document.querySelector('practice-finder')"), "empty widget");
    root.findElement(By.cssSelector("textarea")).sendKeys("Clients refuse condoms and the women cannot insist", Keys.ENTER);
    waitFor(driver, "const r = document.querySelector('practice-finder').shadowRoot; return r.querySelectorAll('.results > li').length === 5"
        + " && r.querySelector('.results').getAttribute('aria-busy') === 'false';");
    assertEquals(List.of(), Browser.axeViolations(driver, "document.querySelector('practice-finder')"), "with results");

    Browser.screenshot(driver, "widget-partner-page-1280", 1280);
    Browser.screenshot(driver, "widget-partner-page-375", 375);
    Browser.resize(driver, 320, 800);
    Map<?, ?> widths = (Map<?, ?>) js(driver, "const p = document.querySelector('practice-finder');"
        + "return {page: document.documentElement.scrollWidth, widget: p.getBoundingClientRect().width, inner: p.shadowRoot.querySelector('.pf').scrollWidth};");
    Browser.resize(driver, 1280, 900);
    assertTrue(((Number) widths.get("page")).intValue() <= 320, "no sideways scrolling at 320 px: " + widths);
    assertTrue(((Number) widths.get("inner")).doubleValue() <= ((Number) widths.get("widget")).doubleValue(), "nothing overflows the widget: " + widths);
  }
}
