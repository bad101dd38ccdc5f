package org.vigil.cases;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Reading cases and acting on them. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final Cases cases;
    private final Presence presence;
    private final Decisions decisions;

    CaseController(Cases cases, Presence presence, Decisions decisions) {
        this.cases = cases;
        this.presence = presence;
        this.decisions = decisions;
    }

    /** The holder's decision on a review case: 201 with the decision as recorded. */
    @PostMapping("/{id}/decision")
    org.springframework.http.ResponseEntity<Decisions.Decision> decide(@PathVariable long id,
            @RequestBody Decisions.DecisionRequest decision) {
        return org.springframework.http.ResponseEntity.status(201)
                .body(decisions.decide(id, decision, Actors.current()));
    }

    @GetMapping("/{id}/decisions")
    Map<String, List<Decisions.Decision>> decisions(@PathVariable long id) {
        return Map.of("decisions", decisions.decisions(id, Actors.current()));
    }

    record Reply(@Nullable String body, @Nullable String status, @Nullable Long afterMessageId) {
    }

    record Heartbeat(@Nullable String activity) {
    }

    /** The caller is on the case (viewing or replying): answers who else is. */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/presence")
    Presence.Others beat(@PathVariable long id, @RequestBody Heartbeat heartbeat) {
        return presence.beat(id, heartbeat.activity(), Actors.current());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/presence")
    org.springframework.http.ResponseEntity<Void> leave(@PathVariable long id) {
        presence.leave(id, Actors.current());
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/presence")
    Presence.Others who(@PathVariable long id) {
        return presence.who(id, Actors.current());
    }

    record Note(@Nullable String body) {
    }

    record Tags(@Nullable List<String> add, @Nullable List<String> remove) {
    }

    record Assignment(@Nullable Long assigneeId) {
    }

    record StatusChange(@Nullable String status, @Nullable String reason) {
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable long id) {
        return cases.get(id, Actors.current());
    }

    @GetMapping
    Cases.Page list(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable Long queueId,
            @RequestParam(required = false) @Nullable Long assigneeId,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String sla,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return cases.list(new Cases.Filter(kind, status, subjectType, subjectId, queueId, assigneeId, tag, reason,
                priority, sla), limit, cursor, Actors.current());
    }

    @GetMapping("/{id}/events")
    Map<String, List<CaseEvent>> events(@PathVariable long id) {
        return Map.of("events", cases.events(id, Actors.current()));
    }

    @GetMapping("/{id}/messages")
    Map<String, List<CaseMessage>> messages(@PathVariable long id) {
        return Map.of("messages", cases.messages(id, Actors.current()));
    }

    @PostMapping("/{id}/replies")
    CaseView reply(@PathVariable long id, @RequestBody Reply reply) {
        return cases.reply(id, reply.body(), reply.status(), reply.afterMessageId(), Actors.current());
    }

    @PostMapping("/{id}/notes")
    CaseView note(@PathVariable long id, @RequestBody Note note) {
        return cases.note(id, note.body(), Actors.current());
    }

    @PostMapping("/{id}/tags")
    CaseView tags(@PathVariable long id, @RequestBody Tags tags) {
        return cases.tag(id, tags.add(), tags.remove(), Actors.current());
    }

    @PostMapping("/{id}/assignment")
    CaseView assign(@PathVariable long id, @RequestBody Assignment assignment) {
        return cases.assign(id, assignment.assigneeId(), Actors.current());
    }

    record RequesterMessage(@Nullable String body) {
    }

    @PostMapping("/{id}/requester-messages")
    org.springframework.http.ResponseEntity<CaseView> requesterMessage(@PathVariable long id,
            @RequestBody RequesterMessage message) {
        return org.springframework.http.ResponseEntity.status(201)
                .body(cases.requesterMessage(id, message.body(), Actors.current()));
    }

    @GetMapping("/{id}/sla")
    Cases.CaseSla sla(@PathVariable long id) {
        return cases.sla(id, Actors.current());
    }

    record PolicyChoice(@Nullable Long policyId) {
    }

    record Hold(@Nullable String reason) {
    }

    @PostMapping("/{id}/legal-hold")
    CaseView placeHold(@PathVariable long id, @RequestBody Hold hold) {
        return cases.legalHold(id, true, hold.reason(), Actors.current());
    }

    @PostMapping("/{id}/legal-hold/release")
    CaseView releaseHold(@PathVariable long id, @RequestBody Hold hold) {
        return cases.legalHold(id, false, hold.reason(), Actors.current());
    }

    @PostMapping("/{id}/sla-policy")
    Cases.CaseSla applySlaPolicy(@PathVariable long id, @RequestBody PolicyChoice choice) {
        return cases.applySlaPolicy(id, choice.policyId(), Actors.current());
    }

    @PostMapping("/{id}/status")
    CaseView status(@PathVariable long id, @RequestBody StatusChange change) {
        return cases.changeStatus(id, change.status(), change.reason(), Actors.current());
    }
}
