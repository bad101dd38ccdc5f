package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.vigil.support.BrowserTest;

class SignInTest extends BrowserTest {

    @Test
    void anAgentSignsInAndSeesTheQueuesTheyMayWork() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        signIn(agent);
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).startsWith("Agent ");
        assertThat(browser.findElement(By.id("queues")).getText()).contains("Review review", "Support support");
        // an agent's page has no links to the leads' and admins' pages
        assertThat(browser.findElements(By.linkText("Floor"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Admin"))).isEmpty();
    }

    @Test
    void anAgentTakesABreakAndComesBackFromTheHeader() {
        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        assertThat(find("#my-state").getText()).isEqualTo("available");
        browser.findElement(By.xpath("//button[text()='Take a break']")).click();
        waitFor(d -> d.findElement(By.id("my-state")).getText().equals("break"));
        browser.findElement(By.xpath("//button[text()='Back to work']")).click();
        waitFor(d -> d.findElement(By.id("my-state")).getText().equals("available"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheUserExists() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        for (String email : List.of(agent.email(), "nobody." + unique() + "@vigil.test")) {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            browser.findElement(By.name("email")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys("not the password");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/login?error"));
            assertThat(find("[role=alert]").getText()).isEqualTo("Wrong e-mail or password.");
        }
    }

    @Test
    void tenWrongPasswordsLockTheEMailForAWhileButNotOthers() {
        Person target = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        for (int i = 0; i < 10; i++) {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            browser.findElement(By.name("email")).sendKeys(target.email());
            browser.findElement(By.name("password")).sendKeys("guess " + i);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/login?error"));
        }
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.name("email")).sendKeys(target.email().toUpperCase());
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/login?locked"));
        assertThat(find("[role=alert]").getText()).startsWith("Too many failed sign-ins");

        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void aDeactivatedUserIsSignedOutAtOnceAndTheirTokenStopsWorking() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        var token = apiOf(agent);
        assertThat(token.get("/api/v1/me").status()).isEqualTo(200);
        signIn(agent);

        Person adminUser = person("ADMIN", false, List.of(), List.of("en"), List.of());
        String agentSession = browser.manage().getCookieNamed("JSESSIONID").getValue();
        signIn(adminUser);
        browser.get(url("/admin/users"));
        browser.findElement(By.xpath("//table[@id='users']//tr[td[text()='" + agent.email()
                + "']]//button[text()='Deactivate']")).click();
        assertThat(find("[role=status]").getText()).contains("is deactivated");

        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", agentSession));
        browser.get(url("/"));
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.name("email")).sendKeys(agent.email());
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/login?error"));

        assertThat(admin.post("/api/v1/users/" + agent.id() + "/activate", Map.of()).json().get("active").asBoolean())
                .isTrue();
        signIn(agent);
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
        browser.get(url("/"));
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void pagesWithoutASessionSendToSignInAndFormsWithoutTheCsrfTokenAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create(url("/cases"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        var login = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void aSignedInFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        var post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/me/state")))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("state=break")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(post.statusCode()).isEqualTo(403);
        browser.navigate().refresh();
        assertThat(find("#my-state").getText()).isEqualTo("available");
    }

    @Test
    void pagesForbidScriptsVigilDidNotServe() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
}
