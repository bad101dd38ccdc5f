package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class AccessRulesTest extends IntegrationTest {

    record Staff(Api inHouseAgent, Api vendorAgent, Api otherVendorAgent, Api lead, long vendorTeam,
            long inHouseAgentId, long vendorAgentId, long vendorQueue, long otherVendorQueue) {
    }

    private Staff staff() {
        String u = unique();
        long inHouse = admin.post("/api/v1/teams", Map.of("name", "In-house " + u, "vendor", false)).json().get("id").asLong();
        long vendor = admin.post("/api/v1/teams", Map.of("name", "Vendor " + u, "vendor", true)).json().get("id").asLong();
        long otherVendor = admin.post("/api/v1/teams", Map.of("name", "Other vendor " + u, "vendor", true)).json().get("id").asLong();
        long vendorQueue = admin.post("/api/v1/queues", Map.of("name", "Vendor queue " + u, "kind", "review",
                "teamIds", List.of(vendor))).json().get("id").asLong();
        long otherQueue = admin.post("/api/v1/queues", Map.of("name", "Other vendor queue " + u, "kind", "review",
                "teamIds", List.of(otherVendor))).json().get("id").asLong();
        long agentId = user("agent-" + u, List.of("AGENT"), inHouse);
        long vendorAgentId = user("vagent-" + u, List.of("AGENT"), vendor);
        long otherVendorAgentId = user("ovagent-" + u, List.of("AGENT"), otherVendor);
        long leadId = user("lead-" + u, List.of("LEAD"), inHouse);
        return new Staff(token(agentId), token(vendorAgentId), token(otherVendorAgentId), token(leadId), vendor,
                agentId, vendorAgentId, vendorQueue, otherQueue);
    }

    private long user(String name, List<String> roles, long team) {
        return admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com", "roles", roles,
                "teamId", team, "languages", List.of("en"))).json().get("id").asLong();
    }

    private Api token(long userId) {
        return api(admin.post("/api/v1/users/" + userId + "/tokens", Map.of()).json().get("secret").asString());
    }

    private long caseIn(long queue) {
        long caseId = admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r"))
                .json().get("caseId").asLong();
        jdbc.sql("update vigil_case set queue_id = ? where id = ?").param(queue).param(caseId).update();
        return caseId;
    }

    @Test
    void withoutAKeyNothingButHealthAndDocsAnswers() {
        Api nobody = anonymous();
        assertThat(nobody.get("/actuator/health").status()).isEqualTo(200);
        assertThat(nobody.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(nobody.get("/actuator/prometheus").status()).isEqualTo(200);
        Api.Answer cases = nobody.get("/api/v1/cases");
        assertThat(cases.status()).isEqualTo(401);
        assertThat(cases.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api("vgl_not_a_real_key").get("/api/v1/cases").status()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/anything-else").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/anything-else").status()).isEqualTo(403);
    }

    @Test
    void eachScopeDoesOnlyItsOwnWork() {
        Api intake = integration("intake");
        Api reader = integration("read");

        Api.Answer filed = intake.post("/api/v1/reports", userReport("user", "acct_" + unique(), "spam", "r"));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(intake.get(filed.header("Location")).status()).isEqualTo(403);
        assertThat(reader.get(filed.header("Location")).status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/reports", userReport("user", "acct_1", "spam", "r")).status()).isEqualTo(403);
        assertThat(reader.post(filed.header("Location") + "/status", Map.of("status", "open")).status()).isEqualTo(403);
        assertThat(intake.post("/api/v1/teams", Map.of("name", "x", "vendor", false)).status()).isEqualTo(403);
        assertThat(reader.post("/api/v1/api-keys", Map.of("name", "x", "scopes", List.of("admin"))).status())
                .isEqualTo(403);
    }

    @Test
    void apiKeysAreStoredOnlyAsHashesAndCanBeRevoked() {
        var issued = admin.post("/api/v1/api-keys", Map.of("name", "revocable", "scopes", List.of("read"))).json();
        String secret = issued.get("secret").asString();
        assertThat(count("select count(*) from api_key where key_hash = ? or prefix = ?", secret, secret)).isZero();
        assertThat(count("select count(*) from api_key where key_hash like ?", "%" + secret.substring(4, 20) + "%"))
                .isZero();
        assertThat(admin.get("/api/v1/api-keys").body()).doesNotContain(secret);
        Api reader = api(secret);
        assertThat(reader.get("/api/v1/cases?limit=1").status()).isEqualTo(200);

        long id = issued.get("id").asLong();
        var listed = keyListed(admin.get("/api/v1/api-keys").json(), id);
        assertThat(listed.get("createdBy").asString()).isEqualTo(admin.get("/api/v1/me").json().get("ref").asString());
        assertThat(listed.get("revokedAt").isNull()).isTrue();

        var revoke = admin.send(admin.request("/api/v1/api-keys/" + id).DELETE().build());
        assertThat(revoke.status()).isEqualTo(204);
        assertThat(reader.get("/api/v1/cases?limit=1").status()).isEqualTo(401);
        // gone from the keys in use, kept with who revoked it among all keys
        assertThat(keyListed(admin.get("/api/v1/api-keys").json(), id)).isNull();
        var revoked = keyListed(admin.get("/api/v1/api-keys?revoked=true").json(), id);
        assertThat(revoked.get("revokedBy").asString()).startsWith("key:");
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        var bad = admin.get("/api/v1/api-keys?revoked=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("revoked");
        assertThat(admin.send(admin.request("/api/v1/api-keys/" + id).DELETE().build()).status()).isEqualTo(404);
    }

    private static @Nullable JsonNode keyListed(JsonNode answer, long id) {
        for (var key : answer.get("apiKeys")) {
            if (key.get("id").asLong() == id) {
                return key;
            }
        }
        return null;
    }

    @Test
    void vendorUsersNeverSeeOtherTeamsCases() {
        Staff s = staff();
        long vendorCase = caseIn(s.vendorQueue());
        long otherCase = caseIn(s.otherVendorQueue());
        long sharedCase = admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r"))
                .json().get("caseId").asLong();

        assertThat(s.vendorAgent().get("/api/v1/cases/" + vendorCase).status()).isEqualTo(200);
        assertThat(s.vendorAgent().get("/api/v1/cases/" + sharedCase).status()).isEqualTo(200);
        assertThat(s.vendorAgent().get("/api/v1/cases/" + otherCase).status()).isEqualTo(404);
        assertThat(s.vendorAgent().get("/api/v1/cases/" + otherCase + "/events").status()).isEqualTo(404);
        assertThat(s.vendorAgent().get("/api/v1/cases/" + otherCase + "/reports").status()).isEqualTo(404);
        assertThat(s.vendorAgent().post("/api/v1/cases/" + otherCase + "/notes", Map.of("body", "x")).status())
                .isEqualTo(404);
        var listed = s.vendorAgent().get("/api/v1/cases?kind=review&limit=200").json().get("cases");
        listed.forEach(c -> assertThat(c.get("id").asLong()).isNotEqualTo(otherCase));
        assertThat(s.otherVendorAgent().get("/api/v1/cases/" + vendorCase).status()).isEqualTo(404);
        assertThat(s.inHouseAgent().get("/api/v1/cases/" + vendorCase).status()).isEqualTo(200);
        assertThat(s.inHouseAgent().get("/api/v1/cases/" + otherCase).status()).isEqualTo(200);

        String vendorQueues = s.vendorAgent().get("/api/v1/queues").body();
        assertThat(vendorQueues).contains("\"id\":" + s.vendorQueue() + ",");
        assertThat(vendorQueues).doesNotContain("\"id\":" + s.otherVendorQueue() + ",");
        assertThat(s.inHouseAgent().get("/api/v1/queues").body()).contains("\"id\":" + s.otherVendorQueue() + ",");
    }

    @Test
    void agentsAssignOnlyThemselvesAndLeadsAssignOthers() {
        Staff s = staff();
        long vendorCase = caseIn(s.vendorQueue());
        long sharedCase = admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r"))
                .json().get("caseId").asLong();

        var taken = s.inHouseAgent().post("/api/v1/cases/" + sharedCase + "/assignment",
                Map.of("assigneeId", s.inHouseAgentId()));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("open");
        var pushed = s.inHouseAgent().post("/api/v1/cases/" + sharedCase + "/assignment",
                Map.of("assigneeId", s.vendorAgentId()));
        assertThat(pushed.status()).isEqualTo(409);
        assertThat(s.lead().post("/api/v1/cases/" + sharedCase + "/assignment",
                Map.of("assigneeId", s.vendorAgentId())).status()).isEqualTo(200);
        assertThat(s.lead().post("/api/v1/cases/" + vendorCase + "/assignment",
                Map.of("assigneeId", s.inHouseAgentId())).status()).isEqualTo(200);
        assertThat(s.inHouseAgent().post("/api/v1/teams", Map.of("name", "n", "vendor", true)).status()).isEqualTo(403);
        assertThat(s.lead().post("/api/v1/users", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aVendorUserCannotBeGivenACaseFromAQueueTheirTeamDoesNotServe() {
        Staff s = staff();
        long otherCase = caseIn(s.otherVendorQueue());
        var refused = s.lead().post("/api/v1/cases/" + otherCase + "/assignment", Map.of("assigneeId", s.vendorAgentId()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
    }

    @Test
    void aChangedUserActsAsWhatTheyAreNowFromTheirNextRequest() {
        Staff staff = staff();
        long vendorCase = caseIn(staff.vendorQueue());
        assertThat(staff.vendorAgent().get("/api/v1/cases/" + vendorCase).status()).isEqualTo(200);
        assertThat(staff.inHouseAgent().get("/api/v1/users").status()).isEqualTo(403);

        // promoted to lead, with a skill and a clearance; what is not sent stays
        var promoted = admin.patch("/api/v1/users/" + staff.inHouseAgentId(),
                Map.of("roles", List.of("lead"), "skills", List.of("billing"), "clearances", List.of("self_harm")));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("roles").get(0).asString()).isEqualTo("LEAD");
        assertThat(promoted.json().get("clearances").get(0).asString()).isEqualTo("self_harm");
        assertThat(promoted.json().get("languages").get(0).asString()).isEqualTo("en");
        assertThat(promoted.json().get("name").asString()).startsWith("agent-");
        assertThat(staff.inHouseAgent().get("/api/v1/users").status()).isEqualTo(200);
        // who granted what is kept
        var changes = admin.get("/api/v1/users/" + staff.inHouseAgentId() + "/changes").json().get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("actor").asString()).startsWith("key:");
        assertThat(changes.get(0).get("before").get("roles").get(0).asString()).isEqualTo("AGENT");
        assertThat(changes.get(0).get("after").get("clearances").get(0).asString()).isEqualTo("self_harm");
        // the creation comes first: nothing before it, what the user was given after it
        assertThat(changes.get(1).get("before").isNull()).isTrue();
        assertThat(changes.get(1).get("actor").asString()).startsWith("key:");
        assertThat(changes.get(1).get("after").get("roles").get(0).asString()).isEqualTo("AGENT");
        assertThat(staff.inHouseAgent().get("/api/v1/users/" + staff.vendorAgentId() + "/changes").status())
                .isEqualTo(200);

        // moved to another vendor's team: the old team's queue is out of sight with the same token
        long moved = admin.post("/api/v1/teams", Map.of("name", "Moved " + unique(), "vendor", true)).json()
                .get("id").asLong();
        assertThat(admin.patch("/api/v1/users/" + staff.vendorAgentId(), Map.of("teamId", moved)).status())
                .isEqualTo(200);
        assertThat(staff.vendorAgent().get("/api/v1/cases/" + vendorCase).status()).isEqualTo(404);

        // only admins change people, and bad changes name their field and change nothing
        assertThat(staff.lead().patch("/api/v1/users/" + staff.vendorAgentId(), Map.of("roles", List.of("ADMIN")))
                .status()).isEqualTo(403);
        var bad = admin.patch("/api/v1/users/" + staff.inHouseAgentId(),
                Map.of("name", " ", "roles", List.of("KING"), "clearances", List.of("no spaces")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"name\"").contains("\"field\":\"roles[0]\"")
                .contains("\"field\":\"clearances[0]\"");
        assertThat(admin.patch("/api/v1/users/" + staff.inHouseAgentId(), Map.of("roles", List.of())).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("roles");
        assertThat(admin.patch("/api/v1/users/" + staff.inHouseAgentId(), Map.of("teamId", 999_999)).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("teamId");
        assertThat(admin.patch("/api/v1/users/999999", Map.of("name", "x")).status()).isEqualTo(404);
        // a new e-mail address: checked like a new user's, and never one someone else has
        String email = "renamed-" + unique() + "@vigil.test";
        assertThat(admin.patch("/api/v1/users/" + staff.inHouseAgentId(), Map.of("email", email)).json()
                .get("email").asString()).isEqualTo(email);
        var notAnAddress = admin.patch("/api/v1/users/" + staff.vendorAgentId(), Map.of("email", "nobody"));
        assertThat(notAnAddress.status()).isEqualTo(422);
        assertThat(notAnAddress.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        var taken = admin.patch("/api/v1/users/" + staff.vendorAgentId(), Map.of("email", email.toUpperCase()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("\"field\":\"email\"");
        // an admin cannot take away their own ADMIN role (another admin can)
        long adminId = user("admin-" + unique(), List.of("ADMIN"), admin.get("/api/v1/teams").json().get("teams")
                .get(0).get("id").asLong());
        Api adminUser = token(adminId);
        // who created a team is kept, as for users
        var team = adminUser.post("/api/v1/teams", Map.of("name", "Vendor " + unique(), "vendor", true)).json();
        assertThat(team.get("createdBy").asString()).isEqualTo("user:" + adminId);
        assertThat(java.time.Instant.parse(team.get("createdAt").asString())).isBefore(java.time.Instant.now());
        var lockout = adminUser.patch("/api/v1/users/" + adminId, Map.of("roles", List.of("LEAD")));
        assertThat(lockout.status()).isEqualTo(422);
        assertThat(lockout.json().get("errors").get(0).get("detail").asString()).contains("your own ADMIN role");
        assertThat(adminUser.patch("/api/v1/users/" + adminId, Map.of("roles", List.of("ADMIN", "LEAD"))).status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/users/" + adminId, Map.of("roles", List.of("LEAD"))).status()).isEqualTo(200);
        // refused changes, and changes that change nothing, leave no record
        assertThat(admin.get("/api/v1/users/" + adminId + "/changes").json().get("changes")).hasSize(3);
        var agentChanges = admin.get("/api/v1/users/" + staff.inHouseAgentId() + "/changes").json().get("changes");
        assertThat(agentChanges).hasSize(3);
        assertThat(agentChanges.get(0).get("after").get("email").asString()).isEqualTo(email);
        assertThat(staff.vendorAgent().get("/api/v1/users/" + adminId + "/changes").status()).isEqualTo(403);
        var unchanged = admin.get("/api/v1/users").json().get("users");
        unchanged.forEach(u -> {
            if (u.get("id").asLong() == staff.inHouseAgentId()) {
                assertThat(u.get("name").asString()).startsWith("agent-");
                assertThat(u.get("roles").get(0).asString()).isEqualTo("LEAD");
            }
        });
    }

    @Test
    void adminInputIsCheckedLikeAnyOther() {
        var badUser = admin.post("/api/v1/users", Map.of("name", "x", "email", "nope", "roles", List.of("KING"),
                "teamId", 1));
        assertThat(badUser.status()).isEqualTo(422);
        assertThat(badUser.body()).contains("\"field\":\"email\"").contains("\"field\":\"roles[0]\"");
        var noTeam = admin.post("/api/v1/users", Map.of("name", "x", "email", "x" + unique() + "@e.com",
                "roles", List.of("AGENT"), "teamId", 999_999));
        assertThat(noTeam.status()).isEqualTo(422);
        assertThat(noTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("teamId");
        String name = "Team " + unique();
        assertThat(admin.post("/api/v1/teams", Map.of("name", name, "vendor", false)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/teams", Map.of("name", name, "vendor", false)).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users/999999/tokens", Map.of()).status()).isEqualTo(404);
    }
}
