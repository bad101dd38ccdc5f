package org.vigil.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.cases.Cases;
import org.vigil.identity.Actor;
import org.vigil.web.Checks;

/**
 * The case list's filters as the page's form sends them: text, so that a wrong value becomes a problem
 * on the page rather than a failed binding. {@code status} and {@code priority} take several values
 * (repeated, or separated by commas); {@code assignee} is a user id or {@code me}.
 */
record CaseSearch(@Nullable String queue, @Nullable List<String> status, @Nullable List<String> priority,
        @Nullable String reason, @Nullable String subjectType, @Nullable String subjectId, @Nullable String assignee,
        @Nullable String sla, @Nullable String kind, @Nullable String tag, @Nullable String cursor) {

    /** The filter for {@link Cases#list}, or every problem with the form's values. */
    Cases.Filter filter(Actor actor) {
        Checks checks = new Checks();
        Long queueId = number(checks, "queue", queue);
        Long assigneeId = "me".equals(blank(assignee)) ? actor.userId() : number(checks, "assignee", assignee);
        checks.throwIfInvalid();
        return new Cases.Filter(blank(kind), joined(status), blank(subjectType), blank(subjectId), queueId, assigneeId,
                blank(tag), blank(reason), joined(priority), blank(sla));
    }

    @Nullable String cursorOrNull() {
        return blank(cursor);
    }

    public boolean has(String field, String value) {
        List<String> values = "status".equals(field) ? status : priority;
        return values != null && values.contains(value);
    }

    /** The link to the page after this one: the same filters from the given cursor on. */
    public String olderHref(String next) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cases");
        param(uri, "queue", queue);
        param(uri, "status", joined(status));
        param(uri, "priority", joined(priority));
        param(uri, "reason", reason);
        param(uri, "subjectType", subjectType);
        param(uri, "subjectId", subjectId);
        param(uri, "assignee", assignee);
        param(uri, "sla", sla);
        param(uri, "kind", kind);
        param(uri, "tag", tag);
        param(uri, "cursor", next);
        return uri.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder uri, String name, @Nullable String value) {
        if (blank(value) != null) {
            uri.queryParam(name, value);
        }
    }

    private static @Nullable Long number(Checks checks, String field, @Nullable String value) {
        String text = blank(value);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            checks.fail(field, "must be a number" + ("assignee".equals(field) ? " or 'me'" : ""));
            return null;
        }
    }

    private static @Nullable String joined(@Nullable List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        return present.isEmpty() ? null : String.join(",", present);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
