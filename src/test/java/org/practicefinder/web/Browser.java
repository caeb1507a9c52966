package org.practicefinder.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.practicefinder.TestLibrary;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (named explicitly, so Selenium
 * Manager never downloads anything), and what the browser tests share: waiting on a script, screenshots
 * in {@code target/screenshots}, axe-core from npm, and a partner's site on a second origin.
 */
final class Browser {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  /** A new headless chromium with an empty profile, 1280 px wide; fails saying what to install when it is missing. */
  static ChromeDriver start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): run .ci/run, which installs them, or apt-get install -y chromium chromium-driver");
    }
    try {
      Path profile = Files.createTempDirectory("pf-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--window-size=1280,900", "--hide-scrollbars", "--lang=en-US");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * How long a browser test waits for the page: a bound on a hung page, not a speed goal (waits end as
   * soon as their condition holds), so generous enough for a loaded machine.
   */
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Waits up to {@link #WAIT} for {@code script} (a function body) to return something truthy, and returns it. */
  static Object waitFor(WebDriver driver, String script, Object... args) {
    return new WebDriverWait(driver, WAIT).until(d -> {
      Object value = js(d, script, args);
      return value == null || Boolean.FALSE.equals(value) || "".equals(value) ? null : value;
    });
  }

  /** Resizes the window and waits until the page has laid itself out at the new width. */
  static void resize(WebDriver driver, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    waitFor(driver, "return window.innerWidth === arguments[0]", width);
  }

  /** Resizes the window to {@code width} px and saves a full-page screenshot as target/screenshots/{@code name}.png. */
  static Path screenshot(ChromeDriver driver, String name, int width) {
    resize(driver, width, 900);
    long height = ((Number) js(driver, "window.scrollTo(0, 0); return Math.max(document.documentElement.scrollHeight, 600)")).longValue();
    resize(driver, width, (int) Math.min(height, 2400));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      resize(driver, 1280, 900);
    }
  }

  /** Saves what is on the screen now, at the window's size, as target/screenshots/{@code name}.png. */
  static Path viewport(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (from npm, installed by .ci/run) on the element that {@code target} (a script expression)
   * names, in the current page or frame, and returns its violations as "rule: first target" lines.
   */
  @SuppressWarnings("unchecked")
  static List<String> axeViolations(WebDriver driver, String target) {
    if (!Files.isRegularFile(AXE)) fail("axe-core is missing (" + AXE + "): run .ci/run, which installs it with npm ci");
    try {
      js(driver, Files.readString(AXE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(" + target + ", {resultTypes: ['violations']})"
            + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => JSON.stringify(n.target)).join(' '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /** The page's interface texts in {@code lang}, as web/texts/{@code lang}.json has them. */
  static JsonObject texts(String lang) {
    try {
      return JsonParser.parseString(Files.readString(Path.of("web", "texts", lang + ".json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server of the real library and a browser, for one test class; close it after. */
  static final class Session implements AutoCloseable {
    final ApiServer server = TestLibrary.startServer();
    final String host = "http://localhost:" + server.port();
    final ChromeDriver driver = start();

    @Override
    public void close() {
      driver.quit();
      server.close();
    }
  }

  /** A port nothing listens on: a server that is down. */
  static int deadPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A partner's site on a second origin (127.0.0.1 and its own port): HTML pages put by path. */
  static final class PartnerSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    PartnerSite() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        String page = pages.get(exchange.getRequestURI().getPath());
        byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }

    /** Serves {@code html} at {@code path} and returns its URL. */
    String put(String path, String html) {
      pages.put(path, html);
      return origin() + path;
    }

    String origin() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
