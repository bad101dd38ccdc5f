package org.vigil.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of browser tests: the shared Vigil (see {@link IntegrationTest}) driven by a real headless
 * Chromium through chromedriver, one browser per test class. A failing test leaves a screenshot in
 * {@code target/screenshots}.
 *
 * <p>Chromium and chromedriver are found at {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs), or where the
 * {@code vigil.chromium} and {@code vigil.chromedriver} system properties say.
 */
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest extends IntegrationTest {

    public static final String PASSWORD = "browser-test-password";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        String chromium = System.getProperty("vigil.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(driver))) {
            throw new IllegalStateException("browser tests need Chromium and chromedriver (Debian: apt-get install "
                    + "chromium chromium-driver); looked for " + chromium + " and " + driver);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // The flags a sandboxed, offline machine needs; a new empty profile each time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A request in the browser's current session, for answers a page does not show (status codes, downloads). */
    protected HttpResponse<String> inSession(HttpRequest.Builder request) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(request.header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    /** A user with a password, in a team of the given kind; answers the user's id and e-mail. */
    protected record Person(long id, String name, String email, long teamId) {
    }

    protected Person person(String role, boolean vendor, List<String> skills, List<String> languages,
            List<String> clearances) {
        long team = admin.post("/api/v1/teams", Map.of("name", "team " + unique(), "vendor", vendor))
                .json().get("id").asLong();
        return person(role, team, skills, languages, clearances);
    }

    protected Person person(String role, long teamId, List<String> skills, List<String> languages,
            List<String> clearances) {
        String email = role.toLowerCase() + "." + unique() + "@vigil.test";
        String name = role.charAt(0) + role.substring(1).toLowerCase() + " " + unique();
        var created = admin.post("/api/v1/users", Map.of("name", name, "email", email, "roles", List.of(role),
                "teamId", teamId, "skills", skills, "languages", languages, "clearances", clearances,
                "password", PASSWORD));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a user: " + created);
        }
        return new Person(created.json().get("id").asLong(), name, email, teamId);
    }

    /** The API as this person, through a personal access token. */
    protected Api apiOf(Person person) {
        return api(admin.post("/api/v1/users/" + person.id() + "/tokens", Map.of()).json().get("secret").asString());
    }

    /** Signs out whoever is signed in and signs this person in; lands on the home page. */
    protected void signIn(Person person) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.name("email")).sendKeys(person.email());
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    protected <T> T waitFor(Function<WebDriver, T> condition) {
        // htmx swaps replace elements: one read between a swap's removal and insertion is retried. Chromium
        // reports such a read as a stale element or, at times, as a node that does not belong to the document.
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    protected WebElement find(String css) {
        return waitFor(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    protected static Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class ScreenshotOnFailure implements TestWatcher {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }
    }
}
