package org.vigil.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.vigil.cases.Exposure;
import org.vigil.cases.Floor;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.intake.IntakeJournal;
import org.vigil.routing.Queues;
import org.vigil.workforce.AgentStates;

/**
 * The floor dashboard's picture for one lead: the queues and agents they may see (a vendor lead only
 * their team's), composed from the cases, routing, identity and workforce modules.
 */
@Component
class FloorBoard {

    static final int URGENT = 25;
    static final int HOURS = 24;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    private final Floor floor;
    private final Queues queues;
    private final Identity identity;
    private final AgentStates states;
    private final Exposure exposure;

    private final IntakeJournal journal;

    FloorBoard(Floor floor, Queues queues, Identity identity, AgentStates states, Exposure exposure,
            IntakeJournal journal) {
        this.journal = journal;
        this.exposure = exposure;
        this.floor = floor;
        this.queues = queues;
        this.identity = identity;
        this.states = states;
    }

    /** A queue with work today: its open cases by age and its SLA outcomes since midnight (UTC). */
    record QueueRow(Queues.Queue queue, Floor.@Nullable Backlog backlog, Floor.@Nullable Attainment attainment) {
    }

    record UrgentRow(Floor.Urgent urgent, String queue, @Nullable String assignee) {
    }

    /** A signed-in agent: state as shown (offline, break, available or handling) and the cases held. */
    record AgentRow(long userId, String name, String team, boolean vendor, String state, Instant since,
            List<Long> held, Exposure.Reviewed exposure) {
    }

    /**
     * The board. {@code journal} is what waits in the intake journal, for those who see every team's
     * queues (the journal holds reports for all of them); null for vendor leads.
     */
    record Board(Instant now, List<QueueRow> queues, List<String> bands, Charts.Stacked backlog,
            List<UrgentRow> urgent, List<AgentRow> agents, Charts.Columns decisions,
            IntakeJournal.@Nullable Waiting journal) {
    }

    Board of(Actor actor) {
        Instant now = Instant.now();
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        List<Queues.Queue> shown = queues.list().stream()
                .filter(q -> visible.map(v -> v.contains(q.id())).orElse(true)).toList();
        List<Long> ids = shown.stream().map(Queues.Queue::id).toList();
        Map<Long, Floor.Backlog> backlog = byQueue(floor.backlog(ids), Floor.Backlog::queueId);
        Map<Long, Floor.Attainment> attainment = byQueue(floor.attainment(ids, Floor.startOfToday()),
                Floor.Attainment::queueId);
        List<QueueRow> rows = shown.stream()
                .filter(q -> backlog.containsKey(q.id()) || attainment.containsKey(q.id()))
                .map(q -> new QueueRow(q, backlog.get(q.id()), attainment.get(q.id()))).toList();
        List<QueueRow> waiting = rows.stream().filter(r -> r.backlog() != null).toList();
        Charts.Stacked chart = Charts.stacked(waiting.stream().map(r -> r.queue().name()).toList(),
                waiting.stream().map(r -> r.backlog().bands()).toList());

        Map<Long, String> queueNames = shown.stream().collect(Collectors.toMap(Queues.Queue::id, Queues.Queue::name));
        List<Floor.Urgent> breaching = floor.aboutToBreach(ids, URGENT);
        List<AgentStates.AgentState> signedIn = states.signedIn();
        // the people the board names: the assignees of cases about to breach and the agents signed in
        Map<Long, Identity.User> users = identity.users(Stream.concat(
                breaching.stream().map(Floor.Urgent::assigneeId).filter(Objects::nonNull),
                signedIn.stream().map(AgentStates.AgentState::userId)).toList());
        List<UrgentRow> urgent = breaching.stream()
                .map(u -> new UrgentRow(u, queueNames.getOrDefault(u.queueId(), "#" + u.queueId()),
                        u.assigneeId() == null || !users.containsKey(u.assigneeId()) ? null
                                : users.get(u.assigneeId()).name()))
                .toList();

        return new Board(now, rows, Floor.AGE_BANDS, chart, urgent, agents(actor, signedIn, users, now),
                Charts.columns(hours(now), floor.decisionsPerHour(ids, HOURS), 3),
                actor.seesAllTeams() ? journal.waiting() : null);
    }

    private List<AgentRow> agents(Actor actor, List<AgentStates.AgentState> all, Map<Long, Identity.User> users,
            Instant now) {
        Map<Long, String> teams = identity.teams().stream()
                .collect(Collectors.toMap(Identity.Team::id, Identity.Team::name));
        List<AgentStates.AgentState> signedIn = all.stream()
                .filter(s -> users.containsKey(s.userId()))
                .filter(s -> actor.seesAllTeams() || users.get(s.userId()).teamId() == actor.teamId())
                .toList();
        List<Long> ids = signedIn.stream().map(AgentStates.AgentState::userId).toList();
        Map<Long, List<Long>> held = floor.held(ids);
        Map<Long, Exposure.Reviewed> exposed = exposure.of(ids, now);
        List<AgentRow> rows = new ArrayList<>();
        for (AgentStates.AgentState s : signedIn) {
            Identity.User user = users.get(s.userId());
            List<Long> cases = held.getOrDefault(s.userId(), List.of());
            rows.add(new AgentRow(user.id(), user.name(), teams.getOrDefault(user.teamId(), "#" + user.teamId()),
                    user.vendor(), s.shown(now, cases.size()), s.since(), cases, exposed.get(s.userId())));
        }
        return rows;
    }

    /** The labels of the last {@link #HOURS} hours, the current one last. */
    private static List<String> hours(Instant now) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            labels.add(HOUR.format(now.minus(Duration.ofHours(HOURS - 1L - i))));
        }
        return labels;
    }

    private static <T> Map<Long, T> byQueue(List<T> rows, Function<T, Long> queue) {
        return rows.stream().collect(Collectors.toMap(queue, Function.identity()));
    }
}
