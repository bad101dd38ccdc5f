package org.vigil.identity;

/** What a person may do. Leads and admins may also do what agents do. */
public enum Role {
    AGENT, SPECIALIST, QA, LEAD, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
