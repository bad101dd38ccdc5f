package org.vigil.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administration of teams, users, personal tokens and integration keys. */
@RestController
@RequestMapping("/api/v1")
class IdentityController {

    private final Identity identity;

    IdentityController(Identity identity) {
        this.identity = identity;
    }

    record NewTeam(@Nullable String name, @Nullable Boolean vendor) {
    }

    record NewToken(@Nullable String name) {
    }

    record NewKey(@Nullable String name, @Nullable List<String> scopes) {
    }

    @PostMapping("/teams")
    ResponseEntity<Identity.Team> createTeam(@RequestBody NewTeam team) {
        Identity.Team created = identity.createTeam(team.name(), team.vendor(), Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }

    @GetMapping("/teams")
    Map<String, List<Identity.Team>> teams() {
        return Map.of("teams", identity.teams());
    }

    @PostMapping("/users")
    ResponseEntity<Identity.User> createUser(@RequestBody Identity.NewUser user) {
        Identity.User created = identity.createUser(user, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping("/users")
    Map<String, List<Identity.User>> users() {
        return Map.of("users", identity.users());
    }

    /** Changes a user's name, roles, team, skills, languages or clearances (fields left out stay). */
    @PatchMapping("/users/{id}")
    Identity.User changeUser(@PathVariable long id, @RequestBody(required = false) Identity.@Nullable UserChange change) {
        return identity.changeUser(id, change, Actors.current());
    }

    /** Who changed the user's access, when, and from what to what (newest first). */
    @GetMapping("/users/{id}/changes")
    Map<String, List<Identity.UserChangeRecord>> changes(@PathVariable long id) {
        return Map.of("changes", identity.changes(id));
    }

    /** Deactivates a user: their sessions end and their tokens stop working. */
    @PostMapping("/users/{id}/deactivate")
    Identity.User deactivate(@PathVariable long id) {
        return identity.setActive(id, false, Actors.current());
    }

    @PostMapping("/users/{id}/activate")
    Identity.User activate(@PathVariable long id) {
        return identity.setActive(id, true, Actors.current());
    }

    @PostMapping("/users/{id}/tokens")
    ResponseEntity<Identity.IssuedKey> issueToken(@PathVariable long id,
            @RequestBody(required = false) @Nullable NewToken token) {
        Identity.IssuedKey issued = identity.issueToken(id, token == null ? null : token.name(), Actors.current());
        return ResponseEntity.status(201).body(issued);
    }

    @PostMapping("/api-keys")
    ResponseEntity<Identity.IssuedKey> issueKey(@RequestBody NewKey key) {
        return ResponseEntity.status(201).body(identity.issueKey(key.name(), key.scopes(), Actors.current()));
    }

    /** The keys and tokens in use, with who issued them; {@code revoked=true} adds the revoked ones. */
    @GetMapping("/api-keys")
    Map<String, List<Identity.ApiKey>> keys(@RequestParam(defaultValue = "false") boolean revoked) {
        return Map.of("apiKeys", identity.keys(revoked));
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        identity.revoke(id, Actors.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Actor me() {
        return Actors.current();
    }
}
