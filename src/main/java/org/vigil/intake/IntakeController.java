package org.vigil.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;
import org.vigil.web.Checks;
import org.vigil.web.FieldProblem;
import org.vigil.web.InvalidInputException;
import org.vigil.web.Problems;

/** Intake by API: single reports, batches, inquiries, and the evidence kept on a case. */
@RestController
@RequestMapping("/api/v1")
class IntakeController {

    private final Intake intake;
    private final GroupCommit groupCommit;
    private final AuthorityReports authorityReports;
    private final IntakeJournal journal;

    IntakeController(Intake intake, GroupCommit groupCommit, AuthorityReports authorityReports,
            IntakeJournal journal) {
        this.authorityReports = authorityReports;
        this.journal = journal;
        this.intake = intake;
        this.groupCommit = groupCommit;
    }

    record Batch(@Nullable List<@Nullable ReportRequest> reports) {
    }

    @PostMapping("/reports")
    ResponseEntity<Intake.Receipt> report(@RequestBody ReportRequest report,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Checks checks = new Checks();
        ReportChecks.idempotencyKey(checks, "Idempotency-Key", key);
        if (report.idempotencyKey() != null) {
            checks.fail("idempotencyKey", "belongs to batch items; send the Idempotency-Key header instead");
        }
        checks.throwIfInvalid();
        Intake.Outcome outcome = groupCommit.submit(report, key, Actors.current());
        if (outcome.status() == Intake.Status.REJECTED) {
            throw new InvalidInputException(outcome.problems().stream()
                    .map(p -> p.field().equals("idempotencyKey") ? new FieldProblem("Idempotency-Key", p.detail()) : p)
                    .toList());
        }
        Intake.Receipt receipt = outcome.receipt();
        // A repeat of a key first used in an asynchronous batch whose report is not filed yet has no case.
        ResponseEntity.BodyBuilder answer = receipt.caseId() == null
                ? ResponseEntity.accepted().location(URI.create("/api/v1/reports/" + receipt.reportId()))
                : ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId()));
        return answer.header("Idempotent-Replayed", Boolean.toString(outcome.status() == Intake.Status.DUPLICATE))
                .body(receipt);
    }

    /**
     * A batch. With {@code Prefer: respond-async} (RFC 7240) the valid items are journaled and answered
     * 202 with their report ids; they are filed into cases behind.
     */
    @PostMapping("/reports/batch")
    ResponseEntity<Map<String, Object>> batch(@RequestBody Batch batch,
            @RequestHeader(name = "Prefer", required = false) @Nullable String prefer) {
        Checks checks = new Checks();
        if (checks.required("reports", batch.reports())) {
            if (batch.reports().isEmpty()) {
                checks.fail("reports", "must hold at least one report");
            }
            checks.size("reports", batch.reports(), Intake.MAX_BATCH);
        }
        checks.throwIfInvalid();
        List<@Nullable String> keys = new ArrayList<>();
        for (ReportRequest r : batch.reports()) {
            keys.add(r == null ? null : r.idempotencyKey());
        }
        boolean async = respondAsync(prefer);
        List<Intake.Outcome> outcomes = async ? journal.accept(batch.reports(), keys, Actors.current())
                : intake.submit(batch.reports(), keys, Actors.current());
        List<Map<String, Object>> results = new ArrayList<>(outcomes.size());
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (Intake.Outcome outcome : outcomes) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", outcome.index());
            result.put("status", outcome.status().name().toLowerCase());
            switch (outcome.status()) {
                case ACCEPTED, DUPLICATE -> {
                    Intake.Receipt receipt = outcome.receipt();
                    result.put("reportId", receipt.reportId());
                    if (receipt.caseId() != null) {
                        result.put("caseId", receipt.caseId());
                        result.put("caseCreated", receipt.caseCreated());
                    }
                    if (outcome.status() == Intake.Status.ACCEPTED) {
                        accepted++;
                    } else {
                        duplicates++;
                    }
                }
                case REJECTED -> {
                    rejected++;
                    List<FieldProblem> problems = outcome.problems().stream()
                            .map(p -> new FieldProblem(("reports[" + outcome.index() + "]."
                                    + p.field()).replaceAll("\\.$", ""), p.detail()))
                            .toList();
                    ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid report",
                            problems.getFirst().field() + ": " + problems.getFirst().detail());
                    problem.setProperty("errors", Problems.errors(problems));
                    result.put("problem", problem);
                }
            }
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("duplicates", duplicates);
        body.put("rejected", rejected);
        body.put("results", results);
        return async ? ResponseEntity.accepted().header("Preference-Applied", "respond-async").body(body)
                : ResponseEntity.ok(body);
    }

    /** Whether a Prefer header asks for an asynchronous answer: one of its preferences is respond-async. */
    static boolean respondAsync(@Nullable String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String name = preference.split("[;=]", 2)[0].strip();
            if (name.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/reports/{id}")
    Map<String, Object> whereIs(@PathVariable java.util.UUID id) {
        return journal.whereIs(id, Actors.current());
    }

    @GetMapping("/intake/journal")
    Map<String, Object> journal(@RequestParam(defaultValue = "100") int limit) {
        return journal.state(limit);
    }

    @PostMapping("/intake/journal/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable java.util.UUID id) {
        journal.retry(id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/inquiries")
    ResponseEntity<Intake.InquiryReceipt> inquiry(@RequestBody Intake.InquiryRequest inquiry,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Intake.InquiryReceipt receipt = intake.inquire(inquiry, key, Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId())).body(receipt);
    }

    @GetMapping("/cases/{id}/authority-report")
    Map<String, Object> authorityReport(@PathVariable long id) {
        return authorityReports.draft(id, Actors.current());
    }

    record Filing(@Nullable String reference) {
    }

    @PostMapping("/cases/{id}/authority-report/filed")
    org.vigil.cases.CaseView filed(@PathVariable long id, @RequestBody Filing filing) {
        return authorityReports.filed(id, filing.reference(), Actors.current());
    }

    @GetMapping("/cases/{id}/evidence-views")
    Map<String, List<Map<String, Object>>> evidenceViews(@PathVariable long id) {
        return Map.of("views", intake.evidenceViews(id, Actors.current()));
    }

    @GetMapping("/cases/{id}/reports")
    Map<String, List<Intake.StoredReport>> reports(@PathVariable long id,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000 (was " + limit + ")");
        }
        return Map.of("reports", intake.reports(id, limit, Actors.current()));
    }
}
