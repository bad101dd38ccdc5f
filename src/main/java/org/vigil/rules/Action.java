package org.vigil.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.routing.Queues;
import org.vigil.sla.Slas;
import org.vigil.web.Checks;
import org.vigil.web.NotFoundException;

/**
 * What a rule does to a case when its condition holds. One type per action, with the fields it needs:
 * <ul>
 *   <li>{@code set_queue {queueId}} — files the case in that queue (skipped for cases of another kind);</li>
 *   <li>{@code set_priority {priority: "P0".."P4"}};</li>
 *   <li>{@code set_severity {severity: low|medium|high|critical}};</li>
 *   <li>{@code add_tags {tags}};</li>
 *   <li>{@code set_sla_policy {policyId}} — measures the case under that policy (skipped for cases of
 *       another kind);</li>
 *   <li>{@code escalate {reason?}} — one priority higher, the tag {@code escalated}, and a
 *       notification to the leads of the teams serving the case's queue;</li>
 *   <li>{@code auto_close {as: spam|duplicate, reason?}} — solves the case with that resolution.</li>
 * </ul>
 */
public record Action(@Nullable String type, @Nullable Long queueId, @Nullable String priority,
        @Nullable String severity, @Nullable List<String> tags, @Nullable Long policyId, @Nullable String as,
        @Nullable String reason) {

    public static final Set<String> TYPES = Set.of("set_queue", "set_priority", "set_severity", "add_tags",
            "set_sla_policy", "escalate", "auto_close");
    public static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3", "P4");
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

    /** The priority as a number, 0 for P0. */
    public int priorityLevel() {
        return PRIORITIES.indexOf(priority);
    }

    /** Checks the action; answers it with only the fields its type uses, or null when it is invalid. */
    @Nullable Action check(Checks checks, Queues queues, Slas slas) {
        if (!checks.required("type", type)
                || !checks.oneOf("type", type, TYPES.stream().sorted().toList())) {
            return null;
        }
        int before = checks.problems().size();
        Action normalised = switch (type) {
            case "set_queue" -> {
                if (checks.required("queueId", queueId) && !queues.exists(queueId)) {
                    checks.fail("queueId", "no queue has id " + queueId);
                }
                yield new Action(type, queueId, null, null, null, null, null, null);
            }
            case "set_priority" -> {
                if (checks.required("priority", priority)) {
                    checks.oneOf("priority", priority, PRIORITIES);
                }
                yield new Action(type, null, priority, null, null, null, null, null);
            }
            case "set_severity" -> {
                if (checks.required("severity", severity)) {
                    checks.oneOf("severity", severity, SEVERITIES);
                }
                yield new Action(type, null, null, severity, null, null, null, null);
            }
            case "add_tags" -> {
                List<String> valid = new ArrayList<>();
                if (checks.required("tags", tags) && checks.size("tags", tags, 20)) {
                    if (tags.isEmpty()) {
                        checks.fail("tags", "must name at least one tag");
                    }
                    for (int i = 0; i < tags.size(); i++) {
                        String tag = tags.get(i);
                        if (tag == null || !tag.matches("[a-z0-9][a-z0-9_:.-]{0,63}")) {
                            checks.fail("tags[" + i + "]", "must be 1 to 64 lower-case letters, digits, '_', ':', "
                                    + "'.' or '-', starting with a letter or digit");
                        } else if (!valid.contains(tag)) {
                            valid.add(tag);
                        }
                    }
                }
                yield new Action(type, null, null, null, valid, null, null, null);
            }
            case "set_sla_policy" -> {
                if (checks.required("policyId", policyId)) {
                    try {
                        slas.policy(policyId);
                    } catch (NotFoundException e) {
                        checks.fail("policyId", "no SLA policy has id " + policyId);
                    }
                }
                yield new Action(type, null, null, null, null, policyId, null, null);
            }
            case "escalate" -> {
                checks.text("reason", reason, 500);
                yield new Action(type, null, null, null, null, null, null, reason);
            }
            case "auto_close" -> {
                if (checks.required("as", as)) {
                    checks.oneOf("as", as, List.of("duplicate", "spam"));
                }
                checks.text("reason", reason, 500);
                yield new Action(type, null, null, null, null, null, as, reason);
            }
            default -> null;
        };
        return checks.problems().size() == before ? normalised : null;
    }
}
