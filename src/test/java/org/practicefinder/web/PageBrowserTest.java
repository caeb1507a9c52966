package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.Pdf;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
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

  private static JsonObject texts(String lang) {
    try {
      return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    assertEquals("Practice Finder", driver.getTitle(), "the title never names what is read");
    List<String> facts = driver.findElements(By.cssSelector(".facts .fact")).stream().map(WebElement::getText).toList();
    assertTrue(facts.contains(labels.get("country").getAsString() + "\nУкраїна"), facts.toString());

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
    assertStrengthsShownAndTailFolded(expected, "en");
  }

  /** Each card says its strength in words; the loosely related practices after the last good one are folded. */
  private static void assertStrengthsShownAndTailFolded(JsonObject expected, String lang) throws Exception {
    List<String> strengths = StreamSupport.stream(expected.getAsJsonArray("results").spliterator(), false)
        .map(h -> h.getAsJsonObject().get("strength").getAsString()).toList();
    int lastFit = Math.max(strengths.lastIndexOf("strong"), strengths.lastIndexOf("good"));
    int shown = lastFit < 0 ? Math.min(3, strengths.size()) : lastFit + 1;
    @SuppressWarnings("unchecked")
    List<String> badges = (List<String>) js(driver, "return Array.from(document.querySelectorAll('#results-list .card .strength')).map(b => b.textContent)");
    assertEquals(strengths.stream().map(st -> texts(lang).get("strength_" + st).getAsString()).toList(), badges);
    @SuppressWarnings("unchecked")
    List<Boolean> hidden = (List<Boolean>) js(driver, "return Array.from(document.querySelectorAll('#results-list .card')).map(c => c.hidden)");
    for (int i = 0; i < hidden.size(); i++) assertEquals(i >= shown, hidden.get(i), "card " + i + " of " + strengths);
    assertEquals(shown < strengths.size(), driver.findElement(By.id("more-results")).isDisplayed());
    assertEquals(lastFit < 0, driver.findElement(By.id("fit-note")).isDisplayed(), "the page says when nothing fits well");
  }

  /** Clicks an element scrolled to the middle of the window, clear of the sticky safety bar. */
  private static void click(WebElement element) {
    js(driver, "arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private static JsonObject recommend(String challenge, String lang) throws Exception {
    return api(HttpRequest.newBuilder(URI.create(host + "/api/recommend")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": " + new Gson().toJson(challenge) + ", \"lang\": \"" + lang + "\"}")));
  }

  private static void describe(String challenge) {
    driver.findElement(By.id("tab-challenge")).click();
    WebElement box = driver.findElement(By.id("challenge-input"));
    box.clear();
    box.sendKeys(challenge, Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false'"
        + " && document.querySelectorAll('#results-list .card .why').length > 0");
  }

  @Test
  void whenNothingFitsWellThePageSaysSoAndOffersASearch() throws Exception {
    String challenge = "Our landlord raised the rent and we cannot pay it";
    driver.get(host + "/?lang=uk");
    waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === 10");
    describe(challenge);
    JsonObject expected = recommend(challenge, "uk");
    assertEquals(StreamSupport.stream(expected.getAsJsonArray("results").spliterator(), false)
        .map(h -> h.getAsJsonObject().get("id").getAsString()).toList(), cardIds());
    assertStrengthsShownAndTailFolded(expected, "uk");
    assertEquals(texts("uk").get("nothingFits").getAsString(), driver.findElement(By.cssSelector("#fit-note p")).getText());

    click(driver.findElement(By.cssSelector("#more-results button")));
    assertEquals(0L, js(driver, "return document.querySelectorAll('#results-list .card[hidden]').length"));
    click(driver.findElement(By.cssSelector("#fit-note button")));
    assertEquals("search-input", js(driver, "return document.activeElement.id"));
  }

  @Test
  void everySearchHitSaysWhyItIsThere() throws Exception {
    driver.get(host + "/?lang=en#/search?q=condoms");
    waitFor(driver, "return document.getElementById('results').getAttribute('aria-busy') === 'false' && document.querySelectorAll('#results-list .card').length === 10");
    JsonObject expected = api(HttpRequest.newBuilder(URI.create(host + "/api/search?q=condoms&lang=en")));
    int explained = 0;
    for (WebElement card : driver.findElements(By.cssSelector("#results-list .card"))) {
      boolean snippet = !card.findElements(By.cssSelector(".snippets mark")).isEmpty();
      List<WebElement> topic = card.findElements(By.cssSelector(".evidence"));
      assertTrue(snippet || !topic.isEmpty(), card.getText());
      if (!snippet) {
        String id = card.findElement(By.cssSelector(".card-title a")).getAttribute("data-id");
        JsonObject hit = StreamSupport.stream(expected.getAsJsonArray("hits").spliterator(), false).map(h -> h.getAsJsonObject())
            .filter(h -> h.get("id").getAsString().equals(id)).findFirst().orElseThrow();
        JsonObject first = hit.getAsJsonArray("topics").get(0).getAsJsonObject();
        assertEquals(texts("en").get("topicEvidence").getAsString().replace("{topic}", first.get("label").getAsString()) + "\n"
            + first.get("evidence").getAsString(), topic.get(0).getText());
        explained++;
      }
    }
    assertTrue(explained >= 5, "hits found through a topic alone on the first page: " + explained);
  }

  @Test
  void onAPhoneTheResultsAreOneTapAwayAfterAFilter() throws Exception {
    Browser.resize(driver, 375, 812);
    try {
      driver.get(host + "/?lang=en");
      waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === 10");
      driver.findElement(By.id("filters-toggle")).click();
      // Values no practice has are folded: every checkbox in view has practices behind it.
      assertEquals(0L, js(driver, "return Array.from(document.querySelectorAll('#facets .facet-item')).filter(li => li.offsetParent"
          + " && li.querySelector('.facet-count').textContent === '0').length"));
      WebElement street = driver.findElement(By.cssSelector("label[for='f-setting-street-0']"));
      js(driver, "arguments[0].scrollIntoView({block: 'center'})", street);
      street.click();
      waitFor(driver, "return location.hash === '#/search?setting=street' && document.getElementById('results').getAttribute('aria-busy') === 'false'");
      int total = api(HttpRequest.newBuilder(URI.create(host + "/api/search?setting=street"))).get("total").getAsInt();
      WebElement show = driver.findElement(By.id("show-results"));
      assertEquals("Show " + total + " practices", show.getText());
      assertTrue((Boolean) js(driver, "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", show),
          "the button is in view right after ticking");
      Browser.viewport(driver, "phone-filter-ticked");
      show.click();
      assertEquals("results-heading", js(driver, "return document.activeElement.id"));
      assertTrue((Boolean) js(driver, "const r = document.querySelector('#results-list .card').getBoundingClientRect();"
          + " return r.top >= 0 && r.top < innerHeight"), "the first result is on the screen");
      assertFalse(driver.findElement(By.id("facets")).isDisplayed(), "the filters folded away");
      Browser.viewport(driver, "phone-results-shown");

      js(driver, "window.scrollTo(0, 0)");
      describe("Клиенты отказываются от презервативов и платят больше за секс без них");
      assertEquals("results-heading", js(driver, "return document.activeElement.id"));
      assertTrue((Boolean) js(driver, "const r = document.getElementById('results-heading').getBoundingClientRect();"
          + " return r.top >= 0 && r.bottom <= innerHeight"), "after a challenge, the view moves to the results");
      Browser.viewport(driver, "phone-challenge-submitted");
    } finally {
      Browser.resize(driver, 1280, 900);
    }
  }

  @Test
  void aPracticesTagsLinkToTheirFilterAndItPrintsOnTwoA4PagesAtMost() throws Exception {
    String id = longestPractice();
    driver.get(host + "/?lang=en#/practice/" + id);
    waitFor(driver, "return document.getElementById('practice-title') && document.querySelector('#similar .similar-list, #similar .hint')");

    driver.findElement(By.cssSelector(".practice-tools .cite")).click();
    String citation = driver.findElement(By.id("cite-practice")).getText();
    assertTrue(citation.contains("(practice " + id + ")") && citation.contains(host + "/?lang=en#/practice/" + id), citation);
    JsonObject source = api(HttpRequest.newBuilder(URI.create(host + "/api/practices/" + id))).getAsJsonObject("source");
    String manual = source.get("publisher").getAsString() + " (" + source.get("year").getAsInt() + "). " + source.get("title").getAsString() + ".";
    assertEquals("TAMPEP International Foundation for the CONECTA project (2013). "
        + "Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation.", manual);
    assertEquals(manual, driver.findElement(By.id("cite-manual")).getText());
    assertTrue(citation.contains(source.get("title").getAsString() + ", " + source.get("section").getAsString() + "."), citation);

    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertTrue((Boolean) js(driver, "const s = document.querySelectorAll('.practice-section'); const tags = document.querySelector('.practice .tags');"
          + " return tags.getBoundingClientRect().top > s[s.length - 1].getBoundingClientRect().top"), "tags come after the sections on paper");
      Browser.screenshot(driver, "page-practice-print", 800);
      String info = driver.findElement(By.cssSelector(".print-info")).getText();
      assertTrue(info.contains(host + "/?lang=en#/practice/" + id) && info.contains(manual), info);
      Pdf pdf = driver.print(a4());
      Files.write(Browser.SCREENSHOTS.resolve("practice-" + id + ".pdf"), java.util.Base64.getDecoder().decode(pdf.getContent()));
      String raw = new String(java.util.Base64.getDecoder().decode(pdf.getContent()), StandardCharsets.ISO_8859_1);
      long pages = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(raw).results().count();
      assertTrue(pages >= 1 && pages <= 2, id + " prints on " + pages + " A4 pages");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    WebElement chip = driver.findElement(By.cssSelector(".tags a.chip"));
    String href = chip.getAttribute("href");
    chip.click();
    waitFor(driver, "return !document.getElementById('finder').hidden && document.getElementById('results').getAttribute('aria-busy') === 'false'");
    assertEquals(href, driver.getCurrentUrl());
    assertTrue(cardIds().contains(id) || driver.findElement(By.id("pager")).isDisplayed(), "the practice is among those with its tag");
  }

  private static PrintOptions a4() {
    PrintOptions options = new PrintOptions();
    options.setPageSize(new PageSize(29.7, 21.0));
    options.setPageMargin(new PageMargin(1.6, 1.5, 1.6, 1.5));
    return options;
  }

  /** The practice with the most text in its sections. */
  private static String longestPractice() throws Exception {
    String best = null;
    int most = -1;
    for (var summary : api(HttpRequest.newBuilder(URI.create(host + "/api/practices"))).getAsJsonArray("practices")) {
      String id = summary.getAsJsonObject().get("id").getAsString();
      int length = api(HttpRequest.newBuilder(URI.create(host + "/api/practices/" + id))).get("sections").toString().length();
      if (length > most) {
        most = length;
        best = id;
      }
    }
    return best;
  }

  @Test
  void currentResultsDownloadAsCsvAndJson() throws Exception {
    driver.get(host + "/?lang=uk#/search?q=police");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 6 && !document.getElementById('downloads').hidden");
    js(driver, "window.blobs = []; const make = URL.createObjectURL; URL.createObjectURL = (b) => { window.blobs.push(b); return make(b); };");
    List<WebElement> buttons = driver.findElements(By.cssSelector("#downloads button"));
    buttons.get(0).click();
    waitFor(driver, "return window.blobs.length === 1");
    buttons.get(1).click();
    waitFor(driver, "return window.blobs.length === 2");
    @SuppressWarnings("unchecked")
    List<String> files = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; Promise.all(window.blobs.map(b => b.text())).then(done);");
    List<String> ids = cardIds();

    String[] lines = files.get(0).replace("\uFEFF", "").split("\r\n");
    assertEquals("id,title,organisation,country,places,population,setting,service,partner,organisation-type,year,url", lines[0]);
    assertEquals(ids.size() + 1, lines.length);
    for (int i = 0; i < ids.size(); i++) assertTrue(lines[i + 1].startsWith(ids.get(i) + ","), lines[i + 1]);
    assertTrue(lines[1].endsWith(host + "/?lang=uk#/practice/" + ids.get(0)), lines[1]);
    // Countries named in the page's language, like the tags beside them.
    for (int i = 1; i < lines.length; i++) assertTrue(lines[i].contains(",Україна,") || lines[i].contains(",Росія,"), lines[i]);

    JsonObject json = JsonParser.parseString(files.get(1)).getAsJsonObject();
    assertEquals(ids, StreamSupport.stream(json.getAsJsonArray("practices").spliterator(), false)
        .map(p -> p.getAsJsonObject().get("id").getAsString()).toList());
    assertEquals(java.util.Set.of("retrieved", "filters", "practices"), json.keySet(), "no search words in the file");
  }

  @Test
  void theDownloadedCsvHasNoCellASpreadsheetWouldRunAsAFormula() throws Exception {
    driver.get(host + "/?lang=en#/search?q=police");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 6 && !document.getElementById('downloads').hidden");
    // The download asks the API for every hit; here it answers with a practice whose fields a contributor wrote.
    js(driver, "window.blobs = []; const make = URL.createObjectURL; URL.createObjectURL = (b) => { window.blobs.push(b); return make(b); };"
        + "const real = window.fetch; window.fetch = (url, init) => String(url).includes('size=100')"
        + " ? Promise.resolve(new Response(JSON.stringify({ total: 1, hits: [{ id: 'UA-night-line-kyiv',"
        + " title: '-2+3 cells', organisation: '+Plus Foundation', country: '@Ukraine', locations: ['=1+1'], facets: {} }] }),"
        + " { headers: { 'Content-Type': 'application/json' } })) : real(url, init);");
    driver.findElements(By.cssSelector("#downloads button")).get(0).click();
    waitFor(driver, "return window.blobs.length === 1");
    String csv = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; window.blobs[0].text().then(done);");
    String[] lines = csv.replace("\uFEFF", "").split("\r?\n"); // the driver may hand CRLF back as LF
    assertEquals(2, lines.length, csv);
    assertEquals("UA-night-line-kyiv,'-2+3 cells,'+Plus Foundation,'@Ukraine,'=1+1," + host + "/?lang=en#/practice/UA-night-line-kyiv",
        lines[1]);
  }

  @Test
  void failuresSpeakThePagesLanguageAndLeaveNothingStale() throws Exception {
    driver.get(host + "/?lang=uk#/search?q=police");
    waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 6");
    driver.get(host + "/?lang=uk#/search?q=police&population=no-such-group");
    waitFor(driver, "return document.getElementById('alert').textContent.length > 0");
    assertTrue(driver.findElement(By.id("alert")).getText().startsWith(texts("uk").get("staleFilter").getAsString()));
    assertEquals(0, driver.findElements(By.cssSelector("#results-list .card, #facets input, #concepts .chip")).size());
    assertEquals("", driver.findElement(By.id("results-count")).getText());

    driver.get(host + "/?lang=uk#/search?page=99");
    waitFor(driver, "return location.hash === '#/search?page=4' && document.getElementById('results').getAttribute('aria-busy') === 'false'");
    assertEquals(texts("uk").get("pageOf").getAsString().replace("{page}", "4").replace("{pages}", "4"),
        driver.findElement(By.cssSelector("#pager .page-of")).getText());
    assertEquals("4000", driver.findElement(By.id("challenge-input")).getAttribute("maxlength"));
    assertEquals("1000", driver.findElement(By.id("search-input")).getAttribute("maxlength"));
  }

  @Test
  void everyViewIsAccessibleInEnglishAndUkrainianAndScreenshotted() throws Exception {
    for (String lang : List.of("en", "uk")) {
      driver.get(host + "/?lang=" + lang);
      waitFor(driver, "return document.querySelectorAll('#results-list .card:not(.skeleton)').length === 10");
      check("home", lang);

      describe(lang.equals("en") ? "Women working in saunas are afraid of raids and do not come to the clinic"
          : "Жінки, які працюють у саунах, бояться рейдів поліції і не приходять до клініки");
      check("challenge", lang);
      Browser.resize(driver, 375, 812); // one phone screen of results, as a person first sees them
      js(driver, "document.getElementById('results').scrollIntoView({block: 'start'})");
      Browser.viewport(driver, "page-challenge-" + lang + "-phone");
      Browser.resize(driver, 1280, 900);

      driver.get(host + "/?lang=" + lang + "#/search?q=police&country=Ukraine");
      waitFor(driver, "return document.querySelectorAll('#results-list .card').length === 3 && document.getElementById('results').getAttribute('aria-busy') === 'false'");
      check("results", lang);

      driver.findElement(By.cssSelector("#results-list .card-title a")).click();
      waitFor(driver, "return document.getElementById('practice-title') && document.querySelector('#similar .similar-list, #similar .hint')");
      driver.findElement(By.cssSelector(".practice-tools .cite")).click(); // at the top, the tags below the text
      driver.findElement(By.cssSelector(".tags .chip-why")).click();
      check("practice", lang);
    }
  }

  private static void check(String view, String lang) {
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), view + " " + lang);
    Browser.screenshot(driver, "page-" + view + "-" + lang + "-1280", 1280);
    Browser.screenshot(driver, "page-" + view + "-" + lang + "-375", 375);
  }

  @Test
  void thePartnersPageBuildsTheTagsAndIsAccessible() throws Exception {
    driver.get(host + "/?lang=en");
    waitFor(driver, "return document.getElementById('partners-link').textContent === arguments[0]", texts("en").get("partnersTitle").getAsString());
    driver.findElement(By.id("partners-link")).click();
    assertEquals(host + "/embed.html?lang=en", driver.getCurrentUrl());
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
    assertEquals("Contrast on white: 8.8:1, easy to read.", driver.findElement(By.id("b-contrast")).getText(), "#6b2c91 on white");

    assertEquals(List.of(), Browser.axeViolations(driver, "document"));
    Browser.screenshot(driver, "embed-page-1280", 1280);
    Browser.screenshot(driver, "embed-page-375", 375);
  }

  @Test
  void thePartnersPageFollowsTheReadersLanguageAndItsSwitch() throws Exception {
    JsonObject uk = texts("uk");
    JsonObject ru = texts("ru");
    driver.get(host + "/?lang=uk");
    waitFor(driver, "return document.getElementById('partners-link').textContent === arguments[0]", uk.get("partnersTitle").getAsString());
    driver.findElement(By.id("partners-link")).click();
    waitFor(driver, "const s = document.getElementById('b-population'); return s && s.options.length > 5");
    assertEquals(host + "/embed.html?lang=uk", driver.getCurrentUrl());

    assertEquals("uk", js(driver, "return document.documentElement.lang"));
    assertEquals(uk.get("partnersTitle").getAsString(), driver.findElement(By.tagName("h1")).getText());
    assertEquals(uk.get("partnersTitle").getAsString(), driver.getTitle());
    assertEquals(uk.get("quickExit").getAsString(), driver.findElement(By.id("quick-exit")).getText());
    assertEquals(uk.get("exitPressTwoMore").getAsString(), driver.findElement(By.id("quick-exit")).getAttribute("data-two-more"));
    JsonObject labels = api(HttpRequest.newBuilder(URI.create(host + "/api/facets?lang=uk"))).getAsJsonObject("facetLabels");
    Map<String, String> builder = Map.of("b-lang", "language", "b-limit", "partnersLimit", "b-accent", "partnersAccent");
    for (Map.Entry<String, String> label : builder.entrySet()) {
      assertEquals(uk.get(label.getValue()).getAsString(), driver.findElement(By.cssSelector("label[for='" + label.getKey() + "']")).getText());
    }
    assertEquals(labels.get("population").getAsString(), driver.findElement(By.cssSelector("label[for='b-population']")).getText());
    assertEquals(uk.get("partnersAny").getAsString(), new Select(driver.findElement(By.id("b-population"))).getFirstSelectedOption().getText());
    assertEquals(List.of(uk.get("partnersMode").getAsString(), uk.get("partnersFilters").getAsString()),
        driver.findElements(By.cssSelector("#builder legend")).stream().map(WebElement::getText).toList());
    assertEquals(uk.get("partnersContrastOk").getAsString().replace("{ratio}", "7,2"), driver.findElement(By.id("b-contrast")).getText(),
        "#0b5f73 on white, with a decimal comma");
    // Code stays code inside the translated sentence.
    WebElement options = driver.findElement(By.cssSelector("#options-heading + p"));
    assertEquals(List.of("<practice-finder>", "PracticeFinder.mount(element, options)", "/embed"),
        options.findElements(By.tagName("code")).stream().map(WebElement::getText).toList());
    assertEquals(uk.get("partnersOptionsText").getAsString().replace("{tag}", "<practice-finder>")
        .replace("{mount}", "PracticeFinder.mount(element, options)").replace("{embed}", "/embed"), options.getText());
    assertEquals("<practice-finder></practice-finder>\n<script src=\"" + host + "/widget.js\" async></script>",
        driver.findElement(By.id("snippet-tag")).getText(), "the tag names no language: the partner's page gives it");
    waitFor(driver, "const r = document.getElementById('preview').shadowRoot; return r && r.querySelector('label')");
    assertEquals(uk.get("widgetChallengeLabel").getAsString(),
        js(driver, "return document.getElementById('preview').shadowRoot.querySelector('label').textContent"), "the example follows the page");
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), "uk");
    checkPhoneWidth("uk");

    new Select(driver.findElement(By.id("b-population"))).selectByValue("transgender");
    js(driver, "window.scrollTo(0, 0)"); // the switch is in the header, under the quick exit's bar when scrolled
    driver.findElement(By.cssSelector(".lang-switch button[data-lang='ru']")).click();
    waitFor(driver, "return document.documentElement.lang === 'ru' && document.querySelector('label[for=\"b-population\"]').textContent === arguments[0]",
        api(HttpRequest.newBuilder(URI.create(host + "/api/facets?lang=ru"))).getAsJsonObject("facetLabels").get("population").getAsString());
    assertEquals(ru.get("partnersTitle").getAsString(), driver.findElement(By.tagName("h1")).getText());
    assertEquals("transgender", new Select(driver.findElement(By.id("b-population"))).getFirstSelectedOption().getAttribute("value"),
        "the choice outlives the switch");
    assertEquals("true", driver.findElement(By.cssSelector(".lang-switch button[data-lang='ru']")).getAttribute("aria-pressed"));
    assertEquals(host + "/embed.html?lang=ru", driver.getCurrentUrl(), "a reload or a shared link stays in Russian");
    assertEquals(host + "/?lang=ru", driver.findElement(By.id("home-link")).getAttribute("href"), "back to the main page in Russian");
    assertEquals(List.of(), Browser.axeViolations(driver, "document"), "ru");
    checkPhoneWidth("ru");
  }

  /** Nothing wider than a 375 px phone, and the page as it looks there. */
  private static void checkPhoneWidth(String lang) {
    Browser.resize(driver, 375, 812);
    try {
      assertEquals(375L, js(driver, "return document.documentElement.scrollWidth"), lang + ": no sideways scrolling");
    } finally {
      Browser.resize(driver, 1280, 900);
    }
    Browser.screenshot(driver, "embed-page-" + lang + "-375", 375);
    Browser.screenshot(driver, "embed-page-" + lang + "-1280", 1280);
  }
}
