package org.vigil.cases;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Appeals: filed by the product's integration for the user, decided by a second reviewer. */
@RestController
class AppealController {

    private final Appeals appeals;

    AppealController(Appeals appeals) {
        this.appeals = appeals;
    }

    @PostMapping("/api/v1/appeals")
    ResponseEntity<Appeals.Filed> file(@RequestBody Appeals.AppealRequest appeal) {
        Appeals.Filed filed = appeals.file(appeal, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + filed.appealCaseId())).body(filed);
    }

    @PostMapping("/api/v1/cases/{id}/appeal-decision")
    ResponseEntity<Appeals.Outcome> decide(@PathVariable long id, @RequestBody Appeals.OutcomeRequest outcome) {
        return ResponseEntity.status(201).body(appeals.decide(id, outcome, Actors.current()));
    }
}
