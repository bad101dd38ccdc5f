package org.vigil.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.cases.Scorecards;
import org.vigil.cases.TransparencyReport;
import org.vigil.identity.Actors;
import org.vigil.web.InvalidInputException;

/**
 * Leads' reports over a period they choose (the last 30 days at first): the transparency report's figures
 * (notices, decisions and appeals, as {@code GET /api/v1/transparency-report}) and the teams' scorecards
 * (as {@code GET /api/v1/scorecards}).
 */
@Controller
class ReportPages {

    private final TransparencyReport transparency;
    private final Scorecards scorecards;

    ReportPages(TransparencyReport transparency, Scorecards scorecards) {
        this.transparency = transparency;
        this.scorecards = scorecards;
    }

    @GetMapping("/transparency")
    String transparency(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        return page(from, to, model, "console/transparency",
                (first, last) -> model.addAttribute("report", transparency.between(first, last, Actors.current())));
    }

    /** The same figures as a CSV download. */
    @GetMapping("/transparency.csv")
    ResponseEntity<String> transparencyCsv(@RequestParam String from, @RequestParam String to) {
        TransparencyReport.Report report = transparency.between(date("from", from), date("to", to), Actors.current());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transparency-report-" + report.from()
                        + "-" + report.to() + ".csv\"")
                .body(report.csv());
    }

    @GetMapping("/scorecards")
    String scorecards(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        return page(from, to, model, "console/scorecards",
                (first, last) -> model.addAttribute("cards", scorecards.between(first, last, Actors.current())));
    }

    /** The period's form as typed, and what {@code fill} adds for it, or the problems with the period. */
    static String page(@Nullable String from, @Nullable String to, Model model, String view,
            BiConsumer<LocalDate, LocalDate> fill) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String first = from == null ? today.minusDays(29).toString() : from;
        String last = to == null ? today.toString() : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            fill.accept(date("from", first), date("to", last));
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
        }
        return view;
    }

    private static LocalDate date(String field, String typed) {
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-06-30");
        }
    }
}
