package org.vigil.policy;

import java.util.List;
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

    private Categories() {
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
