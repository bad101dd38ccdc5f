package org.vigil.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
    }

    @PostMapping
    ResponseEntity<Queues.Queue> create(@RequestBody Queues.NewQueue queue) {
        Queues.Queue created = queues.create(queue);
        return ResponseEntity.created(URI.create("/api/v1/queues/" + created.id())).body(created);
    }

    /** The queues the caller may see: vendor users see only those their team serves. */
    @GetMapping
    Map<String, List<Queues.Queue>> list() {
        var visible = queues.visibleTo(Actors.current());
        return Map.of("queues", queues.list().stream()
                .filter(q -> visible.map(v -> v.contains(q.id())).orElse(true))
                .toList());
    }
}
