package org.vigil.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.sla.Slas;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case aggregate. Every change appends a {@link CaseEvent} and updates the case row in the same
 * transaction; the row is the projection, the events are the truth.
 */
@Service
public class Cases {

    public static final int MAX_MESSAGE = 20_000;
    public static final int MAX_TAGS = 50;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Queues queues;
    private final Identity identity;
    private final Slas slas;
    private final CaseClocks clocks;
    private final CaseRouting routing;

    Cases(JdbcClient jdbc, JsonMapper json, Queues queues, Identity identity, Slas slas, CaseClocks clocks,
            CaseRouting routing) {
        this.routing = routing;
        this.jdbc = jdbc;
        this.json = json;
        this.queues = queues;
        this.identity = identity;
        this.slas = slas;
        this.clocks = clocks;
    }

    // ---------------------------------------------------------------- intake

    /**
     * Files reports about subjects into review cases: each subject's active case absorbs them, or a new
     * case is opened (linked to the subject's latest earlier case). Runs inside the caller's
     * transaction. The partial unique index on active review cases per subject makes two concurrent
     * intakes meet in the database: exactly one inserts, the other updates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SubjectReports.Attached> attachReports(List<SubjectReports> groups, String actor, Instant now) {
        if (groups.isEmpty()) {
            return List.of();
        }
        // A stable order over subjects keeps concurrent batches from locking each other in a cycle.
        List<SubjectReports> sorted = groups.stream()
                .sorted(Comparator.comparing(SubjectReports::subjectType).thenComparing(SubjectReports::subjectId))
                .toList();
        int n = sorted.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] owners = new String[n];
        String[] reasons = new String[n];
        String[] reasonCounts = new String[n];
        Integer[] counts = new Integer[n];
        Integer[] reporterCounts = new Integer[n];
        String[] scores = new String[n];
        Long[] views = new Long[n];
        Long[] followers = new Long[n];
        Integer[] priorities = new Integer[n];
        Double[] harms = new Double[n];
        String[] sources = new String[n];
        Timestamp[] holds = new Timestamp[n];
        Timestamp[] dues = new Timestamp[n];
        Timestamp[] checks = new Timestamp[n];
        long queue = queues.defaultQueue("review");
        long policy = slas.defaultPolicy("review").id();
        Map<Integer, Slas.Evaluation> openings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SubjectReports g = sorted.get(i);
            types[i] = g.subjectType();
            ids[i] = g.subjectId();
            owners[i] = g.ownerId();
            reasons[i] = g.firstReason();
            reasonCounts[i] = json.writeValueAsString(g.reasons());
            counts[i] = g.reportIds().size();
            reporterCounts[i] = g.reporters().size();
            scores[i] = json.writeValueAsString(g.maxScores());
            views[i] = g.views24h();
            followers[i] = g.followers();
            priorities[i] = g.priority();
            harms[i] = g.harm();
            sources[i] = g.sources().isEmpty() ? null : g.sources().getLast();
            holds[i] = g.legalHold() ? Timestamp.from(now) : null;
            // A case opened now starts its clocks now; a case joined keeps them unless its priority rose.
            // Opening clocks depend on the priority alone here: worked out once per priority in a write.
            Slas.Evaluation opening = openings.computeIfAbsent(g.priority(),
                    priority -> clocks.opening(policy, "review", priority, now));
            dues[i] = opening.dueAt() == null ? null : Timestamp.from(opening.dueAt());
            checks[i] = opening.nextCheck() == null ? null : Timestamp.from(opening.nextCheck());
        }
        record Upserted(String type, String id, long caseId, int version, boolean created, @Nullable Long previous,
                boolean slaStale) {
        }
        List<Upserted> upserted = jdbc.sql("""
                insert into vigil_case as c (kind, status, queue_id, subject_type, subject_id, subject_owner_id,
                        reason, reasons, report_count, distinct_reporters, max_scores, max_views_24h, max_followers,
                        priority, harm, sla_policy_id, sla_due_at, sla_next_check_at, last_source, legal_hold_since,
                        legal_hold_reason, version, created_at, updated_at, previous_case_id)
                select 'review', 'new', :queue, u.st, u.sid, u.own, u.rsn, u.rsns::jsonb, u.cnt, u.nrep, u.sc::jsonb,
                       u.v, u.f, u.pri, u.harm, :policy, u.due, u.chk, u.src, u.hold,
                       case when u.hold is null then null else 'may be reported to the authorities' end, 1, :now, :now,
                       -- The kind is a filter of the aggregate, not a condition of the scan: as a condition it
                       -- would offer a backward walk of the kind index, which plans as cheap as the subject's
                       -- index while the table is new and then reads every review case per new case.
                       (select max(p.id) filter (where p.kind = 'review') from vigil_case p
                         where p.subject_type = u.st and p.subject_id = u.sid)
                from unnest(cast(:types as text[]), cast(:ids as text[]), cast(:owners as text[]),
                            cast(:reasons as text[]), cast(:reasonCounts as text[]), cast(:counts as int[]),
                            cast(:reporterCounts as int[]), cast(:scores as text[]), cast(:views as bigint[]),
                            cast(:followers as bigint[]),
                            cast(:priorities as smallint[]), cast(:harms as float8[]),
                            cast(:dues as timestamptz[]), cast(:checks as timestamptz[]), cast(:sources as text[]),
                            cast(:holds as timestamptz[]))
                     as u(st, sid, own, rsn, rsns, cnt, nrep, sc, v, f, pri, harm, due, chk, src, hold)
                on conflict (subject_type, subject_id)
                    where kind = 'review' and status in ('new', 'open', 'pending', 'on_hold')
                do update set
                    report_count = c.report_count + excluded.report_count,
                    reasons = jsonb_sum_counts(c.reasons, excluded.reasons),
                    max_scores = jsonb_max_scores(c.max_scores, excluded.max_scores),
                    max_views_24h = greatest(c.max_views_24h, excluded.max_views_24h),
                    max_followers = greatest(c.max_followers, excluded.max_followers),
                    subject_owner_id = coalesce(c.subject_owner_id, excluded.subject_owner_id),
                    priority = least(c.priority, excluded.priority),
                    harm = greatest(c.harm, excluded.harm),
                    sla_stale = c.sla_stale or excluded.priority < c.priority,
                    last_source = coalesce(excluded.last_source, c.last_source),
                    legal_hold_since = coalesce(c.legal_hold_since, excluded.legal_hold_since),
                    legal_hold_reason = coalesce(c.legal_hold_reason, excluded.legal_hold_reason),
                    version = c.version + 1,
                    updated_at = excluded.updated_at
                returning subject_type, subject_id, id, version, (xmax = 0) as created, previous_case_id, sla_stale
                """)
                .param("queue", queue).param("now", Timestamp.from(now))
                .param("types", types).param("ids", ids).param("owners", owners).param("reasons", reasons)
                .param("reasonCounts", reasonCounts).param("counts", counts).param("reporterCounts", reporterCounts)
                .param("scores", scores)
                .param("views", views).param("followers", followers)
                .param("priorities", priorities).param("harms", harms)
                .param("policy", policy).param("dues", dues).param("checks", checks).param("sources", sources).param("holds", holds)
                .query((rs, row) -> new Upserted(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getObject(6, Long.class), rs.getBoolean(7)))
                .list();
        // A raised priority tightens the targets of running clocks: work them out again from the events.
        List<Long> stale = upserted.stream().filter(Upserted::slaStale).map(Upserted::caseId).toList();
        if (!stale.isEmpty()) {
            clocks.refresh(stale, now);
        }

        Map<String, Upserted> bySubject = new LinkedHashMap<>();
        upserted.forEach(u -> bySubject.put(u.type() + '\u0000' + u.id(), u));

        // Distinct reporters: a new case counted its reporters as it was inserted; a case joined counts
        // only reporters it has not seen before. Counting at insert spares a new case a second row
        // version (and its index entries) in the same transaction.
        List<Long> reporterCases = new ArrayList<>();
        List<String> reporterIds = new ArrayList<>();
        List<Long> joinedCases = new ArrayList<>();
        // Events: one per case per batch, naming every report it absorbed.
        int m = sorted.size();
        Long[] eventCases = new Long[m];
        Integer[] eventSeqs = new Integer[m];
        String[] eventTypes = new String[m];
        String[] eventData = new String[m];
        List<SubjectReports.Attached> attached = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            SubjectReports g = sorted.get(i);
            Upserted u = bySubject.get(g.subjectType() + '\u0000' + g.subjectId());
            for (String reporter : g.reporters()) {
                reporterCases.add(u.caseId());
                reporterIds.add(reporter);
            }
            if (!u.created() && !g.reporters().isEmpty()) {
                joinedCases.add(u.caseId());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reportIds", g.reportIds());
            data.put("reasons", g.reasons());
            data.put("sources", new LinkedHashSet<>(g.sources()));
            if (!g.maxScores().isEmpty()) {
                data.put("maxScores", g.maxScores());
            }
            if (u.created()) {
                data.put("kind", "review");
                data.put("status", "new");
                data.put("queueId", queue);
                data.put("slaPolicyId", policy);
                data.put("subject", subject(g.subjectType(), g.subjectId(), g.ownerId()));
                data.put("reason", g.firstReason());
                if (u.previous() != null) {
                    data.put("previousCaseId", u.previous());
                }
            }
            eventCases[i] = u.caseId();
            eventSeqs[i] = u.version();
            eventTypes[i] = u.created() ? "created" : "reports_added";
            eventData[i] = json.writeValueAsString(data);
            attached.add(new SubjectReports.Attached(g.subjectType(), g.subjectId(), u.caseId(), u.created()));
        }
        if (!reporterIds.isEmpty()) {
            jdbc.sql("""
                    with added as (
                        insert into case_reporter (case_id, reporter_id)
                        select * from unnest(cast(:cases as bigint[]), cast(:reporters as text[]))
                        on conflict do nothing
                        returning case_id)
                    update vigil_case c set distinct_reporters = c.distinct_reporters + a.n
                    from (select case_id, count(*) as n from added group by case_id) a
                    where c.id = a.case_id and c.id = any(cast(:joined as bigint[]))
                    """)
                    .param("cases", reporterCases.toArray(Long[]::new))
                    .param("joined", joinedCases.toArray(Long[]::new))
                    .param("reporters", reporterIds.toArray(String[]::new))
                    .update();
        }
        jdbc.sql("""
                insert into case_event (case_id, seq, type, actor, data, created_at)
                select e.c, e.s, e.t, :actor, e.d::jsonb, :now
                from unnest(cast(:cases as bigint[]), cast(:seqs as int[]), cast(:types as text[]),
                            cast(:data as text[])) as e(c, s, t, d)
                """)
                .param("actor", actor).param("now", Timestamp.from(now))
                .param("cases", eventCases).param("seqs", eventSeqs).param("types", eventTypes)
                .param("data", eventData)
                .update();
        // Signals changed for every case touched: the routing rules look at each again.
        routing.apply(attached.stream().map(SubjectReports.Attached::caseId).toList(),
                attached.stream().filter(SubjectReports.Attached::created).map(SubjectReports.Attached::caseId)
                        .collect(java.util.stream.Collectors.toSet()),
                now);
        return attached;
    }

    /** A support inquiry's case, with the requester's message as the start of its thread. */
    public record NewSupportCase(String title, String body, String category, @Nullable String email,
            @Nullable String userId, @Nullable String locale) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long openSupportCase(NewSupportCase inquiry, String actor, Instant now) {
        long queue = queues.defaultQueue("support");
        long policy = slas.defaultPolicy("support").id();
        long id = jdbc.sql("""
                insert into vigil_case (kind, status, queue_id, title, inquiry_category, requester_email,
                        requester_user_id, requester_locale, sla_policy_id, version, created_at, updated_at)
                values ('support', 'new', :queue, :title, :category, :email, :userId, :locale, :policy, 1, :now, :now)
                returning id
                """)
                .param("queue", queue).param("policy", policy).param("title", inquiry.title()).param("category", inquiry.category())
                .param("email", inquiry.email()).param("userId", inquiry.userId()).param("locale", inquiry.locale())
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        long message = insertMessage(id, "public", "requester",
                inquiry.userId() != null ? inquiry.userId() : inquiry.email(), inquiry.body(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "support");
        data.put("status", "new");
        data.put("queueId", queue);
        data.put("title", inquiry.title());
        data.put("category", inquiry.category());
        data.put("messageId", message);
        data.put("slaPolicyId", policy);
        appendEvent(id, 1, "created", actor, data, now);
        clocks.refresh(id, now);
        routing.apply(List.of(id), Set.of(id), now);
        return id;
    }

    // ---------------------------------------------------------------- reads

    /** The case, if the actor may see it; otherwise not found (without saying it exists). */
    /**
     * Seconds from the reviewer's latest claim or assignment of the case to now: how long they handled
     * it, kept with their decision. Null when they never took it.
     */
    @Nullable Integer handleSeconds(long caseId, long userId, Instant now) {
        return jdbc.sql("""
                select created_at from case_event
                where case_id = :case and type in ('claimed', 'assigned')
                  and coalesce(data ->> 'assigneeId', '') = cast(:user as text)
                order by seq desc limit 1
                """)
                .param("case", caseId).param("user", userId)
                .query((rs, n) -> (int) java.time.Duration.between(rs.getTimestamp(1).toInstant(), now).toSeconds())
                .optional().orElse(null);
    }

    public CaseView get(long id, Actor actor) {
        return find(id, actor).orElseThrow(() -> new NotFoundException("case " + id + " does not exist"));
    }

    public Optional<CaseView> find(long id, Actor actor) {
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        return jdbc.sql("select * from vigil_case where id = :id"
                        + (visible.isPresent() ? " and queue_id = any(:queues)" : ""))
                .param("id", id)
                .param("queues", visible.map(v -> v.toArray(Long[]::new)).orElse(new Long[0]))
                .query(this::view)
                .optional();
    }

    /**
     * Filters of the case list; every one optional. {@code status} and {@code priority} take several
     * values separated by commas ({@code new,open}, {@code P0,P1}); {@code sla} is one of
     * {@link #SLA_STATES}: past the due time, due within {@link Floor#AT_RISK}, or neither.
     */
    public record Filter(@Nullable String kind, @Nullable String status, @Nullable String subjectType,
            @Nullable String subjectId, @Nullable Long queueId, @Nullable Long assigneeId, @Nullable String tag,
            @Nullable String reason, @Nullable String priority, @Nullable String sla) {

        public Filter(@Nullable String kind, @Nullable String status, @Nullable String subjectType,
                @Nullable String subjectId, @Nullable Long queueId, @Nullable Long assigneeId, @Nullable String tag,
                @Nullable String reason) {
            this(kind, status, subjectType, subjectId, queueId, assigneeId, tag, reason, null, null);
        }
    }

    public static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3", "P4");
    public static final List<String> SLA_STATES = List.of("breached", "at_risk", "ok");

    /** One page of cases, newest first, and the cursor of the next page if there is one. */
    public record Page(List<CaseView> cases, @Nullable String nextCursor) {
    }

    public Page list(Filter filter, int limit, @Nullable String cursor, Actor actor) {
        Checks checks = new Checks();
        checks.oneOf("kind", filter.kind(), Queues.KINDS);
        if (filter.status() != null) {
            String[] statuses = filter.status().split(",");
            for (String s : statuses) {
                checks.oneOf("status", s, CaseStatus.CODES);
            }
        }
        checks.identifier("subjectType", filter.subjectType(), 64);
        checks.identifier("subjectId", filter.subjectId(), 256);
        checks.identifier("tag", filter.tag(), 64);
        checks.identifier("reason", filter.reason(), 64);
        if (filter.priority() != null) {
            for (String p : filter.priority().split(",")) {
                checks.oneOf("priority", p, PRIORITIES);
            }
        }
        checks.oneOf("sla", filter.sla(), SLA_STATES);
        if (limit < 1 || limit > 200) {
            checks.fail("limit", "must be between 1 and 200 (was " + limit + ")");
        }
        long after = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!decoded.startsWith("c:")) {
                    throw new IllegalArgumentException();
                }
                after = Long.parseLong(decoded.substring(2));
            } catch (IllegalArgumentException e) {
                checks.fail("cursor", "is not a cursor this API returned");
            }
        }
        checks.throwIfInvalid();
        StringBuilder sql = new StringBuilder("select * from vigil_case where id < :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        if (filter.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            sql.append(" and status = any(:status)");
            params.put("status", filter.status().split(","));
        }
        if (filter.subjectType() != null) {
            sql.append(" and subject_type = :subjectType");
            params.put("subjectType", filter.subjectType());
        }
        if (filter.subjectId() != null) {
            sql.append(" and subject_id = :subjectId");
            params.put("subjectId", filter.subjectId());
        }
        if (filter.queueId() != null) {
            sql.append(" and queue_id = :queueId");
            params.put("queueId", filter.queueId());
        }
        if (filter.assigneeId() != null) {
            sql.append(" and assignee_id = :assigneeId");
            params.put("assigneeId", filter.assigneeId());
        }
        if (filter.tag() != null) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", filter.tag());
        }
        if (filter.reason() != null) {
            sql.append(" and jsonb_exists(reasons, :reason)");
            params.put("reason", filter.reason());
        }
        if (filter.priority() != null) {
            sql.append(" and priority = any(:priority)");
            params.put("priority", java.util.Arrays.stream(filter.priority().split(","))
                    .map(p -> Integer.valueOf(p.substring(1))).toArray(Integer[]::new));
        }
        if (filter.sla() != null) {
            Instant now = DatabaseClock.now();
            params.put("now", Timestamp.from(now));
            params.put("soon", Timestamp.from(now.plus(Floor.AT_RISK)));
            sql.append(switch (filter.sla()) {
                case "breached" -> " and sla_due_at < :now";
                case "at_risk" -> " and sla_due_at >= :now and sla_due_at < :soon";
                default -> " and (sla_due_at is null or sla_due_at >= :soon)";
            });
        }
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        if (visible.isPresent()) {
            sql.append(" and queue_id = any(:queues)");
            params.put("queues", visible.get().toArray(Long[]::new));
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        List<CaseView> rows = jdbc.sql(sql.toString()).params(params).query(this::view).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("c:" + rows.getLast().id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(rows, next);
    }

    /**
     * An account's cases, newest first, at most {@code limit}: cases about the account itself and about
     * what it owns (its characters, messages, images), as far as the actor may see them.
     */
    public List<CaseView> ofAccount(String accountId, int limit, Actor actor) {
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        String scope = visible.isPresent() ? " and queue_id = any(:queues)" : "";
        return jdbc.sql("select * from ((select * from vigil_case where subject_owner_id = :account" + scope
                        + " order by id desc limit :limit) union (select * from vigil_case where subject_type = 'user'"
                        + " and subject_id = :account" + scope + " order by id desc limit :limit)) c"
                        + " order by id desc limit :limit")
                .param("account", accountId).param("limit", limit)
                .param("queues", visible.map(v -> v.toArray(Long[]::new)).orElse(new Long[0]))
                .query(this::view)
                .list();
    }

    public List<CaseEvent> events(long id, Actor actor) {
        get(id, actor);
        return jdbc.sql("select * from case_event where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("seq"),
                        rs.getString("type"), rs.getString("actor"), json.readValue(rs.getString("data"), MAP),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public List<CaseMessage> messages(long id, Actor actor) {
        get(id, actor);
        return jdbc.sql("select * from case_message where case_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new CaseMessage(rs.getLong("id"), rs.getLong("case_id"), rs.getString("visibility"),
                        rs.getString("author_type"), rs.getString("author_id"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    // ---------------------------------------------------------------- actions

    public CaseView reply(long id, @Nullable String body, @Nullable String status, Actor actor) {
        return reply(id, body, status, null, actor);
    }

    /**
     * A public reply to the requester (support) or reporter, optionally changing the status with it.
     * With {@code afterMessageId} (the newest message the agent saw) the reply is refused if someone
     * else replied publicly since, so two agents never answer the same requester twice unknowingly.
     */
    @Transactional
    public CaseView reply(long id, @Nullable String body, @Nullable String status, @Nullable Long afterMessageId,
            Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("body", body, MAX_MESSAGE);
        checks.oneOf("status", status, CaseStatus.CODES);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        if (afterMessageId != null) {
            jdbc.sql("""
                    select author_id, created_at from case_message
                    where case_id = :case and id > :after and visibility = 'public' and author_type = 'agent'
                      and author_id <> :me
                    order by id limit 1
                    """)
                    .param("case", id).param("after", afterMessageId).param("me", actor.ref())
                    .query((rs, n) -> rs.getString(1) + " at " + rs.getTimestamp(2).toInstant())
                    .optional()
                    .ifPresent(other -> {
                        throw new ConflictException("afterMessageId", "another agent replied since message "
                                + afterMessageId + " (" + other + "); read the thread before answering");
                    });
        }
        Instant now = DatabaseClock.now();
        long message = insertMessage(id, "public", "agent", actor.ref(), body, now);
        int seq = locked.version() + 1;
        appendEvent(id, seq, "public_reply", actor.ref(), Map.of("messageId", message), now);
        touch(id, seq, now);
        if (status != null && CaseStatus.of(status) != locked.status()) {
            transition(id, seq, locked.status(), CaseStatus.of(status), null, actor, now);
        }
        clocks.refresh(id, now);
        return get(id, actor);
    }

    @Transactional
    public CaseView note(long id, @Nullable String body, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("body", body, MAX_MESSAGE);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        Instant now = DatabaseClock.now();
        long message = insertMessage(id, "internal", "agent", actor.ref(), body, now);
        int seq = locked.version() + 1;
        appendEvent(id, seq, "internal_note", actor.ref(), Map.of("messageId", message), now);
        touch(id, seq, now);
        return get(id, actor);
    }

    @Transactional
    public CaseView tag(long id, @Nullable List<String> add, @Nullable List<String> remove, Actor actor) {
        Checks checks = new Checks();
        List<String> adding = tags(checks, "add", add);
        List<String> removing = tags(checks, "remove", remove);
        if (adding.isEmpty() && removing.isEmpty()) {
            checks.fail("add", "add or remove must name at least one tag");
        }
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        LinkedHashSet<String> tags = new LinkedHashSet<>(locked.tags());
        tags.addAll(adding);
        removing.forEach(tags::remove);
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("add", "a case has at most " + MAX_TAGS + " tags");
        }
        Instant now = DatabaseClock.now();
        int seq = locked.version() + 1;
        appendEvent(id, seq, "tags_changed", actor.ref(), Map.of("added", adding, "removed", removing,
                "tags", List.copyOf(tags)), now);
        jdbc.sql("update vigil_case set tags = :tags, version = :seq, updated_at = :now where id = :id")
                .param("tags", tags.toArray(String[]::new)).param("seq", seq).param("now", Timestamp.from(now))
                .param("id", id).update();
        return get(id, actor);
    }

    /**
     * Assigns the case to a user (or unassigns it with null). Agents may take a case themselves or let
     * it go; leads and admins may assign anyone who can see the case. A new case becomes open.
     */
    @Transactional
    public CaseView assign(long id, @Nullable Long assigneeId, Actor actor) {
        Locked locked = lock(id, actor);
        if (!actor.mayAssignOthers()) {
            boolean self = assigneeId != null && assigneeId.equals(actor.userId());
            boolean releasingOwn = assigneeId == null && locked.assigneeId() != null
                    && locked.assigneeId().equals(actor.userId());
            if (!self && !releasingOwn) {
                throw new ConflictException("assigneeId",
                        "agents may assign a case only to themselves or release their own; leads assign others");
            }
        }
        if (assigneeId != null) {
            Identity.User user;
            try {
                user = identity.user(assigneeId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("assigneeId", "no user has id " + assigneeId);
            }
            if (user.vendor()) {
                Set<Long> visible = queues.visibleTo(new Actor("user:" + user.id(), 0, user.id(), user.teamId(),
                        true, Set.copyOf(user.roles()), Set.of())).orElse(Set.of());
                if (!visible.contains(locked.queueId())) {
                    throw new ConflictException("assigneeId", "user " + assigneeId
                            + " is on a vendor team that does not serve this case's queue");
                }
            }
        }
        if (assigneeId != null) {
            List<Long> deciders = jdbc.sql("select appealed_decider_id from vigil_case where id = :id").param("id", id)
                    .query((rs, n) -> rs.getObject(1, Long.class)).list();
            if (!deciders.isEmpty() && assigneeId.equals(deciders.getFirst())) {
                throw new ConflictException("assigneeId", "user " + assigneeId + " made the decision this appeal is "
                        + "about; another reviewer must decide it");
            }
        }
        if (java.util.Objects.equals(assigneeId, locked.assigneeId())) {
            return get(id, actor);
        }
        Instant now = DatabaseClock.now();
        int seq = locked.version() + 1;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assigneeId", assigneeId);
        data.put("previousAssigneeId", locked.assigneeId());
        appendEvent(id, seq, "assigned", actor.ref(), data, now);
        jdbc.sql("""
                update vigil_case set assignee_id = :assignee, lease_until = null, version = :seq, updated_at = :now
                where id = :id
                """)
                .param("assignee", assigneeId).param("seq", seq).param("now", Timestamp.from(now))
                .param("id", id).update();
        if (assigneeId != null && locked.status() == CaseStatus.NEW) {
            transition(id, seq, CaseStatus.NEW, CaseStatus.OPEN, "assigned", actor, now);
        }
        return get(id, actor);
    }

    @Transactional
    public CaseView changeStatus(long id, @Nullable String status, @Nullable String reason, Actor actor) {
        Checks checks = new Checks();
        if (checks.required("status", status)) {
            checks.oneOf("status", status, CaseStatus.CODES);
        }
        checks.text("reason", reason, 2_000);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        Instant now = DatabaseClock.now();
        transition(id, locked.version(), locked.status(), CaseStatus.of(status), reason, actor, now);
        clocks.refresh(id, now);
        return get(id, actor);
    }

    /**
     * A follow-up from the requester on their support case or appeal (by the integration that relays
     * the user's e-mail or in-app message). It starts a next-reply cycle; a pending or solved case
     * opens again, as the requester is waiting once more.
     */
    @Transactional
    public CaseView requesterMessage(long id, @Nullable String body, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("body", body, MAX_MESSAGE);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        record Requester(String kind, @Nullable String author) {
        }
        Requester requester = jdbc.sql("select kind, coalesce(requester_user_id, requester_email) from vigil_case "
                        + "where id = :id")
                .param("id", id).query((rs, n) -> new Requester(rs.getString(1), rs.getString(2))).single();
        if (requester.kind().equals("review")) {
            throw new ConflictException(null, "case " + id + " is a review case; requesters write on support cases "
                    + "and appeals");
        }
        Instant now = DatabaseClock.now();
        String author = requester.author();
        long message = insertMessage(id, "public", "requester", author, body, now);
        int seq = locked.version() + 1;
        appendEvent(id, seq, "requester_message", actor.ref(), Map.of("messageId", message), now);
        touch(id, seq, now);
        if (locked.status() == CaseStatus.PENDING || locked.status() == CaseStatus.SOLVED) {
            transition(id, seq, locked.status(), CaseStatus.OPEN, "requester replied", actor, now);
        }
        clocks.refresh(id, now);
        return get(id, actor);
    }

    /**
     * Puts a case under another SLA policy of its kind (leads and admins; routing rules do it at
     * intake). Its clocks are measured against the new targets from now on; breaches already recorded
     * stay on the case.
     */
    @Transactional
    public CaseSla applySlaPolicy(long id, @Nullable Long policyId, Actor actor) {
        if (!actor.mayAssignOthers()) {
            throw new ForbiddenException("only leads and admins choose a case's SLA policy");
        }
        if (policyId == null) {
            throw new InvalidInputException("policyId", "is required");
        }
        Locked locked = lock(id, actor);
        String kind = jdbc.sql("select kind from vigil_case where id = :id").param("id", id).query(String.class).single();
        Slas.Policy policy;
        try {
            policy = slas.policy(policyId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("policyId", "no SLA policy has id " + policyId);
        }
        if (!policy.kind().equals(kind)) {
            throw new InvalidInputException("policyId", "policy " + policyId + " is for " + policy.kind()
                    + " cases; case " + id + " is a " + kind + " case");
        }
        Instant now = DatabaseClock.now();
        int seq = locked.version() + 1;
        appendEvent(id, seq, "sla_policy_applied", actor.ref(), Map.of("policyId", policy.id(),
                "policyVersion", policy.version(), "policyName", policy.name()), now);
        jdbc.sql("update vigil_case set sla_policy_id = :policy, version = :seq, updated_at = :now where id = :id")
                .param("policy", policy.id()).param("seq", seq).param("now", Timestamp.from(now)).param("id", id)
                .update();
        clocks.refresh(id, now);
        return sla(id, actor);
    }

    /**
     * Puts a case's evidence under legal hold (leads, specialists, admins), or releases it (admins):
     * held evidence cannot be changed or deleted — the database refuses.
     */
    @Transactional
    public CaseView legalHold(long id, boolean hold, @Nullable String reason, Actor actor) {
        boolean allowed = hold ? actor.isAdmin() || actor.has(org.vigil.identity.Role.LEAD)
                || actor.has(org.vigil.identity.Role.SPECIALIST) : actor.isAdmin();
        if (!allowed) {
            throw new ForbiddenException(hold ? "leads, specialists and admins place legal holds"
                    : "only admins release a legal hold");
        }
        Checks checks = new Checks();
        checks.requiredText("reason", reason, 2_000);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        Instant now = DatabaseClock.now();
        int seq = locked.version() + 1;
        appendEvent(id, seq, hold ? "legal_hold_placed" : "legal_hold_released", actor.ref(),
                Map.of("reason", reason), now);
        jdbc.sql("""
                update vigil_case set legal_hold_since = case when :hold then coalesce(legal_hold_since, :now) end,
                    legal_hold_reason = case when :hold then :reason end, version = :seq, updated_at = :now
                where id = :id
                """)
                .param("hold", hold).param("now", Timestamp.from(now)).param("reason", reason).param("seq", seq)
                .param("id", id).update();
        return get(id, actor);
    }

    /** Records on the case that a report to the authorities was filed, with their reference. */
    @Transactional
    public CaseView recordAuthorityReport(long id, @Nullable String reference, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("reference", reference, 200);
        checks.throwIfInvalid();
        Locked locked = lock(id, actor);
        Instant now = DatabaseClock.now();
        appendEvent(id, locked.version() + 1, "authority_report_filed", actor.ref(), Map.of("reference", reference), now);
        touch(id, locked.version() + 1, now);
        return get(id, actor);
    }

    /** A case's SLA clocks under its policy, as they stand now. */
    public record CaseSla(long caseId, long policyId, String policyName, int policyVersion, @Nullable Instant dueAt,
            List<Slas.MetricStatus> metrics) {
    }

    public CaseSla sla(long id, Actor actor) {
        get(id, actor);
        Slas.Evaluation evaluation = clocks.evaluate(id, DatabaseClock.now());
        Slas.Policy policy = evaluation.policy();
        return new CaseSla(id, policy.id(), policy.name(), policy.version(), evaluation.dueAt(), evaluation.metrics());
    }

    /**
     * How many cases arrived in a queue in each interval of {@code [from, from + n·interval)}: the
     * volume history workforce forecasts are made from.
     */
    public long[] arrivals(long queueId, Instant from, java.time.Duration interval, int n) {
        long[] counts = new long[n];
        long step = interval.toSeconds();
        jdbc.sql("""
                select floor(extract(epoch from created_at - :from) / :step)::int as bucket, count(*)
                from vigil_case
                where queue_id = :queue and created_at >= :from and created_at < :to
                group by 1
                """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(from.plus(interval.multipliedBy(n))))
                .param("step", step).param("queue", queueId)
                .query(rs -> {
                    int bucket = rs.getInt(1);
                    if (bucket >= 0 && bucket < n) {
                        counts[bucket] = rs.getLong(2);
                    }
                });
        return counts;
    }

    /** The mean handle time of the decisions made on a queue's cases since {@code from}, and how many there were. */
    public record HandleTimes(double meanSeconds, long decisions) {
    }

    public HandleTimes handleTimes(long queueId, Instant from) {
        return jdbc.sql("""
                select coalesce(avg(d.handle_seconds), 0), count(d.handle_seconds)
                from decision d join vigil_case c on c.id = d.case_id
                where c.queue_id = :queue and d.created_at >= :from
                """)
                .param("queue", queueId).param("from", Timestamp.from(from))
                .query((rs, n) -> new HandleTimes(rs.getDouble(1), rs.getLong(2))).single();
    }

    // ---------------------------------------------------------------- internals

    record Locked(CaseStatus status, int version, long queueId, @Nullable Long assigneeId,
            List<String> tags) {
    }

    /** Locks the case row for a change; closed cases take no more changes. */
    Locked lock(long id, Actor actor) {
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        Locked locked = jdbc.sql("select status, version, queue_id, assignee_id, tags from vigil_case where id = :id"
                        + (visible.isPresent() ? " and queue_id = any(:queues)" : "") + " for update")
                .param("id", id)
                .param("queues", visible.map(v -> v.toArray(Long[]::new)).orElse(new Long[0]))
                .query((rs, n) -> new Locked(CaseStatus.of(rs.getString("status")), rs.getInt("version"),
                        rs.getLong("queue_id"), rs.getObject("assignee_id", Long.class),
                        List.of((String[]) rs.getArray("tags").getArray())))
                .optional()
                .orElseThrow(() -> new NotFoundException("case " + id + " does not exist"));
        if (locked.status() == CaseStatus.CLOSED) {
            throw new ConflictException(null, "case " + id + " is closed; a closed case is final");
        }
        return locked;
    }

    void transition(long id, int version, CaseStatus from, CaseStatus to, @Nullable String reason,
            Actor actor, Instant now) {
        if (!from.canBecome(to)) {
            throw new ConflictException("status", from.whyNot(to));
        }
        int seq = version + 1;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from.code());
        data.put("to", to.code());
        if (reason != null) {
            data.put("reason", reason);
        }
        appendEvent(id, seq, "status_changed", actor.ref(), data, now);
        jdbc.sql("""
                update vigil_case set status = :status, version = :seq, updated_at = :now,
                    solved_at = case when cast(:keepSolved as boolean) then solved_at
                                     else cast(:solvedAt as timestamptz) end,
                    closed_at = cast(:closedAt as timestamptz),
                    lease_until = case when cast(:status as text) in ('solved', 'closed') then null else lease_until end
                where id = :id
                """)
                .param("status", to.code()).param("seq", seq).param("now", Timestamp.from(now)).param("id", id)
                .param("keepSolved", to == CaseStatus.CLOSED)
                .param("solvedAt", to == CaseStatus.SOLVED ? Timestamp.from(now) : null)
                .param("closedAt", to == CaseStatus.CLOSED ? Timestamp.from(now) : null)
                .update();
    }

    private void touch(long id, int seq, Instant now) {
        jdbc.sql("update vigil_case set version = :seq, updated_at = :now where id = :id")
                .param("seq", seq).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void appendEvent(long caseId, int seq, String type, String actor, Map<String, ?> data, Instant now) {
        jdbc.sql("""
                insert into case_event (case_id, seq, type, actor, data, created_at)
                values (:case, :seq, :type, :actor, cast(:data as jsonb), :now)
                """)
                .param("case", caseId).param("seq", seq).param("type", type).param("actor", actor)
                .param("data", json.writeValueAsString(data)).param("now", Timestamp.from(now))
                .update();
    }

    private long insertMessage(long caseId, String visibility, String authorType, @Nullable String authorId,
            String body, Instant now) {
        return jdbc.sql("""
                insert into case_message (case_id, visibility, author_type, author_id, body, created_at)
                values (:case, :visibility, :authorType, :authorId, :body, :now) returning id
                """)
                .param("case", caseId).param("visibility", visibility).param("authorType", authorType)
                .param("authorId", authorId).param("body", body).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    private static List<String> tags(Checks checks, String field, @Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (!checks.size(field, values, MAX_TAGS)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String tag = values.get(i);
            if (tag == null || !tag.matches("[a-z0-9][a-z0-9_:.-]{0,63}")) {
                checks.fail(field + "[" + i + "]",
                        "must be 1 to 64 lower-case letters, digits, '_', ':', '.' or '-', starting with a letter or digit");
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static Map<String, Object> subject(String type, String id, @Nullable String owner) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", type);
        subject.put("id", id);
        if (owner != null) {
            subject.put("ownerId", owner);
        }
        return subject;
    }

    CaseView view(ResultSet rs, int row) throws SQLException {
        String subjectType = rs.getString("subject_type");
        Long views = rs.getObject("max_views_24h", Long.class);
        Long followers = rs.getObject("max_followers", Long.class);
        String email = rs.getString("requester_email");
        String userId = rs.getString("requester_user_id");
        return new CaseView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getLong("queue_id"),
                "P" + rs.getInt("priority"),
                rs.getString("severity"),
                rs.getDouble("harm"),
                subjectType == null ? null : new CaseView.Subject(subjectType, rs.getString("subject_id"),
                        rs.getString("subject_owner_id")),
                rs.getString("reason"),
                json.readValue(rs.getString("reasons"), COUNTS),
                rs.getInt("report_count"),
                rs.getInt("distinct_reporters"),
                json.readValue(rs.getString("max_scores"), SCORES),
                views == null && followers == null ? null : new CaseView.Reach(views, followers),
                rs.getString("title"),
                rs.getString("inquiry_category"),
                email == null && userId == null ? null
                        : new CaseView.Requester(email, userId, rs.getString("requester_locale")),
                rs.getObject("assignee_id", Long.class),
                instant(rs.getTimestamp("lease_until")),
                instant(rs.getTimestamp("sla_due_at")),
                instant(rs.getTimestamp("legal_hold_since")),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getObject("previous_case_id", Long.class),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("solved_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
