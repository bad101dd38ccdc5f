package org.vigil.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.identity.Actors;
import org.vigil.routing.Queues;
import org.vigil.sla.Metric;
import org.vigil.sla.Slas;
import org.vigil.web.InvalidInputException;

/** Admins list business calendars and SLA policies, create both, and edit policies. */
@Controller
@RequestMapping("/admin/sla")
class AdminSlaPage {

    static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3", "P4");
    private static final String TARGET = "target.";

    private final Slas slas;
    private final Queues queues;

    AdminSlaPage(Slas slas, Queues queues) {
        this.slas = slas;
        this.queues = queues;
    }

    /** A calendar as the form takes it: the same opening hours on each chosen weekday, holidays as dates. */
    record CalendarForm(@Nullable String name, @Nullable String zone, @Nullable List<String> days,
            @Nullable String opens, @Nullable String closes, @Nullable String holidays) {

        static CalendarForm empty() {
            return new CalendarForm(null, "UTC", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                    "09:00", "17:00", null);
        }

        Slas.NewCalendar toCalendar() {
            Map<String, List<List<String>>> hours = new LinkedHashMap<>();
            for (String day : days == null ? List.<String>of() : days) {
                hours.put(day, List.of(Arrays.asList(opens, closes)));
            }
            return new Slas.NewCalendar(name, zone, hours, dates(holidays));
        }
    }

    /**
     * A calendar as its edit form takes it: each weekday's opening hours as typed spans
     * ({@code 09:00-12:00, 13:00-17:00}; a blank weekday is closed), holidays as dates.
     */
    record CalendarEditForm(@Nullable String name, @Nullable String zone, Map<String, String> hours,
            @Nullable String holidays) {

        private static final String HOURS = "hours.";

        static CalendarEditForm of(Slas.Calendar calendar) {
            Map<String, String> hours = new LinkedHashMap<>();
            calendar.hours().forEach((day, spans) -> hours.put(day, spans.stream()
                    .map(span -> String.join("-", span)).collect(Collectors.joining(", "))));
            return new CalendarEditForm(calendar.name(), calendar.zone(), hours,
                    calendar.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        }

        /** The form as posted: the weekdays' spans come in fields named {@code hours.MONDAY} and so on. */
        static CalendarEditForm posted(Map<String, String> params) {
            Map<String, String> hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(day.name(), params.getOrDefault(HOURS + day.name(), ""));
            }
            return new CalendarEditForm(params.get("name"), params.get("zone"), hours, params.get("holidays"));
        }

        public String hoursOn(String day) {
            return hours.getOrDefault(day, "");
        }

        Slas.NewCalendar toCalendar() {
            Map<String, List<List<String>>> spans = new LinkedHashMap<>();
            hours.forEach((day, typed) -> {
                List<List<String>> parsed = new ArrayList<>();
                for (String span : typed.split(",")) {
                    if (!span.isBlank()) {
                        // "09:00-17:00" or "09:00–17:00"; anything else reaches the checks as it was typed
                        parsed.add(Arrays.stream(span.split("[-–]", -1)).map(String::strip).toList());
                    }
                }
                if (!parsed.isEmpty()) {
                    spans.put(day, parsed);
                }
            });
            return new Slas.NewCalendar(name, zone, spans, dates(holidays));
        }
    }

    /** Dates typed as {@code 2026-12-25, 2027-01-01}. */
    private static List<LocalDate> dates(@Nullable String typed) {
        List<LocalDate> dates = new ArrayList<>();
        for (String date : Forms.codes(typed)) {
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("holidays", "must be dates such as 2026-12-25 (was '"
                        + date.substring(0, Math.min(date.length(), 40)) + "')");
            }
        }
        return dates;
    }

    /** A policy as the form takes it: targets in minutes per metric and priority, keyed {@code metric.P0}. */
    record PolicyForm(@Nullable String name, @Nullable String kind, @Nullable Boolean isDefault,
            @Nullable String calendarId, @Nullable String warnMinutes, @Nullable Boolean raisePriority,
            @Nullable Boolean notifyLeads, @Nullable String escalationQueueId,
            @Nullable Map<String, String> targets) {

        static PolicyForm empty() {
            return new PolicyForm(null, "review", false, null, "15", true, true, null, Map.of());
        }

        static PolicyForm of(Slas.Policy policy) {
            Map<String, String> targets = new LinkedHashMap<>();
            policy.targets().forEach((metric, byPriority) -> byPriority.forEach((priority, seconds) ->
                    targets.put(metric + "." + priority, String.valueOf(seconds / 60))));
            return new PolicyForm(policy.name(), policy.kind(), policy.isDefault(), String.valueOf(policy.calendarId()),
                    String.valueOf(policy.warnBeforeSeconds() / 60), policy.raisePriority(), policy.notifyLeads(),
                    policy.escalationQueueId() == null ? null : String.valueOf(policy.escalationQueueId()), targets);
        }

        /** The same form with the targets typed into the {@code target.<metric>.<priority>} fields. */
        PolicyForm withTargets(Map<String, String> params) {
            Map<String, String> typed = new LinkedHashMap<>();
            params.forEach((key, value) -> {
                if (key.startsWith(TARGET) && typed.size() < 50) {
                    typed.put(key.substring(TARGET.length()), value);
                }
            });
            return new PolicyForm(name, kind, isDefault, calendarId, warnMinutes, raisePriority, notifyLeads,
                    escalationQueueId, typed);
        }

        Slas.NewPolicy toPolicy() {
            Map<String, Map<String, Long>> seconds = new LinkedHashMap<>();
            for (Map.Entry<String, String> target : (targets == null ? Map.<String, String>of() : targets).entrySet()) {
                Long value = Forms.minutesAsSeconds("targets." + target.getKey(), target.getValue());
                int dot = target.getKey().lastIndexOf('.');
                if (value != null && dot > 0) {
                    seconds.computeIfAbsent(target.getKey().substring(0, dot), m -> new LinkedHashMap<>())
                            .put(target.getKey().substring(dot + 1), value);
                }
            }
            return new Slas.NewPolicy(name, kind, Boolean.TRUE.equals(isDefault), Forms.number("calendarId", calendarId),
                    seconds, Forms.minutesAsSeconds("warnMinutes", warnMinutes), Boolean.TRUE.equals(raisePriority),
                    Boolean.TRUE.equals(notifyLeads), Forms.number("escalationQueueId", escalationQueueId));
        }

        public String target(String metric, String priority) {
            return targets == null ? "" : targets.getOrDefault(metric + "." + priority, "");
        }
    }

    /** A calendar as listed: its opening hours weekday by weekday, e.g. {@code MON 09:00–17:00}. */
    record CalendarRow(Slas.Calendar calendar, List<String> hours) {

        static CalendarRow of(Slas.Calendar calendar) {
            List<String> hours = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                List<List<String>> spans = calendar.hours().get(day.name());
                if (spans != null && !spans.isEmpty()) {
                    hours.add(day.name().substring(0, 3) + " " + spans.stream().map(s -> String.join("–", s))
                            .collect(Collectors.joining(", ")));
                }
            }
            return new CalendarRow(calendar, hours);
        }
    }

    @GetMapping
    String list(Model model) {
        return page(model, CalendarForm.empty(), PolicyForm.empty());
    }

    @PostMapping("/calendars")
    String createCalendar(@ModelAttribute("calendarForm") CalendarForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Slas.Calendar created = slas.createCalendar(form.toCalendar(), Actors.current());
            return new Forms.Done("/admin/sla", "Calendar " + created.name() + " created.");
        }, () -> {
            model.addAttribute("calendarProblems", true);
            return page(model, form, PolicyForm.empty());
        });
    }

    @GetMapping("/calendars/{id}")
    String editCalendar(@PathVariable long id, Model model) {
        Slas.Calendar calendar = slas.calendar(id);
        return calendarPage(model, calendar, CalendarEditForm.of(calendar));
    }

    @PostMapping("/calendars/{id}")
    String updateCalendar(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        Slas.Calendar calendar = slas.calendar(id);
        CalendarEditForm form = CalendarEditForm.posted(params);
        return Forms.submit(model, redirect, () -> {
            Slas.Calendar saved = slas.updateCalendar(id, form.toCalendar(), Actors.current());
            return new Forms.Done("/admin/sla", "Calendar " + saved.name()
                    + " saved: open cases under its policies are measured with it from their next check.");
        }, () -> calendarPage(model, calendar, form));
    }

    private String calendarPage(Model model, Slas.Calendar calendar, CalendarEditForm form) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("form", form);
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList());
        model.addAttribute("policies", slas.policies().stream().filter(p -> p.calendarId() == calendar.id())
                .map(Slas.Policy::name).toList());
        return "console/admin/sla-calendar";
    }

    @PostMapping("/policies")
    String createPolicy(@ModelAttribute PolicyForm typed, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        PolicyForm form = typed.withTargets(params);
        return Forms.submit(model, redirect, () -> {
            Slas.Policy created = slas.createPolicy(form.toPolicy(), Actors.current());
            return new Forms.Done("/admin/sla", "SLA policy " + created.name() + " created.");
        }, () -> page(model, CalendarForm.empty(), form));
    }

    @GetMapping("/policies/{id}")
    String editPolicy(@PathVariable long id, Model model) {
        Slas.Policy policy = slas.policy(id);
        return policyPage(model, policy, PolicyForm.of(policy));
    }

    @PostMapping("/policies/{id}")
    String updatePolicy(@PathVariable long id, @ModelAttribute PolicyForm typed,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Slas.Policy policy = slas.policy(id);
        PolicyForm form = typed.withTargets(params);
        return Forms.submit(model, redirect, () -> {
            Slas.Policy saved = slas.updatePolicy(id, form.toPolicy(), Actors.current());
            return new Forms.Done("/admin/sla", "SLA policy " + saved.name() + " saved as version "
                    + saved.version() + ".");
        }, () -> policyPage(model, policy, form));
    }

    private String page(Model model, CalendarForm calendar, PolicyForm policy) {
        model.addAttribute("calendars", Forms.newest(slas.calendars()).stream().map(CalendarRow::of).toList());
        model.addAttribute("calendarNames", slas.calendars().stream()
                .collect(Collectors.toMap(Slas.Calendar::id, Slas.Calendar::name)));
        model.addAttribute("policies", Forms.newest(slas.policies()));
        model.addAttribute("calendarForm", calendar);
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList());
        return policyForm(model, null, policy, "console/admin/sla");
    }

    private String policyPage(Model model, Slas.Policy policy, PolicyForm form) {
        return policyForm(model, policy, form, "console/admin/sla-policy");
    }

    private String policyForm(Model model, Slas.@Nullable Policy policy, PolicyForm form, String view) {
        model.addAttribute("policy", policy);
        model.addAttribute("policyForm", form);
        model.addAttribute("metrics", Arrays.asList(Metric.values()));
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("kinds", Queues.KINDS);
        model.addAttribute("allCalendars", Forms.newest(slas.calendars()));
        model.addAttribute("queues", Forms.newest(queues.list()));
        return view;
    }
}
