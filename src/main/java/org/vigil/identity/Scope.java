package org.vigil.identity;

import java.util.Arrays;
import java.util.List;

/** What an integration key may do: submit intake, read cases, or administer Vigil. */
public enum Scope {
    INTAKE, READ, ADMIN;

    public static final List<String> NAMES = Arrays.stream(values()).map(Scope::code).toList();

    public String code() {
        return name().toLowerCase();
    }

    public String authority() {
        return "SCOPE_" + code();
    }

    public static Scope of(String code) {
        return valueOf(code.toUpperCase());
    }
}
