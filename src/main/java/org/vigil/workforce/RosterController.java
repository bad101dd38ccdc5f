package org.vigil.workforce;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Agents' shifts and adherence to them, for leads and admins. */
@RestController
class RosterController {

    private final Rosters rosters;

    RosterController(Rosters rosters) {
        this.rosters = rosters;
    }

    record NewShifts(@Nullable List<Rosters.NewShift> shifts) {
    }

    @PostMapping("/api/v1/workforce/shifts")
    ResponseEntity<Map<String, List<Rosters.Shift>>> add(@RequestBody NewShifts request) {
        return ResponseEntity.status(201).body(Map.of("shifts", rosters.add(request.shifts(), Actors.current())));
    }

    @GetMapping("/api/v1/workforce/shifts")
    Map<String, List<Rosters.Shift>> shifts(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Long teamId) {
        return Map.of("shifts", rosters.shifts(from, to, teamId, Actors.current()));
    }

    @DeleteMapping("/api/v1/workforce/shifts/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        rosters.remove(id, Actors.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/workforce/adherence")
    Rosters.Report adherence(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Long teamId) {
        return rosters.adherence(from, to, teamId, Actors.current());
    }
}
