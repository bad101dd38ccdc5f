package org.vigil.sla;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a case, as far as its SLA clocks care: when it was created, public replies on
 * either side, and status changes. The case module builds it from the case's events.
 *
 * @param kind       review, support or appeal
 * @param priority   the case's priority now, 0 (P0) to 4; the targets that apply follow it
 * @param happenings in the order they happened
 */
public record Timeline(String kind, int priority, Instant created, List<Happening> happenings) {

    public Timeline {
        happenings = List.copyOf(happenings);
    }

    /** One thing that happened; {@code status} is the new status of a {@link Type#STATUS} change. */
    public record Happening(Type type, Instant at, @Nullable String status) {

        public static Happening agentReply(Instant at) {
            return new Happening(Type.AGENT_REPLY, at, null);
        }

        public static Happening requesterMessage(Instant at) {
            return new Happening(Type.REQUESTER_MESSAGE, at, null);
        }

        public static Happening status(String status, Instant at) {
            return new Happening(Type.STATUS, at, status);
        }
    }

    public enum Type {
        /** A public reply by an agent to the requester or reporter. */
        AGENT_REPLY,
        /** A public message from the requester. */
        REQUESTER_MESSAGE,
        /** The case changed status. */
        STATUS
    }
}
