package org.vigil.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;
import org.vigil.web.InvalidInputException;

/**
 * Reports over a period: what the service owes the public under the DSA (statements of reasons, one case's
 * and the export in the Transparency Database format, and the figures of a transparency report) and the
 * teams' scorecards.
 */
@RestController
class StatementController {

    private final StatementsOfReasons statements;
    private final TransparencyReport transparency;
    private final Scorecards scorecards;

    StatementController(StatementsOfReasons statements, TransparencyReport transparency, Scorecards scorecards) {
        this.statements = statements;
        this.transparency = transparency;
        this.scorecards = scorecards;
    }

    /** Each team's decisions, handle time, escalations and appeal outcomes for the days from {@code from} to {@code to}. */
    @GetMapping("/api/v1/scorecards")
    Scorecards.Cards scorecards(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return scorecards.between(from, to, Actors.current());
    }

    /**
     * Notices, decisions and appeals counted for the days from {@code from} to {@code to} (UTC, inclusive),
     * as JSON or CSV.
     */
    @GetMapping("/api/v1/transparency-report")
    ResponseEntity<?> transparencyReport(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format", "must be json or csv");
        }
        TransparencyReport.Report report = transparency.between(from, to, Actors.current());
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"transparency-report-" + report.from() + "-"
                            + report.to() + ".csv\"")
                    .body(report.csv());
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/cases/{id}/statement-of-reasons")
    Map<String, Object> forCase(@PathVariable long id) {
        return statements.forCase(id, Actors.current());
    }

    @GetMapping("/api/v1/statements-of-reasons")
    ResponseEntity<?> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format", "must be json or csv");
        }
        List<Map<String, Object>> found = statements.between(from, to, Actors.current());
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"statements-of-reasons-" + from + "-" + to
                            + ".csv\"")
                    .body(statements.csv(found));
        }
        return ResponseEntity.ok(Map.of("statements", found));
    }
}
