package org.vigil.cases;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;
import org.vigil.web.Checks;

/** Quality assurance: sampled decisions, their blind reviews, and agreement over a period. */
@RestController
class QualityController {

    private final Quality quality;

    QualityController(Quality quality) {
        this.quality = quality;
    }

    record SampleRequest(@Nullable Long decisionId) {
    }

    @PostMapping("/api/v1/qa/samples")
    ResponseEntity<Quality.Sample> sample(@RequestBody SampleRequest request) {
        Checks checks = new Checks();
        checks.required("decisionId", request.decisionId());
        checks.throwIfInvalid();
        Quality.Sample sample = quality.sample(request.decisionId(), Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/qa/samples/" + sample.id())).body(sample);
    }

    @GetMapping("/api/v1/qa/samples")
    Map<String, List<Quality.Sample>> samples(@RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("samples", quality.samples(status, limit, Actors.current()));
    }

    @PostMapping("/api/v1/qa/samples/{id}/review")
    Quality.Sample review(@PathVariable long id, @RequestBody(required = false) Quality.@Nullable ReviewRequest review) {
        return quality.review(id, review, Actors.current());
    }

    @GetMapping("/api/v1/qa/agreement")
    Map<String, Object> agreement(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return quality.agreement(from, to, Actors.current());
    }
}
