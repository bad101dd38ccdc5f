package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class SlaTest extends IntegrationTest {

    @Autowired
    SlaWatch watch;

    private long inquiry() {
        Api.Answer answer = admin.post("/api/v1/inquiries", Map.of(
                "requester", Map.of("email", "waiting@example.com", "locale", "en-GB"),
                "subject", "Cannot log in", "body", "The code never arrives.", "category", "account"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("caseId").asLong();
    }

    private static JsonNode metric(JsonNode sla, String code) {
        for (JsonNode m : sla.get("metrics")) {
            if (m.get("metric").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + code + " in " + sla);
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    /** Moves a case's whole history back in time, as if it had been created {@code by} earlier. */
    private void age(long caseId, Duration by) {
        jdbc.sql("update vigil_case set created_at = created_at - cast(:by as interval), "
                        + "updated_at = updated_at - cast(:by as interval) where id = :id")
                .param("by", by.toSeconds() + " seconds").param("id", caseId).update();
        jdbc.sql("update vigil_case set sla_due_at = sla_due_at - cast(:by as interval), "
                        + "sla_next_check_at = sla_next_check_at - cast(:by as interval) where id = :id")
                .param("by", by.toSeconds() + " seconds").param("id", caseId).update();
        jdbc.sql("update case_event set created_at = created_at - cast(:by as interval) where case_id = :id")
                .param("by", by.toSeconds() + " seconds").param("id", caseId).update();
    }

    private List<String> eventTypes(long caseId) {
        List<String> types = new ArrayList<>();
        admin.get("/api/v1/cases/" + caseId + "/events").json().get("events").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    @Test
    void aSupportCaseIsMeasuredFromItsCreationUnderTheDefaultSupportPolicy() {
        long id = inquiry();
        JsonNode kase = admin.get("/api/v1/cases/" + id).json();
        JsonNode sla = admin.get("/api/v1/cases/" + id + "/sla").json();

        assertThat(sla.get("policyName").asString()).isEqualTo("Support");
        Instant created = instant(kase.get("createdAt"));
        JsonNode firstReply = metric(sla, "first_reply");
        assertThat(firstReply.get("state").asString()).isEqualTo("active");
        assertThat(firstReply.get("breached").asBoolean()).isFalse();
        assertThat(firstReply.get("targetSeconds").asLong()).isEqualTo(86_400);
        assertThat(instant(firstReply.get("dueAt"))).isEqualTo(created.plus(Duration.ofHours(24)));
        assertThat(metric(sla, "next_reply").get("state").asString()).isEqualTo("not_started");
        assertThat(instant(metric(sla, "full_resolution").get("dueAt"))).isEqualTo(created.plus(Duration.ofDays(5)));
        // the queue orders by the earliest due clock
        assertThat(instant(kase.get("slaDueAt"))).isEqualTo(created.plus(Duration.ofHours(24)));
    }

    @Test
    void aReplyAchievesFirstReplyPendingPausesResolutionAndAFollowUpStartsNextReply() {
        long id = inquiry();
        admin.post("/api/v1/cases/" + id + "/replies", Map.of("body", "Could you tell us your device?",
                "status", "pending"));

        JsonNode waiting = admin.get("/api/v1/cases/" + id + "/sla").json();
        assertThat(metric(waiting, "first_reply").get("state").asString()).isEqualTo("achieved");
        assertThat(metric(waiting, "first_reply").get("breached").asBoolean()).isFalse();
        JsonNode paused = metric(waiting, "full_resolution");
        assertThat(paused.get("state").asString()).isEqualTo("paused");
        assertThat(paused.get("dueAt").isNull()).isTrue();
        assertThat(metric(waiting, "next_reply").get("state").asString()).isEqualTo("not_started");
        assertThat(admin.get("/api/v1/cases/" + id).json().get("slaDueAt").isNull()).isTrue();

        Api integration = integration("intake");
        Api.Answer followUp = integration.post("/api/v1/cases/" + id + "/requester-messages",
                Map.of("body", "An old Android phone."));
        assertThat(followUp.status()).isEqualTo(201);
        assertThat(followUp.json().get("status").asString()).isEqualTo("open");

        JsonNode running = admin.get("/api/v1/cases/" + id + "/sla").json();
        JsonNode nextReply = metric(running, "next_reply");
        assertThat(nextReply.get("state").asString()).isEqualTo("active");
        Instant started = instant(nextReply.get("startedAt"));
        assertThat(instant(nextReply.get("dueAt"))).isEqualTo(started.plus(Duration.ofHours(24)));
        assertThat(metric(running, "full_resolution").get("state").asString()).isEqualTo("active");

        admin.post("/api/v1/cases/" + id + "/replies", Map.of("body", "Thanks, fixed now.", "status", "solved"));
        JsonNode done = admin.get("/api/v1/cases/" + id + "/sla").json();
        assertThat(metric(done, "next_reply").get("state").asString()).isEqualTo("achieved");
        assertThat(metric(done, "full_resolution").get("state").asString()).isEqualTo("achieved");
        assertThat(admin.get("/api/v1/cases/" + id).json().get("slaDueAt").isNull()).as(done.toString() + admin.get("/api/v1/cases/" + id).json()).isTrue();
    }

    @Test
    void aReviewCaseAboutSelfHarmIsDueWithinHalfAnHour() {
        String subject = "sla_char_" + unique();
        JsonNode filed = admin.post("/api/v1/reports", userReport("character", subject, "self_harm", "r-" + unique()))
                .json();
        long id = filed.get("caseId").asLong();
        JsonNode kase = admin.get("/api/v1/cases/" + id).json();
        JsonNode decision = metric(admin.get("/api/v1/cases/" + id + "/sla").json(), "time_to_decision");

        assertThat(kase.get("priority").asString()).isEqualTo("P0");
        assertThat(decision.get("targetSeconds").asLong()).isEqualTo(1800);
        assertThat(instant(kase.get("slaDueAt"))).isEqualTo(instant(kase.get("createdAt")).plus(Duration.ofMinutes(30)));
    }

    @Test
    void aBatchThatRaisesThePriorityOfSeveralCasesTightensEachCasesClock() {
        List<Long> ids = new ArrayList<>();
        List<Object> raising = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String subject = "sla_raise_" + unique();
            ids.add(admin.post("/api/v1/reports", userReport("character", subject, "spam", "r-" + unique()))
                    .json().get("caseId").asLong());
            raising.add(userReport("character", subject, "self_harm", "r-" + unique()));
        }
        // Each case a different age, so that a clock computed for the wrong case shows.
        age(ids.get(0), Duration.ofMinutes(5));
        age(ids.get(2), Duration.ofMinutes(12));

        admin.post("/api/v1/reports/batch", Map.of("reports", raising));

        for (long id : ids) {
            JsonNode kase = admin.get("/api/v1/cases/" + id).json();
            assertThat(kase.get("priority").asString()).isEqualTo("P0");
            assertThat(instant(kase.get("slaDueAt")))
                    .isEqualTo(instant(kase.get("createdAt")).plus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void theWatcherWarnsLeadsBeforeABreachThenRecordsTheBreachAndEscalatesOnce() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Support desk " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = "lead-" + unique();
        long leadId = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("LEAD"), "teamId", team)).json().get("id").asLong();
        Api lead = api(admin.post("/api/v1/users/" + leadId + "/tokens", Map.of()).json().get("secret").asString());
        long escalation = admin.post("/api/v1/queues", Map.of("name", "Support escalations " + unique(),
                "kind", "support", "teamIds", List.of(team))).json().get("id").asLong();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", "Fast support " + unique());
        policy.put("kind", "support");
        policy.put("calendarId", admin.get("/api/v1/sla/calendars").json().get("calendars").get(0).get("id").asLong());
        policy.put("targets", Map.of("first_reply", Map.of("P1", 600, "P2", 600)));
        policy.put("warnBeforeSeconds", 300);
        policy.put("escalationQueueId", escalation);
        Api.Answer created = admin.post("/api/v1/sla/policies", policy);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long policyId = created.json().get("id").asLong();

        long id = inquiry();
        admin.post("/api/v1/cases/" + id + "/assignment", Map.of("assigneeId", leadId));
        Api.Answer applied = admin.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", policyId));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("policyId").asLong()).isEqualTo(policyId);

        // six minutes in: four minutes left, inside the five-minute warning
        age(id, Duration.ofMinutes(6));
        watch.pass(Instant.now());
        assertThat(eventTypes(id)).contains("sla_warning").doesNotContain("sla_breached");
        JsonNode inbox = lead.get("/api/v1/notifications?unread=true").json();
        assertThat(inbox.get("unread").asInt()).isEqualTo(1);
        assertThat(inbox.get("notifications").get(0).get("type").asString()).isEqualTo("sla_warning");
        assertThat(inbox.get("notifications").get(0).get("message").asString())
                .startsWith("Case " + id + " (P2) will breach its first reply target in ");

        // eleven minutes in: breached a minute ago
        age(id, Duration.ofMinutes(5));
        watch.pass(Instant.now());
        watch.pass(Instant.now());
        List<String> types = eventTypes(id);
        assertThat(types.stream().filter("sla_warning"::equals)).hasSize(1);
        assertThat(types.stream().filter("sla_breached"::equals)).hasSize(1);
        assertThat(types).contains("priority_changed", "queue_changed");
        JsonNode kase = admin.get("/api/v1/cases/" + id).json();
        assertThat(kase.get("priority").asString()).isEqualTo("P1");
        assertThat(kase.get("queueId").asLong()).isEqualTo(escalation);
        assertThat(kase.get("assigneeId").isNull()).isTrue();
        JsonNode firstReply = metric(admin.get("/api/v1/cases/" + id + "/sla").json(), "first_reply");
        assertThat(firstReply.get("breached").asBoolean()).isTrue();
        assertThat(instant(firstReply.get("breachedAt")))
                .isEqualTo(instant(kase.get("createdAt")).plus(Duration.ofMinutes(10)));
        assertThat(firstReply.get("remainingSeconds").asLong()).isLessThan(0);

        JsonNode notifications = lead.get("/api/v1/notifications").json().get("notifications");
        assertThat(notifications.get(0).get("type").asString()).isEqualTo("sla_breached");
        long warningId = notifications.get(1).get("id").asLong();
        assertThat(lead.post("/api/v1/notifications/" + warningId + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(lead.get("/api/v1/notifications").json().get("unread").asInt()).isEqualTo(1);
        // nobody else's notification can be marked
        assertThat(lead.post("/api/v1/notifications/" + (warningId + 100_000) + "/read", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void businessHoursCalendarsMeasureOnlyOpenTime() {
        Map<String, Object> calendar = Map.of("name", "Weekdays NY " + unique(), "zone", "America/New_York",
                "hours", Map.of("MONDAY", List.of(List.of("09:00", "12:00"), List.of("13:00", "17:00")),
                        "TUESDAY", List.of(List.of("09:00", "17:00")), "WEDNESDAY", List.of(List.of("09:00", "17:00")),
                        "THURSDAY", List.of(List.of("09:00", "17:00")), "FRIDAY", List.of(List.of("09:00", "17:00"))),
                "holidays", List.of("2026-12-25", "2027-01-01"));
        Api.Answer created = admin.post("/api/v1/sla/calendars", calendar);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("hours").get("MONDAY")).hasSize(2);
        long calendarId = created.json().get("id").asLong();
        long policyId = admin.post("/api/v1/sla/policies", Map.of("name", "Office support " + unique(),
                "kind", "support", "calendarId", calendarId,
                "targets", Map.of("first_reply", Map.of("P2", 3600)))).json().get("id").asLong();

        long id = inquiry();
        JsonNode sla = admin.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", policyId)).json();
        JsonNode firstReply = metric(sla, "first_reply");
        assertThat(firstReply.get("businessHours").asBoolean()).isTrue();
        // One business hour from the case's creation, as the office in New York counts it.
        var office = new org.vigil.sla.clock.BusinessCalendar(java.time.ZoneId.of("America/New_York"),
                org.vigil.sla.clock.WeeklyHours.on(java.util.EnumSet.range(java.time.DayOfWeek.TUESDAY,
                                java.time.DayOfWeek.FRIDAY), org.vigil.sla.clock.WorkingSpan.of("09:00", "17:00"))
                        .with(java.time.DayOfWeek.MONDAY, org.vigil.sla.clock.WorkingSpan.of("09:00", "12:00"),
                                org.vigil.sla.clock.WorkingSpan.of("13:00", "17:00")),
                java.util.Set.of(java.time.LocalDate.parse("2026-12-25"), java.time.LocalDate.parse("2027-01-01")));
        Instant createdAt = instant(admin.get("/api/v1/cases/" + id).json().get("createdAt"));
        assertThat(instant(firstReply.get("dueAt"))).isEqualTo(office.addBusinessTime(createdAt, Duration.ofHours(1)));
        assertThat(office.businessTimeBetween(createdAt, instant(firstReply.get("dueAt")))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badCalendarsAndPoliciesAreRefusedNamingTheField() {
        Api.Answer zone = admin.post("/api/v1/sla/calendars", Map.of("name", "Bad " + unique(), "zone", "Mars/Olympus",
                "hours", Map.of("MONDAY", List.of(List.of("09:00", "17:00")))));
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.json().get("errors").get(0).get("field").asString()).isEqualTo("zone");

        Api.Answer overlap = admin.post("/api/v1/sla/calendars", Map.of("name", "Bad " + unique(), "zone", "UTC",
                "hours", Map.of("FUNDAY", List.of(List.of("09:00", "17:00")),
                        "TUESDAY", List.of(List.of("17:00", "09:00")))));
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.json().get("errors").findValuesAsString("field"))
                .contains("hours.FUNDAY", "hours.TUESDAY[0]");

        Api.Answer empty = admin.post("/api/v1/sla/calendars", Map.of("name", "Closed " + unique(), "zone", "UTC",
                "hours", Map.of()));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("hours");

        Api.Answer metric = admin.post("/api/v1/sla/policies", Map.of("name", "Bad " + unique(), "kind", "review",
                "calendarId", 1, "targets", Map.of("first_reply", Map.of("P1", 3600),
                        "time_to_decision", Map.of("P9", 3600, "P1", 5))));
        assertThat(metric.status()).isEqualTo(422);
        assertThat(metric.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "targets.first_reply", "targets.time_to_decision.P9", "targets.time_to_decision.P1");

        Api.Answer calendar = admin.post("/api/v1/sla/policies", Map.of("name", "Bad " + unique(), "kind", "review",
                "calendarId", 999_999, "targets", Map.of()));
        assertThat(calendar.json().get("errors").findValuesAsString("field")).containsExactly("calendarId");

        long supportQueue = admin.get("/api/v1/queues").json().get("queues").valueStream()
                .filter(q -> q.get("kind").asString().equals("support")).findFirst().orElseThrow().get("id").asLong();
        Api.Answer wrongQueue = admin.post("/api/v1/sla/policies", Map.of("name", "Bad " + unique(), "kind", "review",
                "calendarId", 1, "targets", Map.of(), "escalationQueueId", supportQueue));
        assertThat(wrongQueue.json().get("errors").findValuesAsString("field")).containsExactly("escalationQueueId");
    }

    @Test
    void editingAPolicyMakesANewVersionAndMovesRunningClocks() {
        long calendarId = admin.get("/api/v1/sla/calendars").json().get("calendars").get(0).get("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Editable " + unique(), "kind", "support",
                "calendarId", calendarId, "targets", Map.of("first_reply", Map.of("P2", 7200))));
        long policyId = admin.post("/api/v1/sla/policies", body).json().get("id").asLong();
        long id = inquiry();
        admin.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", policyId));

        body.put("targets", Map.of("first_reply", Map.of("P2", 3600)));
        Api.Answer updated = admin.put("/api/v1/sla/policies/" + policyId, body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("updatedBy").asString()).startsWith("key:");

        JsonNode sla = admin.get("/api/v1/cases/" + id + "/sla").json();
        assertThat(sla.get("policyVersion").asInt()).isEqualTo(2);
        Instant created = instant(admin.get("/api/v1/cases/" + id).json().get("createdAt"));
        assertThat(instant(metric(sla, "first_reply").get("dueAt"))).isEqualTo(created.plus(Duration.ofHours(1)));
        // the queue order follows once the watcher has rechecked the policy's cases
        assertThat(instant(admin.get("/api/v1/cases/" + id).json().get("slaDueAt")))
                .isEqualTo(created.plus(Duration.ofHours(2)));
        watch.pass(Instant.now());
        assertThat(instant(admin.get("/api/v1/cases/" + id).json().get("slaDueAt")))
                .isEqualTo(created.plus(Duration.ofHours(1)));

        body.put("kind", "review");
        assertThat(admin.put("/api/v1/sla/policies/" + policyId, body).status()).isEqualTo(409);
    }

    @Test
    void editingACalendarMovesTheRunningClocksOfThePoliciesThatUseIt() {
        Map<String, List<List<String>>> allDay = new LinkedHashMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            allDay.put(day.name(), List.of(List.of("00:00", "24:00")));
        }
        String name = "Every day " + unique();
        long calendarId = admin.post("/api/v1/sla/calendars", Map.of("name", name, "zone", "UTC", "hours", allDay))
                .json().get("id").asLong();
        long policyId = admin.post("/api/v1/sla/policies", Map.of("name", "Daily support " + unique(),
                "kind", "support", "calendarId", calendarId,
                "targets", Map.of("first_reply", Map.of("P2", 3600)))).json().get("id").asLong();
        long id = inquiry();
        admin.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", policyId));
        Instant created = instant(admin.get("/api/v1/cases/" + id).json().get("createdAt"));
        assertThat(instant(metric(admin.get("/api/v1/cases/" + id + "/sla").json(), "first_reply").get("dueAt")))
                .isEqualTo(created.plus(Duration.ofHours(1)));

        // the day the case came in is declared a holiday: its hour starts with the next day
        java.time.LocalDate today = created.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        Instant nextDay = today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Map<String, Object> edited = new LinkedHashMap<>(Map.of("name", name, "zone", "UTC", "hours", allDay,
                "holidays", List.of(today.toString())));
        Api.Answer saved = admin.put("/api/v1/sla/calendars/" + calendarId, edited);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("holidays").get(0).asString()).isEqualTo(today.toString());
        assertThat(saved.json().get("updatedBy").asString()).isEqualTo(admin.get("/api/v1/me").json().get("ref").asString());
        assertThat(instant(metric(admin.get("/api/v1/cases/" + id + "/sla").json(), "first_reply").get("dueAt")))
                .isEqualTo(nextDay.plus(Duration.ofHours(1)));
        // the queue order follows once the watcher has rechecked the cases of the calendar's policies
        watch.pass(Instant.now());
        assertThat(instant(admin.get("/api/v1/cases/" + id).json().get("slaDueAt")))
                .isEqualTo(nextDay.plus(Duration.ofHours(1)));

        // bad edits name their field and change nothing; only admins edit
        edited.put("zone", "Mars/Olympus");
        Api.Answer badZone = admin.put("/api/v1/sla/calendars/" + calendarId, edited);
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("zone");
        String other = admin.get("/api/v1/sla/calendars").json().get("calendars").get(0).get("name").asString();
        edited.put("zone", "UTC");
        edited.put("name", other);
        Api.Answer taken = admin.put("/api/v1/sla/calendars/" + calendarId, edited);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(admin.get("/api/v1/sla/calendars/" + calendarId).json().get("name").asString()).isEqualTo(name);
        assertThat(admin.put("/api/v1/sla/calendars/999999", edited).status()).isEqualTo(404);
        assertThat(integration("read").put("/api/v1/sla/calendars/" + calendarId, edited).status()).isEqualTo(403);
    }

    @Test
    void onlyLeadsAndAdminsChooseACasesPolicyAndRequesterMessagesComeFromIntegrations() {
        long id = inquiry();
        long team = admin.post("/api/v1/teams", Map.of("name", "Agents " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = "agent-" + unique();
        long agentId = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("AGENT"), "teamId", team)).json().get("id").asLong();
        Api agent = api(admin.post("/api/v1/users/" + agentId + "/tokens", Map.of()).json().get("secret").asString());

        assertThat(agent.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", 1)).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/cases/" + id + "/requester-messages", Map.of("body", "hi")).status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/cases/" + id + "/sla").status()).isEqualTo(200);
        assertThat(agent.post("/api/v1/sla/policies", Map.of()).status()).isEqualTo(403);
        assertThat(integration("read").get("/api/v1/notifications").status()).isEqualTo(403);

        long reviewPolicy = admin.get("/api/v1/sla/policies").json().get("policies").valueStream()
                .filter(p -> p.get("kind").asString().equals("review")).findFirst().orElseThrow().get("id").asLong();
        Api.Answer wrongKind = admin.post("/api/v1/cases/" + id + "/sla-policy", Map.of("policyId", reviewPolicy));
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.json().get("errors").get(0).get("field").asString()).isEqualTo("policyId");
        Api.Answer blank = integration("intake").post("/api/v1/cases/" + id + "/requester-messages", Map.of("body", ""));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }
}
