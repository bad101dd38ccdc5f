package org.vigil.enforcement;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.web.Checks;

/** Webhook receivers and their deliveries (admins), and accounts' strikes (everyone who reads cases). */
@RestController
class EnforcementController {

    private final Webhooks webhooks;
    private final Strikes strikes;

    EnforcementController(Webhooks webhooks, Strikes strikes) {
        this.webhooks = webhooks;
        this.strikes = strikes;
    }

    @PostMapping("/api/v1/webhooks")
    ResponseEntity<Webhooks.Webhook> register(@RequestBody Webhooks.NewWebhook webhook) {
        Webhooks.Webhook created = webhooks.register(webhook);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/webhooks")
    Map<String, List<Webhooks.Webhook>> list() {
        return Map.of("webhooks", webhooks.list());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/webhooks/{id}")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        webhooks.deactivate(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhooks/deliveries")
    Map<String, List<Webhooks.Delivery>> deliveries(@RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("deliveries", webhooks.deliveries(status, limit));
    }

    @PostMapping("/api/v1/webhooks/deliveries/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        webhooks.retry(id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/v1/accounts/{accountId}/strikes")
    Strikes.Standing strikes(@PathVariable String accountId) {
        Checks checks = new Checks();
        checks.identifier("accountId", accountId, 256);
        checks.throwIfInvalid();
        return strikes.standing(accountId);
    }
}
