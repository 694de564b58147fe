package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium on the office console: signs in at the issuer, fills forms, checks
 * each page with axe-core and keeps screenshots under office-console/target/screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    private static final String AXE = loadAxe();

    final WebDriver driver;
    private final String consoleUrl;
    private final String issuerUrl;
    private final Path screenshots;

    ConsoleBrowser(String consoleUrl, String issuerUrl, int width) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian packages chromium and chromium-driver are installed").isTrue();
        this.consoleUrl = consoleUrl;
        this.issuerUrl = issuerUrl;
        this.screenshots = Path.of(System.getProperty("ansinh.console.screenshots", "target/screenshots"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + ",1000", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 1000));
    }

    private static String loadAxe() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core's webjar is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void open(String path) {
        driver.get(consoleUrl + path);
    }

    /** From the console's front page through the issuer's sign-in page and back, as the person. */
    void signIn(String username, String password) {
        open("/");
        click(By.id("signin"));
        waitFor(page -> page.getCurrentUrl().startsWith(issuerUrl + "/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
        waitFor(page -> page.getCurrentUrl().startsWith(consoleUrl + "/") && !page.findElements(By.id("signout")).isEmpty());
    }

    /**
     * The element once the page has it: a form posted by the step before may still be on its way to the
     * next page (the browser does not wait for it on a click), so the element is waited for, up to 30 s.
     */
    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(page -> page.findElement(by));
    }

    /** Does {@code action} to the element, looked up again if the page was replaced under it meanwhile. */
    private <T> T onElement(By by, Function<WebElement, T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.apply(find(by));
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return onElement(by, WebElement::getText);
    }

    String h1() {
        return text(By.tagName("h1"));
    }

    void click(By by) {
        onElement(by, element -> {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return null;
        });
    }

    void type(By by, String text) {
        onElement(by, field -> {
            field.clear();
            field.sendKeys(text);
            return null;
        });
    }

    void choose(By by, String visibleText) {
        onElement(by, element -> {
            new Select(element).selectByVisibleText(visibleText);
            return null;
        });
    }

    void chooseValue(By by, String value) {
        onElement(by, element -> {
            new Select(element).selectByValue(value);
            return null;
        });
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(Function<WebDriver, Boolean> condition) {
        try {
            // A page that navigates while it is looked at leaves stale elements: looked at again.
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            screenshot("failure-" + System.currentTimeMillis());
            throw new AssertionError("The page " + driver.getCurrentUrl() + " showed: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** axe-core inside the page: no serious or critical violation of WCAG 2 A/AA or best practice. */
    void assertAccessible(String pageName) {
        script(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));");
        assertThat(violations).as("serious or critical accessibility violations on " + pageName).isEmpty();
    }

    /** Nothing runs off the side of the window (a phone must not scroll sideways). */
    void assertFitsWidth(String pageName) {
        Object tooWide = script("return document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' : "
                + "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
        assertThat(tooWide).as(pageName + " is wider than the window").isEqualTo("");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checked with axe, fits its width, kept as a screenshot, its load time noted in page-times.tsv. */
    void checkPage(String name) {
        notePageTime(name);
        assertAccessible(name);
        assertFitsWidth(name);
        screenshot(name);
    }

    /** The network as Chromium sees it: offline, the page's requests fail and {@code navigator.onLine} is false. */
    void offline(boolean offline) {
        org.openqa.selenium.chromium.ChromiumNetworkConditions conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        conditions.setOffline(offline);
        ((ChromeDriver) driver).setNetworkConditions(conditions);
    }

    /** A file the signed-in person downloads, fetched with their session cookie. */
    byte[] download(String path) {
        org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("ANSINH_CONSOLE");
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(consoleUrl + path))
                            .header("Cookie", "ANSINH_CONSOLE=" + session.getValue()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("download of " + path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** How long the page took from request to load event (Navigation Timing), for the README's figures. */
    private void notePageTime(String name) {
        Object millis = script("const n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
        try {
            Files.createDirectories(screenshots);
            Files.writeString(screenshots.resolve("page-times.tsv"), name + "\t" + millis + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
