package org.vigil.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.web.ConflictException;
import org.vigil.web.FieldProblem;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;

/**
 * What the admin pages do with a posted form: make the change and send the browser on with a flash
 * message (post, redirect, get), or, when a service refuses the change, show the same form again with
 * the user's input and a problem per field. Refusals never become error pages.
 */
final class Forms {

    /** The most rows an admin list shows. */
    static final int MAX_ROWS = 500;
    private static final long MAX_MINUTES = 10L * 366 * 24 * 60;

    private Forms() {
    }

    /** One thing a service refused, as the problems box shows it. */
    record Problem(String field, String message) {
    }

    /** A change that went through: where to go next, what to tell the user, and anything shown once there. */
    record Done(String then, String message, Map<String, Object> once) {

        Done(String then, String message) {
            this(then, message, Map.of());
        }
    }

    /**
     * Runs {@code change}; on success redirects with its message as the {@code flash} attribute, on a
     * refusal puts {@code problems} on the model and answers the view {@code form} renders.
     */
    static String submit(Model model, RedirectAttributes redirect, Supplier<Done> change, Supplier<String> form) {
        try {
            Done done = change.get();
            redirect.addFlashAttribute("flash", done.message());
            done.once().forEach(redirect::addFlashAttribute);
            return "redirect:" + done.then();
        } catch (RuntimeException e) {
            model.addAttribute("problems", problems(e));
        }
        return form.get();
    }

    /** The problems a service's refusal names; anything that is not a refusal is thrown on (a real failure). */
    static List<Problem> problems(RuntimeException refusal) {
        return switch (refusal) {
            case InvalidInputException e -> e.problems().stream().map(p -> new Problem(p.field(), p.detail())).toList();
            case ConflictException e -> List.of(new Problem(e.field() == null ? "" : e.field(), message(e)));
            case NotFoundException e -> List.of(new Problem("", message(e)));
            case ForbiddenException e -> List.of(new Problem("", message(e)));
            default -> throw refusal;
        };
    }

    /** The problems of one field only, e.g. a rule's condition while it is typed. */
    static List<Problem> problemsOf(InvalidInputException e, String field) {
        return e.problems().stream().filter(p -> p.field().equals(field))
                .map(p -> new Problem(p.field(), p.detail())).toList();
    }

    /** The same problems with a prefix taken off their fields, e.g. {@code categories[3].}. */
    static InvalidInputException withoutPrefix(InvalidInputException e, String regex) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> new FieldProblem(p.field().replaceFirst(regex, ""), p.detail(), p.position())).toList());
    }

    /** A whole number typed into a field, or null when left empty; anything else is refused for that field. */
    static @Nullable Long number(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    /** Minutes typed into a field, as seconds; refused past ten years. */
    static @Nullable Long minutesAsSeconds(String field, @Nullable String text) {
        Long minutes = number(field, text);
        if (minutes != null && Math.abs(minutes) > MAX_MINUTES) {
            throw new InvalidInputException(field, "must be at most " + MAX_MINUTES + " minutes");
        }
        return minutes == null ? null : minutes * 60;
    }

    static @Nullable Integer integer(String field, @Nullable String text) {
        Long value = number(field, text);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new InvalidInputException(field, "is out of range");
        }
        return value == null ? null : value.intValue();
    }

    static @Nullable Double decimal(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }

    /** Codes typed as a list separated by commas or spaces: {@code review, csam} → [review, csam]. */
    static List<String> codes(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Codes as they are typed back into a field. */
    static String text(@Nullable List<String> codes) {
        return codes == null ? "" : String.join(", ", codes);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The first {@value #MAX_ROWS} rows. */
    static <T> List<T> bounded(List<T> rows) {
        return rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS);
    }

    /** Rows listed oldest first (by id), newest first and bounded: what was just made is always shown. */
    static <T> List<T> newest(List<T> rowsOldestFirst) {
        return bounded(rowsOldestFirst.reversed());
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? "refused" : e.getMessage();
    }
}
