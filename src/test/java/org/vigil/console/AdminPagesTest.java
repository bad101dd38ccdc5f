package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vigil.support.Api;
import tools.jackson.databind.JsonNode;

class AdminPagesTest extends org.vigil.support.BrowserTest {

    private Person adminUser;

    @BeforeEach
    void signInAsAdmin() {
        adminUser = person("ADMIN", false, List.of(), List.of("en"), List.of());
        signIn(adminUser);
    }

    @Test
    void theAdminIndexLinksEveryAdminPage() {
        browser.findElement(By.linkText("Admin")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        for (String page : List.of("Queues", "Routing rules", "SLA policies and calendars", "Content policy", "Macros",
                "Users", "Teams and vendors", "API keys")) {
            browser.get(url("/admin"));
            browser.findElement(By.cssSelector(".admin-index")).findElement(By.linkText(page)).click();
            waitFor(d -> !d.getCurrentUrl().endsWith("/admin"));
            assertThat(find("main h1").getText()).as(page).isNotBlank();
            assertThat(browser.getPageSource()).as(page).doesNotContain("Whitelabel");
        }
    }

    @Test
    void anAdminCreatesAQueueAndSeesItListed() {
        String name = "Billing " + unique();
        browser.get(url("/admin/queues"));
        fill("#new-queue [name=name]", name);
        new Select(find("#new-queue [name=kind]")).selectByValue("support");
        find("#new-queue [name=allTeams]").click();
        fill("#new-queue [name=skills]", "billing, refunds");
        fill("#new-queue [name=languages]", "en");
        find("#new-queue button[type=submit]").click();

        assertThat(find(".flash").getText()).isEqualTo("Queue " + name + " created.");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/queues");
        WebElement row = rowOf("#queues", name);
        assertThat(row.getText()).contains("support", "all teams", "billing, refunds", "en");
        assertThat(admin.get("/api/v1/queues").body()).contains(name);
    }

    @Test
    void aRefusedQueueShowsTheFieldAndKeepsWhatWasTyped() {
        String name = "Nobody serves " + unique();
        browser.get(url("/admin/queues"));
        fill("#new-queue [name=name]", name);
        fill("#new-queue [name=skills]", "not a code!");
        find("#new-queue button[type=submit]").click();

        String problems = find(".problems").getText();
        assertThat(problems).contains("teamIds", "must name at least one team", "requiredSkills");
        assertThat(find("#new-queue [name=name]").getAttribute("value")).isEqualTo(name);
        assertThat(find("#new-queue [name=skills]").getAttribute("value")).isEqualTo("not a code!");
        assertThat(browser.findElement(By.id("queues")).getText()).doesNotContain(name);
    }

    @Test
    void typingAnInvalidConditionShowsItsLineAndColumnBeforeSavingAndAValidOneCompiles() {
        String name = "Big accounts " + unique();
        browser.get(url("/admin/rules/new"));
        fill("#rule-form [name=name]", name);
        WebElement condition = find("#rule-form [name=condition]");
        condition.sendKeys("reason == \"spam\"\n  && followers >");
        assertThat(textOnce("#condition-check", t -> t.contains("line 2, column")))
                .matches("(?s)line 2, column \\d+: .+");
        assertThat(admin.get("/api/v1/rules").body()).doesNotContain(name);

        condition.sendKeys(" 100000");
        textOnce("#condition-check", t -> t.equals("compiles"));

        new Select(find("#rule-form [name=priority]")).selectByValue("P1");
        fill("#rule-form [name=tags]", "big_account");
        find("#dry-run-button").click();
        assertThat(textOnce("#dry-run", t -> t.contains("would match"))).contains("cases created in the last 7 days", "set_priority", "add_tags");

        find("#rule-form button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Rule " + name + " created.");
        WebElement row = rowOf("#rules", name);
        assertThat(row.getText()).contains("enabled", "followers > 100000");

        row.findElement(By.linkText(name)).click();
        find("#rule-form [name=enabled]").click();
        find("#rule-form button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Rule " + name + " saved as version 2.");
        assertThat(rowOf("#rules", name).getText()).contains("disabled");
    }

    @Test
    void anAdminEditsAContentPolicyCategoryAndANewVersionAppears() {
        JsonNode before = admin.get("/api/v1/policy").json();
        int version = before.get("version").asInt();
        JsonNode categories = before.get("document").get("categories");
        JsonNode target = categories.get(categories.size() - 1);
        String code = target.get("code").asString();
        String description = "Edited in a browser test " + unique();
        String note = "Clarify the description " + unique();
        try {
            browser.get(url("/admin/policy"));
            browser.findElement(By.id("categories")).findElement(By.linkText(target.get("name").asString())).click();
            fill("#category-form [name=description]", description);
            fill("#category-form [name=note]", note);
            find("#category-form button[type=submit]").click();

            assertThat(find(".flash").getText()).isEqualTo("Content policy version " + (version + 1) + " saved.");
            assertThat(find("main h1").getText()).isEqualTo("Content policy, version " + (version + 1));
            assertThat(browser.findElement(By.id("policy-versions")).findElements(By.cssSelector("tbody tr"))
                    .getFirst().getText()).contains(String.valueOf(version + 1), note);
            assertThat(rowOf("#categories", target.get("name").asString()).getText()).contains(description);

            JsonNode after = admin.get("/api/v1/policy").json();
            assertThat(after.get("version").asInt()).isEqualTo(version + 1);
            assertThat(after.get("note").asString()).isEqualTo(note);
            JsonNode edited = after.get("document").get("categories").get(categories.size() - 1);
            assertThat(edited.get("code").asString()).isEqualTo(code);
            assertThat(edited.get("description").asString()).isEqualTo(description);
            assertThat(edited.get("allowedActions")).isEqualTo(target.get("allowedActions"));
            assertThat(edited.get("defaultPriority")).isEqualTo(target.get("defaultPriority"));
        } finally {
            Api.Answer restored = admin.put("/api/v1/policy", Map.of("categories", categories, "note",
                    "Restore after a browser test"));
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
    }

    @Test
    void aCategoryWithoutAllowedActionsIsRefusedAndNoVersionIsMade() {
        int version = admin.get("/api/v1/policy").json().get("version").asInt();
        browser.get(url("/admin/policy/categories/self_harm"));
        for (WebElement box : browser.findElements(By.cssSelector("#category-form [name=allowedActions]"))) {
            if (box.isSelected()) {
                box.click();
            }
        }
        find("#category-form button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("allowedActions", "must allow at least one action");
        assertThat(admin.get("/api/v1/policy").json().get("version").asInt()).isEqualTo(version);
    }

    @Test
    void aNewKeysSecretIsShownOnceAndTheListNeverShowsIt() {
        String name = "Product webhook " + unique();
        browser.get(url("/admin/keys"));
        fill("#new-key [name=name]", name);
        find("#new-key [name=scopes][value=read]").click();
        find("#new-key button[type=submit]").click();

        String secret = find("#issued .secret-value").getText();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(api(secret).get("/api/v1/queues").status()).isEqualTo(200);
        WebElement row = rowOf("#keys", name);
        assertThat(row.getText()).contains("read", "by user:" + adminUser.id()).doesNotContain(secret);

        browser.get(url("/admin/keys"));
        rowOf("#keys", name);
        assertThat(browser.findElements(By.id("issued"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        rowOf("#keys", name).findElement(By.cssSelector("button.danger")).click();
        assertThat(find(".flash").getText()).endsWith("revoked.");
        assertThat(browser.findElement(By.id("keys")).getText()).doesNotContain(name);
        assertThat(api(secret).get("/api/v1/queues").status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesACalendarAndAPolicyOnItAndEditsThePolicysTargets() {
        String calendar = "Dublin office " + unique();
        browser.get(url("/admin/sla"));
        fill("#new-calendar [name=name]", calendar);
        fill("#new-calendar [name=zone]", "Europe/Dublin");
        fill("#new-calendar [name=holidays]", "2026-12-25, 2026-12-26");
        find("#new-calendar button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Calendar " + calendar + " created.");
        assertThat(rowOf("#calendars", calendar).getText()).contains("Europe/Dublin", "MON 09:00–17:00");

        String policy = "Press escalations " + unique();
        fill("#new-policy [name=name]", policy);
        new Select(find("#new-policy [name=calendarId]")).selectByVisibleText(calendar + " (Europe/Dublin)");
        fill("#new-policy [name='target.time_to_decision.P0']", "60");
        fill("#new-policy [name='target.time_to_decision.P1']", "soon");
        find("#new-policy button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("targets.time_to_decision.P1", "whole number");
        assertThat(find("#new-policy [name=name]").getAttribute("value")).isEqualTo(policy);
        assertThat(find("#new-policy [name='target.time_to_decision.P1']").getAttribute("value")).isEqualTo("soon");

        fill("#new-policy [name='target.time_to_decision.P1']", "240");
        find("#new-policy button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("SLA policy " + policy + " created.");
        assertThat(rowOf("#policies", policy).getText()).contains("review", "P0 60m", "P1 240m");

        rowOf("#policies", policy).findElement(By.linkText(policy)).click();
        fill("#edit-policy [name='target.time_to_decision.P0']", "30");
        find("#edit-policy button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("SLA policy " + policy + " saved as version 2.");
        assertThat(rowOf("#policies", policy).getText()).contains("P0 30m", "P1 240m", "by user:" + adminUser.id());

        // the calendar's page: split Monday's hours, close Friday, add a holiday; a bad span names its day
        rowOf("#calendars", calendar).findElement(By.linkText(calendar)).click();
        assertThat(find("main").getText()).contains("Used by " + policy);
        assertThat(find("#edit-calendar [name='hours.MONDAY']").getAttribute("value")).isEqualTo("09:00-17:00");
        assertThat(find("#edit-calendar [name=holidays]").getAttribute("value")).isEqualTo("2026-12-25, 2026-12-26");
        fill("#edit-calendar [name='hours.MONDAY']", "09:00-12:00, 13:00-17:00");
        fill("#edit-calendar [name='hours.FRIDAY']", "");
        fill("#edit-calendar [name='hours.SATURDAY']", "17:00-09:00");
        fill("#edit-calendar [name=holidays]", "2026-12-25, 2026-12-26, 2027-01-01");
        find("#edit-calendar button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("SATURDAY", "must open before it closes");
        assertThat(find("#edit-calendar [name='hours.MONDAY']").getAttribute("value"))
                .isEqualTo("09:00-12:00, 13:00-17:00");
        fill("#edit-calendar [name='hours.SATURDAY']", "");
        find("#edit-calendar button[type=submit]").click();
        assertThat(find(".flash").getText()).startsWith("Calendar " + calendar + " saved");
        assertThat(rowOf("#calendars", calendar).getText()).contains("MON 09:00–12:00, 13:00–17:00", "THU 09:00–17:00",
                        "by user:" + adminUser.id())
                .doesNotContain("FRI");
        assertThat(rowOf("#calendars", calendar).findElements(By.tagName("td")).get(4).getText()).isEqualTo("3");
    }

    @Test
    void anAdminCreatesAndEditsAMacro() {
        String name = "Refund answer " + unique();
        browser.get(url("/admin/macros"));
        fill("#macro-form [name=name]", name);
        fill("#macro-form [name=body]", "Hello, this is {{agent.name}} about {{refund.amount}}.");
        find("#macro-form button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("body", "refund.amount");
        assertThat(find("#macro-form [name=body]").getAttribute("value")).contains("{{refund.amount}}");

        fill("#macro-form [name=body]", "Hello, this is {{agent.name}} about case {{case.id}}.");
        new Select(find("#macro-form [name=setStatus]")).selectByValue("solved");
        find("#macro-form button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Macro " + name + " created.");
        assertThat(rowOf("#macros", name).getText()).contains("any", "en", "solved");

        rowOf("#macros", name).findElement(By.linkText(name)).click();
        fill("#macro-form [name=addTags]", "refund");
        find("#macro-form button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Macro " + name + " saved as version 2.");
        assertThat(rowOf("#macros", name).getText()).contains("refund");
    }

    @Test
    void anAdminCreatesAVendorTeamAndAUserInIt() throws Exception {
        String team = "Vendor " + unique();
        browser.get(url("/admin/teams"));
        fill("#new-team [name=name]", team);
        find("#new-team [name=vendor]").click();
        find("#new-team button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("Vendor team " + team + " created.");
        assertThat(rowOf("#teams", team).getText()).contains("vendor");

        String email = "new." + unique() + "@vigil.test";
        browser.get(url("/admin/users"));
        fill("#new-user [name=name]", "New Reviewer");
        fill("#new-user [name=email]", email);
        find("#new-user [name=roles][value=SPECIALIST]").click();
        new Select(find("#new-user [name=teamId]")).selectByVisibleText(team + " (vendor)");
        fill("#new-user [name=skills]", "review");
        fill("#new-user [name=clearances]", "self_harm");
        fill("#new-user [name=password]", "short");
        find("#new-user button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("password", "12 characters to 72 bytes");
        assertThat(find("#new-user [name=email]").getAttribute("value")).isEqualTo(email);
        assertThat(find("#new-user [name=password]").getAttribute("value")).isEmpty();

        fill("#new-user [name=password]", "a long enough password");
        find("#new-user button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("User New Reviewer created.");
        assertThat(rowOf("#users", email).getText()).contains("AGENT, SPECIALIST", team, "vendor", "self_harm");
        HttpClient session = signedInSession(email, "a long enough password");
        assertThat(session.send(get("/"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(session.send(get("/floor"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        // made a lead in another team with another clearance: a role is required, and the change reaches the
        // open session
        String inHouse = "In-house " + unique();
        admin.post("/api/v1/teams", Map.of("name", inHouse, "vendor", false));
        rowOf("#users", email).findElement(By.tagName("a")).click();
        assertThat(find("#edit-user [name=clearances]").getAttribute("value")).isEqualTo("self_harm");
        for (WebElement role : browser.findElements(By.cssSelector("#edit-user [name=roles]:checked"))) {
            role.click();
        }
        find("#edit-user button[type=submit]").click();
        assertThat(find(".problems").getText()).contains("roles", "at least one");
        find("#edit-user [name=roles][value=LEAD]").click();
        fill("#edit-user [name=clearances]", "self_harm, child_safety");
        String newEmail = "moved." + unique() + "@vigil.test";
        fill("#edit-user [name=email]", newEmail);
        new Select(find("#edit-user [name=teamId]")).selectByVisibleText(inHouse);
        find("#edit-user button[type=submit]").click();
        assertThat(find(".flash").getText()).isEqualTo("New Reviewer changed: it applies from their next request.");
        assertThat(rowOf("#users", newEmail).getText()).contains("LEAD", inHouse, "self_harm, child_safety")
                .doesNotContain("AGENT");
        assertThat(session.send(get("/floor"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        // they sign in with the new address from now on
        assertThat(signedInSession(newEmail, "a long enough password")
                .send(get("/floor"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        rowOf("#users", newEmail).findElement(By.tagName("a")).click();
        assertThat(find("#changes").getText()).contains("roles: AGENT, SPECIALIST → LEAD",
                "team: " + team + " → " + inHouse, "clearances: self_harm → self_harm, child_safety", "email: " + email + " → " + newEmail,
                "user:" + adminUser.id());
        // the creation is the first entry: who gave the first roles and clearances
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr")).getLast().getText())
                .contains("user:" + adminUser.id(), "created", "roles: AGENT, SPECIALIST", "team: " + team,
                        "clearances: self_harm");
    }

    @Test
    void anAgentIsRefusedEveryAdminPage() throws Exception {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        HttpClient session = signedInSession(agent.email(), PASSWORD);
        assertThat(session.send(get("/"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        for (String page : List.of("/admin", "/admin/queues", "/admin/keys", "/admin/policy")) {
            assertThat(session.send(get(page), HttpResponse.BodyHandlers.discarding()).statusCode()).as(page)
                    .isEqualTo(403);
        }
        HttpClient adminSession = signedInSession(adminUser.email(), PASSWORD);
        assertThat(adminSession.send(get("/admin"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    private void fill(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The text of an element htmx swaps, once it satisfies the condition (a swapped-out element is retried). */
    private String textOnce(String css, Predicate<String> condition) {
        return waitFor(d -> {
            try {
                String text = d.findElement(By.cssSelector(css)).getText();
                return condition.test(text) ? text : null;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return null;
            }
        });
    }

    /** The row of a table that shows this text, waiting for it. */
    private WebElement rowOf(String table, String text) {
        return waitFor(d -> d.findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElse(null));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).build();
    }

    /** An HTTP client signed in through the sign-in form, keeping the session cookie. */
    private HttpClient signedInSession(String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form has a CSRF field").isTrue();
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        var signedIn = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return http;
    }
}
