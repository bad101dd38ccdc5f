package org.vigil.sla;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an SLA measures, and on which kind of case. */
public enum Metric {
    /** Support: from the case's creation to the first public agent reply. */
    FIRST_REPLY("first_reply", "support"),
    /** Support: from the oldest requester message not yet answered to the next public agent reply. */
    NEXT_REPLY("next_reply", "support"),
    /** Support: from creation until solved, paused while pending on the requester or on hold. */
    FULL_RESOLUTION("full_resolution", "support"),
    /** Review: from the first report until the case is decided, paused while pending or on hold. */
    TIME_TO_DECISION("time_to_decision", "review"),
    /** Appeal: from filing until the appeal is decided, paused while pending or on hold. */
    APPEAL_DECISION("appeal_decision", "appeal");

    private final String code;
    private final String kind;

    Metric(String code, String kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    /** The kind of case (review, support, appeal) the metric applies to. */
    public String kind() {
        return kind;
    }

    public static List<Metric> of(String kind) {
        return Arrays.stream(values()).filter(m -> m.kind.equals(kind)).toList();
    }

    public static Optional<Metric> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
