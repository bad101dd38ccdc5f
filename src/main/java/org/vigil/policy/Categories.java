package org.vigil.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The category codes of the default content policy for an AI character-chat product. Reports and
 * flags name one of these as their reason; scores are keyed by them.
 */
public final class Categories {

    public static final List<String> DEFAULT = List.of(
            "child_sexual_exploitation", "self_harm", "violent_extremism", "graphic_violence", "sexual_content",
            "hate", "harassment", "dangerous_activities", "privacy", "impersonation", "spam",
            "intellectual_property", "other");

    private static final Set<String> CODES = Set.copyOf(DEFAULT);

    /** Severity weight (harm per view) and default priority (0 = P0) of each category. */
    private record Severity(double weight, int priority) {
    }

    private static final Map<String, Severity> SEVERITY = Map.ofEntries(
            Map.entry("child_sexual_exploitation", new Severity(100, 0)),
            Map.entry("self_harm", new Severity(80, 0)),
            Map.entry("violent_extremism", new Severity(60, 1)),
            Map.entry("graphic_violence", new Severity(40, 1)),
            Map.entry("dangerous_activities", new Severity(40, 1)),
            Map.entry("privacy", new Severity(30, 1)),
            Map.entry("hate", new Severity(30, 2)),
            Map.entry("harassment", new Severity(25, 2)),
            Map.entry("sexual_content", new Severity(20, 2)),
            Map.entry("impersonation", new Severity(15, 2)),
            Map.entry("intellectual_property", new Severity(10, 3)),
            Map.entry("spam", new Severity(5, 3)),
            Map.entry("other", new Severity(5, 3)));

    /** How much harm one view of violating content of this category does, relative to the others. */
    public static double severityWeight(String code) {
        return SEVERITY.getOrDefault(code, new Severity(5, 3)).weight();
    }

    /**
     * The priority a report with this reason gets before any routing rule: P0 for child sexual
     * exploitation and for self-harm and suicide, where minutes matter.
     */
    public static int defaultPriority(String code) {
        return SEVERITY.getOrDefault(code, new Severity(5, 3)).priority();
    }

    private Categories() {
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
