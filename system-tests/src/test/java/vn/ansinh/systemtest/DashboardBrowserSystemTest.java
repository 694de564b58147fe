package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.ansinh.testkit.ApiClient;

/**
 * A district officer signs in to the dashboard in a real headless Chromium; a donation recorded
 * through donation-service's API shows on the open page without reloading it. Needs Debian's
 * chromium and chromium-driver (.ci/run installs them); the screenshots are kept under
 * system-tests/target/screenshots.
 */
class DashboardBrowserSystemTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final Platform platform = Platform.get();
    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian packages chromium and chromium-driver are installed (apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Flags that keep Chromium from calling home on a machine without internet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDonationRecordedThroughTheApiShowsOnTheOpenDashboardWithoutReloading() throws Exception {
        String district = platform.bearer("cu-chi-district");
        ApiClient.Response fund = platform.donation.postJson("/api/v1/funds", district, ApiClient.json(
                Map.of("name", "Quỹ cứu trợ Củ Chi", "officeUnitCode", "783", "purpose", "Dashboard test")));
        assertThat(fund.status()).isEqualTo(201);

        browser.get("http://localhost:" + platform.reporting.port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page replaces its sign-in element once its script has run: a stale one is looked up again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(page -> page.findElement(By.id("signin")).isDisplayed());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("An Sinh – Bảng điều khiển");
        assertThat(browser.getPageSource()).as("no secret is ever asked for in the page").doesNotContain("type=\"password\"");
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        // The issuer's own sign-in page: a district approver signs in with her own account.
        wait.until(page -> page.getCurrentUrl().startsWith(platform.issuerUrl + "/login"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng nhập");
        // The sign-in page on a field officer's phone: nothing runs off to the side, fields a thumb can hit.
        browser.manage().window().setSize(new Dimension(390, 900));
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;")).as("fits a 390 px phone").isTrue();
        assertThat(browser.findElement(By.id("password")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        Path signInShots = Path.of(System.getProperty("ansinh.screenshots", "target/screenshots"));
        Files.createDirectories(signInShots);
        Files.write(signInShots.resolve("sign-in-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.findElement(By.id("username")).sendKeys("cuchi.approver");
        browser.findElement(By.id("password")).sendKeys("cuchi-demo-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitOrExplain(wait, page -> page.findElement(By.id("dashboard")).isDisplayed()
                && page.findElement(By.id("live")).getText().equals("Trực tiếp")
                && !page.findElement(By.id("kpi-cash")).getText().equals("–"));
        long cashBefore = amount(browser.findElement(By.id("kpi-cash")).getAttribute("data-full"));
        // A marker in the page's memory: it survives only if the page is never reloaded.
        Object pageMarker = ((JavascriptExecutor) browser).executeScript("return window.__marker = Math.random();");

        ApiClient.Response donation = platform.donation.postJson("/api/v1/donations", district, ApiClient.json(
                Map.of("fundId", fund.json().get("id").asString(), "amount", 12_345_000L, "channel", "BANK",
                        "reference", "VCB-DASHBOARD-" + System.nanoTime())));
        assertThat(donation.status()).isEqualTo(202);

        waitOrExplain(new WebDriverWait(browser, Duration.ofSeconds(20)), page ->
                amount(page.findElement(By.id("kpi-cash")).getAttribute("data-full")) == cashBefore + 12_345_000L);
        // Large sums fit their card as offices write them; the full figure is on hover, focus and for screen readers.
        assertThat(browser.findElement(By.cssSelector("#kpi-cash span[aria-hidden]")).getText()).matches("[0-9.,]+ (triệu|tỷ) ₫");
        assertThat(((JavascriptExecutor) browser).executeScript("return I18n.short(9772345000);")).isEqualTo("9,77 tỷ");
        assertThat(((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'chart-cash')).getOption().yAxis[0].axisLabel.formatter(9000000000);")).as("chart axes in Vietnamese units")
                .isEqualTo("9 tỷ");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__marker;"))
                .as("the page was not reloaded").isEqualTo(pageMarker);
        Path screenshots = Path.of(System.getProperty("ansinh.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve("dashboard-after-donation.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // English on request, and the charts were drawn by ECharts (canvas elements inside the chart boxes).
        browser.findElement(By.id("lang")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("An Sinh – Dashboard");
        assertThat(browser.findElements(By.cssSelector("#chart-units canvas, #chart-map canvas"))).hasSizeGreaterThanOrEqualTo(2);

        // On a phone's width the page still fits: nothing runs off to the side.
        browser.manage().window().setSize(new Dimension(390, 1400));
        String tooWide = "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                + "window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' "
                + "+ Math.round(e.getBoundingClientRect().right)).join(', ') + ' (window ' + window.innerWidth + ')';";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> (Boolean) ((JavascriptExecutor) page).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
        } catch (TimeoutException e) {
            throw new AssertionError("Wider than the phone: " + ((JavascriptExecutor) browser).executeScript(tooWide), e);
        }
        Files.write(screenshots.resolve("dashboard-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // Signing out at a shared desk ends the session at the issuer too: the next sign-in asks for a password.
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.findElement(By.id("signout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(page -> page.getCurrentUrl().startsWith(
                "http://localhost:" + platform.reporting.port + "/") && page.findElement(By.id("signin")).isDisplayed());
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(page -> page.getCurrentUrl().startsWith(platform.issuerUrl + "/login"));
    }

    @Test
    void thePublicMapNeedsNoSignInAndNamesNoOne() throws Exception {
        browser.get("http://localhost:" + platform.reporting.port + "/map.html?unit=79");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page ->
                page.findElement(By.id("unit-name")).getText().equals("Thành phố Hồ Chí Minh"));
        String table = browser.findElement(By.id("areas")).getText();
        assertThat(table).contains("Huyện Củ Chi").doesNotContainPattern("\\b\\d{12}\\b").doesNotContainPattern("\\b0\\d{9}\\b");
        // Hamlet names are typed by officers and ECharts draws tooltips as HTML: they are escaped first.
        assertThat(((JavascriptExecutor) browser).executeScript("return escapeHtml('<img src=x onerror=alert(1)>');"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        Path screenshots = Path.of(System.getProperty("ansinh.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve("public-map.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** On a timeout, keeps a screenshot and says what the page showed. */
    private void waitOrExplain(WebDriverWait wait, Function<WebDriver, Boolean> condition) throws Exception {
        try {
            wait.until(condition::apply);
        } catch (TimeoutException e) {
            Path screenshots = Path.of(System.getProperty("ansinh.screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("dashboard-failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("The dashboard showed: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** "12.345.000 ₫" as Vietnamese formatting writes it, back to a number. */
    private static long amount(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
