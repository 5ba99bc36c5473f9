package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The history viewer in a real headless Chromium, the way a person uses it. CI (CI=true) installs
 * Chromium and its driver in .ci/run and fails here without them; elsewhere the test is skipped then.
 */
class ViewerTest extends ServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("Chromium and ChromeDriver must be installed in CI (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed here: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("viewer-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1800));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aPersonSignsInChartsACharacterHistoryAndComparesTwoVersions() throws IOException {
        User user = api.signUp();
        String name = "Viewer " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = api.createCharacter(user, name).id();                                           // v1: level 1
        gain(user, id, 400, "cleared the mine");                                                  // v2: 400, level 2
        assertThat(api.put("/api/v1/characters/" + id + "/name", user.token(),
                Api.map("name", name + " the Bold")).status()).isEqualTo(200);                    // v3
        gain(user, id, 600, "slew the wyrm");                                                     // v4: 1000, level 3
        assertThat(api.put("/api/v1/characters/" + id + "/attributes", user.token(),
                Api.map("strength", 15)).status()).isEqualTo(200);                                // v5
        gain(user, id, 2000, "saved the city");                                                   // v6: 3000, level 4
        int versions = 6;

        browser.get(base() + "/viewer");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login"))).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("sign-in-button")).click();

        By mine = By.cssSelector("#mine a[data-character-id='" + id + "']");
        wait.until(ExpectedConditions.elementToBeClickable(mine)).click();

        wait.until(ExpectedConditions.urlToBe(base() + "/viewer/characters/" + id));
        wait.until(ExpectedConditions.textToBe(By.id("character-title"), name + " the Bold"));
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(versions);
        chartDrawnWith(wait, versions);
        assertThat(points("experience-line")).hasSize(versions);

        // the address of a character opens it directly, here on a page loaded afresh
        browser.navigate().refresh();
        chartDrawnWith(wait, versions);
        List<Double> experience = heights(points("experience-line"));
        // SVG y grows downwards: experience only rises, so each point sits no lower than the one before
        for (int i = 1; i < experience.size(); i++) {
            assertThat(experience.get(i)).isLessThanOrEqualTo(experience.get(i - 1));
        }
        assertThat(experience.get(versions - 1)).isLessThan(experience.get(0));

        browser.findElement(By.id("from-2")).click();
        browser.findElement(By.id("to-6")).click();
        browser.findElement(By.id("compare")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-title"), "From version 2 to version 6"));
        String patch = browser.findElement(By.id("patch")).getText();
        assertThat(patch).contains("/experience", "/level", "/name", "/attributes/strength");
        assertThat(changedLines("left")).anySatisfy(line -> assertThat(line).contains("\"experience\": 400"))
                .anySatisfy(line -> assertThat(line).contains("\"level\": 2"))
                .noneSatisfy(line -> assertThat(line).contains("\"race\""));
        assertThat(changedLines("right")).anySatisfy(line -> assertThat(line).contains("\"experience\": 3000"))
                .anySatisfy(line -> assertThat(line).contains("\"level\": 4"))
                .anySatisfy(line -> assertThat(line).contains("\"name\": \"" + name + " the Bold\""))
                .anySatisfy(line -> assertThat(line).contains("\"strength\": 15"));

        browser.executeScript("window.scrollTo(0, 0)");
        Path screenshot = Path.of("target", "viewer.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private void gain(User user, UUID id, int amount, String reason) {
        assertThat(api.post("/api/v1/characters/" + id + "/experience", user.token(),
                Api.map("amount", amount, "reason", reason)).status()).isEqualTo(200);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void chartDrawnWith(WebDriverWait wait, int points) {
        wait.until(ExpectedConditions.attributeToBe(By.id("experience-line"), "data-points", String.valueOf(points)));
        wait.until(ExpectedConditions.attributeToBe(By.id("level-line"), "data-points", String.valueOf(points)));
    }

    private List<String> points(String polyline) {
        return List.of(browser.findElement(By.id(polyline)).getDomAttribute("points").trim().split("\\s+"));
    }

    private static List<Double> heights(List<String> points) {
        return points.stream().map(p -> Double.parseDouble(p.split(",")[1])).toList();
    }

    private List<String> changedLines(String side) {
        return browser.findElements(By.cssSelector("#" + side + " .line.changed")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }
}
