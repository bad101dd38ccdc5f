package org.vigil.sla;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Business calendars and SLA policies: everyone who reads cases may see them, admins change them. */
@RestController
@RequestMapping("/api/v1/sla")
class SlaController {

    private final Slas slas;

    SlaController(Slas slas) {
        this.slas = slas;
    }

    @GetMapping("/calendars")
    Map<String, List<Slas.Calendar>> calendars() {
        return Map.of("calendars", slas.calendars());
    }

    @GetMapping("/calendars/{id}")
    Slas.Calendar calendar(@PathVariable long id) {
        return slas.calendar(id);
    }

    @PostMapping("/calendars")
    ResponseEntity<Slas.Calendar> createCalendar(@RequestBody Slas.NewCalendar calendar) {
        Slas.Calendar created = slas.createCalendar(calendar, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id())).body(created);
    }

    /** Replaces a calendar (same body as a new one); running clocks are measured with it from their next check. */
    @PutMapping("/calendars/{id}")
    Slas.Calendar updateCalendar(@PathVariable long id, @RequestBody Slas.NewCalendar calendar) {
        return slas.updateCalendar(id, calendar, Actors.current());
    }

    @GetMapping("/policies")
    Map<String, List<Slas.Policy>> policies() {
        return Map.of("policies", slas.policies());
    }

    @GetMapping("/policies/{id}")
    Slas.Policy policy(@PathVariable long id) {
        return slas.policy(id);
    }

    @PostMapping("/policies")
    ResponseEntity<Slas.Policy> createPolicy(@RequestBody Slas.NewPolicy policy) {
        Slas.Policy created = slas.createPolicy(policy, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id())).body(created);
    }

    @PutMapping("/policies/{id}")
    Slas.Policy updatePolicy(@PathVariable long id, @RequestBody Slas.NewPolicy policy) {
        return slas.updatePolicy(id, policy, Actors.current());
    }
}
