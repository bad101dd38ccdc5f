package org.vigil.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.cases.TransparencyReport;
import org.vigil.identity.Actors;
import org.vigil.web.InvalidInputException;

/**
 * The transparency report's figures for a period the lead chooses (the last 30 days at first): notices,
 * decisions and appeals, the same figures as {@code GET /api/v1/transparency-report}.
 */
@Controller
class TransparencyPage {

    private final TransparencyReport transparency;

    TransparencyPage(TransparencyReport transparency) {
        this.transparency = transparency;
    }

    @GetMapping("/transparency")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String first = from == null ? today.minusDays(29).toString() : from;
        String last = to == null ? today.toString() : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            model.addAttribute("report", transparency.between(date("from", first), date("to", last), Actors.current()));
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
        }
        return "console/transparency";
    }

    private static LocalDate date(String field, String typed) {
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-06-30");
        }
    }
}
