package org.vigil.rules;

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

/** Routing rules: leads and admins read them, admins change them. */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

    private final Rules rules;

    RuleController(Rules rules) {
        this.rules = rules;
    }

    @GetMapping
    Map<String, List<Rules.RuleView>> list() {
        return Map.of("rules", rules.list());
    }

    @GetMapping("/{id}")
    Rules.RuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @GetMapping("/{id}/versions")
    Map<String, List<Rules.Version>> versions(@PathVariable long id) {
        return Map.of("versions", rules.versions(id));
    }

    @PostMapping
    ResponseEntity<Rules.RuleView> create(@RequestBody Rules.NewRule rule) {
        Rules.RuleView created = rules.create(rule, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/rules/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Rules.RuleView update(@PathVariable long id, @RequestBody Rules.NewRule rule) {
        return rules.update(id, rule, Actors.current());
    }
}
