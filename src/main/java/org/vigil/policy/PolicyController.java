package org.vigil.policy;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** The content policy: everyone who reads cases may read it, admins change it (a new version each time). */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyController {

    private final ContentPolicy policy;

    PolicyController(ContentPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    ContentPolicy.Version current() {
        return policy.current();
    }

    @GetMapping("/versions")
    Map<String, List<Map<String, Object>>> versions() {
        return Map.of("versions", policy.versions());
    }

    @GetMapping("/versions/{version}")
    ContentPolicy.Version version(@PathVariable int version) {
        return policy.version(version);
    }

    @PutMapping
    ContentPolicy.Version change(@RequestBody ContentPolicy.Change change) {
        return policy.change(change, Actors.current());
    }
}
