package org.vigil.intake;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.FieldProblem;

/**
 * Writes single reports that arrive at the same time in one transaction. Each request is checked on
 * its own thread; the checked reports wait in a queue that a few writers drain, each taking whatever
 * has arrived (no artificial delay) and committing it with the set-based batch path. Every caller
 * is answered only after the commit that holds its report, so a 201 still means durable, while the
 * database sees one commit and a handful of statements per group instead of per report.
 *
 * <p>When a group fails for a reason other than a transient conflict, its reports are written again
 * one by one, so one bad report cannot fail the others.
 */
@Component
class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Intake intake;
    private final int maxGroup;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    GroupCommit(Intake intake, @Value("${vigil.intake.writers:2}") int writers,
            @Value("${vigil.intake.max-group:500}") int maxGroup) {
        this.intake = intake;
        this.maxGroup = maxGroup;
        // Writers are platform threads. As virtual threads they shared the carrier threads with the requests
        // they serve: after each statement of a group a writer waited in line behind every request being
        // parsed or answered, so a group's round trips took longer the more requests were waiting for it.
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofPlatform().daemon().name("intake-writer-" + i).start(this::drain));
        }
    }

    private record Pending(ReportRequest report, @Nullable String key, @Nullable String hash, Actor actor,
            CompletableFuture<Intake.Outcome> answer) {
    }

    /** Checks a report and, when valid, writes it with whatever else is waiting. */
    Intake.Outcome submit(ReportRequest report, @Nullable String key, Actor actor) {
        List<FieldProblem> problems = intake.check(report, DatabaseClock.now());
        if (!problems.isEmpty()) {
            return Intake.Outcome.rejected(0, problems);
        }
        Pending pending = new Pending(report, key, key == null ? null : IdempotencyKeys.hash(report.withoutKey()),
                actor, new CompletableFuture<>());
        if (!running) {
            throw new IllegalStateException("Vigil is shutting down");
        }
        queue.add(pending);
        return pending.answer().join();
    }

    private void drain() {
        List<Pending> group = new ArrayList<>(maxGroup);
        while (running) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, maxGroup - 1);
            Map<String, List<Pending>> byActor = new LinkedHashMap<>();
            for (Pending p : group) {
                byActor.computeIfAbsent(p.actor().ref(), k -> new ArrayList<>()).add(p);
            }
            for (List<Pending> sameActor : byActor.values()) {
                write(sameActor);
            }
            group.clear();
        }
    }

    private void write(List<Pending> group) {
        try {
            Intake.Outcome[] outcomes = writeGroup(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(outcomes[i]);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().answer().completeExceptionally(e);
                return;
            }
            log.warn("A group of {} reports failed; writing them one by one", group.size(), e);
            for (Pending p : group) {
                write(List.of(p));
            }
        }
    }

    private Intake.Outcome[] writeGroup(List<Pending> group) {
        int n = group.size();
        List<@Nullable ReportRequest> reports = new ArrayList<>(n);
        List<@Nullable String> keys = new ArrayList<>(n);
        String[] hashes = new String[n];
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reports.add(group.get(i).report());
            keys.add(group.get(i).key());
            hashes[i] = group.get(i).hash();
            all.add(i);
        }
        return intake.writeChecked(reports, keys, hashes, all, group.getFirst().actor(), DatabaseClock.now());
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        Pending p;
        while ((p = queue.poll()) != null) {
            p.answer().completeExceptionally(new IllegalStateException("Vigil is shutting down"));
        }
    }
}
