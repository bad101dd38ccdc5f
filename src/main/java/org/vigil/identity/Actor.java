package org.vigil.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: an integration key (no user, no team) or a user through a personal token.
 *
 * @param ref    how the audit trail names the actor, e.g. {@code user:12} or {@code key:3}
 * @param keyId  the API key or token used; 0 for a signed-in browser session
 * @param userId the user, when a personal token was used
 * @param teamId the user's team
 * @param vendor whether the user's team is a vendor (BPO) team, which limits what it sees
 */
public record Actor(String ref, long keyId, @Nullable Long userId, @Nullable Long teamId, boolean vendor,
        Set<Role> roles, Set<Scope> scopes) implements java.io.Serializable {

    private static final String USER = "user:";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Admin keys and admin users may act on anything. */
    public boolean isAdmin() {
        return has(Scope.ADMIN) || has(Role.ADMIN);
    }

    /** Leads and admins may assign cases to others. */
    public boolean mayAssignOthers() {
        return isAdmin() || has(Role.LEAD);
    }

    /** The user an audit-trail reference such as {@code user:12} names; null for keys, the system and anything else. */
    public static @Nullable Long userOf(@Nullable String ref) {
        if (ref == null || !ref.startsWith(USER)) {
            return null;
        }
        try {
            return Long.valueOf(ref.substring(USER.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Vendor users see only their teams' work; everyone else sees all of it. */
    public boolean seesAllTeams() {
        return !vendor;
    }
}
