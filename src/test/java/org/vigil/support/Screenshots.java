package org.vigil.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the README's screenshots from a running Vigil with the demo data, at 1366×768:
 * {@code Screenshots http://localhost:8080 docs/images}. A third argument names the pages (comma-separated, by
 * default {@code floor,workforce}) and a fourth the demo user who opens them (by default the lead).
 */
public final class Screenshots {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            browser.manage().window().setSize(new Dimension(1366, 768));
            signIn(browser, base, "agent@vigil.example");
            browser.get(base + "/review");
            if (!browser.findElements(By.cssSelector("#next-case button")).isEmpty()) {
                browser.findElement(By.cssSelector("#next-case button")).click();
            }
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("decision")).isEmpty());
            save(browser, out.resolve("review.png"));
            signIn(browser, base, args.length > 3 ? args[3] : "lead@vigil.example");
            for (String page : args.length > 2 ? args[2].split(",") : new String[] {"floor", "workforce"}) {
                browser.get(base + "/" + page);
                Thread.sleep(500);
                save(browser, out.resolve(page.replace('/', '-') + ".png"));
            }
        } finally {
            browser.quit();
        }
    }

    private static void signIn(WebDriver browser, String base, String email) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("vigil-demo-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void save(WebDriver browser, Path file) throws Exception {
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
