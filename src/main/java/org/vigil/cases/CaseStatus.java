package org.vigil.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a case stands. Transitions are explicit: a case is worked (new, open), waits on the requester
 * (pending) or on a third party (on_hold), is solved, and is finally closed. A solved case may be
 * reopened; a closed case is final (a new report opens a new, linked case).
 */
public enum CaseStatus {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    public static final List<String> CODES = Arrays.stream(values()).map(CaseStatus::code).toList();

    public String code() {
        return name().toLowerCase();
    }

    public static CaseStatus of(String code) {
        return valueOf(code.toUpperCase());
    }

    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, SOLVED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, SOLVED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canBecome(CaseStatus target) {
        return next().contains(target);
    }

    /** Active cases collect new reports about their subject. */
    public boolean isActive() {
        return this != SOLVED && this != CLOSED;
    }

    /** Why a transition is refused, in words for the problem response. */
    public String whyNot(CaseStatus target) {
        if (this == target) {
            return "the case is already " + code();
        }
        if (this == CLOSED) {
            return "a closed case is final and cannot change status";
        }
        return "a case that is " + code() + " can become " + next().stream().map(CaseStatus::code).toList()
                + ", not " + target.code();
    }
}
