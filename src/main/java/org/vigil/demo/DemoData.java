package org.vigil.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.vigil.cases.CaseView;
import org.vigil.cases.Decisions;
import org.vigil.cases.Quality;
import org.vigil.cases.Work;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.identity.Scope;
import org.vigil.intake.Intake;
import org.vigil.intake.ReportRequest;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.routing.Queues;
import org.vigil.rules.Action;
import org.vigil.rules.Rules;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;
import org.vigil.workforce.VolumeHistory;

/**
 * Loads demo data once ({@code --vigil.demo=true}): an in-house team and a vendor (BPO) team, a user
 * of every role, a vendor-only queue, specialist queues for child safety and self-harm with the
 * routing rules that fill them, and a few hundred reports and inquiries spread over the last
 * days, and an admin API key ({@value #ADMIN_KEY}). Loading again is a no-op. Demo users sign in
 * with the password {@value #PASSWORD}.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("vigil.demo")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "vigil-demo-password";
    /** The demo's admin API key: published in the README, so never load demo data in production. */
    static final String ADMIN_KEY = "vgl_demo_admin_key_not_for_production";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Who the audit trail names for what the demo loads. */
    private static final Actor DEMO = new Actor("demo", 0, null, null, false, Set.of(), Set.of(Scope.INTAKE));

    private final Identity identity;
    private final Queues queues;
    private final Intake intake;
    private final Rules rules;

    private final org.springframework.core.env.Environment environment;
    /** Where the demo's media are served: Vigil itself, so the review screen may load them. */
    private String mediaBase = "http://localhost:8080";

    private final VolumeHistory history;
    private final Work work;
    private final Decisions decisions;
    private final ContentPolicy policy;
    private final Quality quality;
    /** The final (not escalating) decisions the demo's reviewers made, in order. */
    private final List<Decisions.Decision> made = new ArrayList<>();

    DemoData(Identity identity, Queues queues, Intake intake, Rules rules,
            org.springframework.core.env.Environment environment, VolumeHistory history, Work work,
            Decisions decisions, ContentPolicy policy, Quality quality) {
        this.quality = quality;
        this.work = work;
        this.decisions = decisions;
        this.policy = policy;
        this.environment = environment;
        this.history = history;
        this.identity = identity;
        this.queues = queues;
        this.intake = intake;
        this.rules = rules;
    }

    @Override
    public void run(ApplicationArguments args) {
        mediaBase = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        if (identity.teams().stream().anyMatch(t -> t.name().equals("Trust & Safety"))) {
            log.info("Demo data already loaded");
            return;
        }
        identity.importKey("demo admin", ADMIN_KEY, List.of(Scope.ADMIN));
        Identity.Team inHouse = identity.createTeam("Trust & Safety", false, DEMO);
        Identity.Team vendor = identity.createTeam("Northwind BPO", true, DEMO);
        user("Ada Reviewer", "agent@vigil.example", List.of("AGENT"), inHouse, List.of("review"), List.of("en"), List.of());
        user("Sam Specialist", "specialist@vigil.example", List.of("SPECIALIST"), inHouse, List.of("review"),
                List.of("en", "es"), List.of("child_safety", "self_harm"));
        user("Quinn Quality", "qa@vigil.example", List.of("QA"), inHouse, List.of("review"), List.of("en"), List.of());
        user("Lee Lead", "lead@vigil.example", List.of("LEAD"), inHouse, List.of("review", "support"), List.of("en"),
                List.of("self_harm"));
        user("Alex Admin", "admin@vigil.example", List.of("ADMIN"), inHouse, List.of(), List.of("en"), List.of());
        user("Vic Vendor", "vendor.agent@vigil.example", List.of("AGENT"), vendor, List.of("review", "support"),
                List.of("en", "pt"), List.of());
        user("Val Vendor Lead", "vendor.lead@vigil.example", List.of("LEAD"), vendor, List.of("review"),
                List.of("en", "pt"), List.of());
        queues.create("Vendor review (en, pt)", "review", false, List.of(vendor.id()));
        long childSafety = queues.create(new Queues.NewQueue("Child safety", "review", false, List.of(inHouse.id()),
                List.of("review"), List.of(), "child_safety")).id();
        long selfHarm = queues.create(new Queues.NewQueue("Self-harm and suicide", "review", false,
                List.of(inHouse.id()), List.of("review"), List.of(), "self_harm")).id();

        Actor demo = DEMO;
        rule(demo, "Child safety to specialists",
                "reason == \"child_sexual_exploitation\" || scores[\"child_sexual_exploitation\"] > 0.5",
                new Action("set_queue", childSafety, null, null, null, null, null, null),
                new Action("set_priority", null, "P0", null, null, null, null, null),
                new Action("set_severity", null, null, "critical", null, null, null, null));
        rule(demo, "Imminent self-harm",
                "reason == \"self_harm\" && (scores[\"self_harm\"] > 0.8 || distinct_reporters >= 3)",
                new Action("set_queue", selfHarm, null, null, null, null, null, null),
                new Action("add_tags", null, null, null, List.of("imminent_risk"), null, null, null));
        rule(demo, "Viral content first", "views_24h > 100000 && priority > 1",
                new Action("set_priority", null, "P1", null, null, null, null, null),
                new Action("add_tags", null, null, null, List.of("viral"), null, null, null));
        rule(demo, "Certain spam", "source == \"classifier\" && scores[\"spam\"] >= 0.98",
                new Action("auto_close", null, null, null, null, null, "spam", "classifier certainty"));
        rule(demo, "Billing questions", "kind == \"support\" && inquiry_category == \"billing\"",
                new Action("add_tags", null, null, null, List.of("billing"), null, null, null));
        Random random = new Random(42);
        List<ReportRequest> reports = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            reports.add(report(random, i));
        }
        int accepted = 0;
        for (int from = 0; from < reports.size(); from += 100) {
            List<ReportRequest> chunk = reports.subList(from, from + 100);
            accepted += (int) intake.submit(chunk, Collections.nCopies(chunk.size(), null), demo).stream()
                    .filter(o -> o.status() == Intake.Status.ACCEPTED).count();
        }
        int inquiries = 0;
        for (int i = 0; i < 60; i++) {
            String[] inquiry = INQUIRIES[i % INQUIRIES.length];
            intake.inquire(new Intake.InquiryRequest(
                    new Intake.InquiryRequest.Requester("user" + (1000 + i) + "@example.com", "u_" + (1000 + i),
                            LOCALES[random.nextInt(LOCALES.length)]),
                    inquiry[1], inquiry[2], inquiry[0]), null, demo);
            inquiries++;
        }
        // The most urgent cases need clearances the agents lack, so they escalate those before they decide others.
        int decided = decide("specialist@vigil.example", 12) + decide("agent@vigil.example", 30)
                + decide("vendor.agent@vigil.example", 30);
        int reviewed = reviewQuality(3, 12);
        Random volumes = new Random(7);
        importHistory(volumes, queues.defaultQueue("review"), 38);
        importHistory(volumes, queues.defaultQueue("support"), 9);
        importHistory(volumes, selfHarm, 4);
        importHistory(volumes, childSafety, 2);
        log.info("Demo data loaded: 2 teams, 7 users (password '{}'), {} reports, {} inquiries, {} decisions, "
                + "{} of them reviewed for quality", PASSWORD, accepted, inquiries, decided, reviewed);
    }

    /**
     * The reviewer takes the next review case up to {@code count} times and decides it as a reviewer would:
     * most violate (with the first of a few usual actions the policy allows), some do not, and a case they
     * may not decide (it needs a clearance they lack) is escalated. So the scorecards, the transparency
     * report and the floor's decisions have something to show.
     */
    private int decide(String email, int count) {
        Actor reviewer = actor(email);
        int decided = 0;
        for (int i = 0; i < count; i++) {
            CaseView kase = work.claimNext(null, Set.of("review"), reviewer);
            if (kase == null) {
                break;
            }
            ContentPolicy.Category category = kase.reason() == null ? null : policy.current().category(kase.reason());
            Decisions.DecisionRequest request;
            if (category == null || i % 4 == 3) {
                request = new Decisions.DecisionRequest("not_violating", null, null, List.of(),
                        "Within the policy on a closer look.");
            } else {
                String action = List.of("remove_content", "warn", "restrict_visibility", "no_action").stream()
                        .filter(a -> category.allowedActions() != null && category.allowedActions().contains(a))
                        .findFirst().orElse("no_action");
                String subReason = category.subReasons() == null || category.subReasons().isEmpty() ? null
                        : category.subReasons().getFirst().code();
                request = new Decisions.DecisionRequest("violating", category.code(), subReason,
                        List.of(new Decisions.ActionRequest(action, null)), "Matches the policy's description.");
            }
            try {
                made.add(decisions.decide(kase.id(), request, reviewer));
            } catch (RuntimeException refused) {
                decisions.decide(kase.id(), new Decisions.DecisionRequest("escalate", null, null, List.of(),
                        "Needs a specialist."), reviewer);
            }
            decided++;
        }
        return decided;
    }

    /** A demo user as the services see them when they act. */
    private Actor actor(String email) {
        Identity.User user = identity.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
        return new Actor("user:" + user.id(), 0, user.id(), user.teamId(), user.vendor(), Set.copyOf(user.roles()),
                Set.of());
    }

    /**
     * The lead samples every {@code every}th decision (besides those in the random sample) and the QA
     * reviewer reviews up to {@code reviewing} of them, disagreeing now and then, so the quality page
     * shows agreement and samples waiting. Cases that need a clearance the QA reviewer lacks wait.
     */
    private int reviewQuality(int every, int reviewing) {
        Actor lead = actor("lead@vigil.example");
        Actor qa = actor("qa@vigil.example");
        int reviewed = 0;
        for (int i = 0; i < made.size(); i += every) {
            Decisions.Decision decision = made.get(i);
            Quality.Sample sample;
            try {
                sample = quality.sample(decision.id(), lead);
            } catch (ConflictException alreadySampled) {
                sample = quality.samples("pending", 500, lead).stream()
                        .filter(s -> s.decisionId() == decision.id()).findFirst().orElse(null);
            }
            if (sample == null || reviewed == reviewing) {
                continue;
            }
            boolean agree = reviewed % 5 != 4;
            boolean violating = decision.verdict().equals("violating") == agree;
            try {
                quality.review(sample.id(), new Quality.ReviewRequest(violating ? "violating" : "not_violating",
                        violating ? (decision.category() == null ? "other" : decision.category()) : null,
                        agree ? "Agree with the decision on the evidence." : "Reads differently on the evidence."), qa);
                reviewed++;
            } catch (ForbiddenException needsClearance) {
                // waits for a QA reviewer with the clearance
            }
        }
        return reviewed;
    }

    /**
     * Four weeks of half-hourly arrivals from "before Vigil" for a queue peaking at about {@code peak}
     * per half hour: evenings busier than nights, weekends busier than weekdays, Poisson noise.
     */
    private void importHistory(Random random, long queueId, double peak) {
        long step = VolumeHistory.INTERVAL.toSeconds();
        Instant end = Instant.ofEpochSecond(DatabaseClock.now().getEpochSecond() / step * step);
        int n = 28 * 48;
        Instant start = end.minusSeconds(n * step);
        List<Integer> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(i * step);
            double hour = (at.getEpochSecond() % 86_400) / 3600.0;
            int weekday = at.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
            double daily = 0.55 + 0.45 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
            double weekly = weekday >= 6 ? 1.2 : 1.0;
            counts.add(poisson(random, peak * daily * weekly));
        }
        history.importCounts(new VolumeHistory.Import(queueId, start, counts), DEMO);
    }

    private static int poisson(Random random, double mean) {
        // Knuth's method is fine for the small means of a demo
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private void rule(Actor actor, String name, String condition, Action... actions) {
        rules.create(new Rules.NewRule(name, null, true, condition, List.of(actions)), actor);
    }

    private void user(String name, String email, List<String> roles, Identity.Team team, List<String> skills,
            List<String> languages, List<String> clearances) {
        identity.createUser(new Identity.NewUser(name, email, roles, team.id(), skills, languages, clearances,
                PASSWORD), DEMO);
    }

    private static final String[] LOCALES = {"en-US", "en-GB", "pt-BR", "es-MX", "de-DE", "fr-FR", "ja-JP"};

    /** Reason, weight, sample report text. */
    private static final Object[][] REASONS = {
            {"harassment", 18, "This character keeps insulting me and mocking my appearance."},
            {"sexual_content", 16, "The character's greeting is explicit and it is not marked as mature."},
            {"spam", 14, "Bot posting the same crypto link in every conversation."},
            {"hate", 9, "Character description uses slurs against a religious group."},
            {"self_harm", 8, "The chat encouraged me to stop eating. I am worried about other users."},
            {"impersonation", 7, "This character pretends to be a real streamer and uses her photos."},
            {"graphic_violence", 6, "Greeting image shows a realistic gore scene."},
            {"intellectual_property", 5, "Uses our studio's copyrighted character art without licence."},
            {"privacy", 5, "The character's definition contains my home address and phone number."},
            {"dangerous_activities", 4, "Gives step-by-step instructions for a dangerous 'challenge'."},
            {"violent_extremism", 3, "Character glorifies a designated terrorist organisation."},
            {"child_sexual_exploitation", 2, "Character is described as a minor in a sexual context."},
            {"other", 3, "Something about this character feels wrong, please take a look."},
    };

    private ReportRequest report(Random random, int i) {
        int total = 0;
        for (Object[] r : REASONS) {
            total += (Integer) r[1];
        }
        int pick = random.nextInt(total);
        Object[] reason = REASONS[0];
        for (Object[] r : REASONS) {
            pick -= (Integer) r[1];
            if (pick < 0) {
                reason = r;
                break;
            }
        }
        String code = (String) reason[0];
        // Some subjects are reported many times: a small pool of popular characters.
        boolean popular = random.nextDouble() < 0.35;
        String subjectType = random.nextDouble() < 0.7 ? "character" : "message";
        String subjectId = subjectType.equals("character")
                ? "char_" + (popular ? random.nextInt(12) : 1000 + random.nextInt(5000))
                : "msg_" + (200000 + random.nextInt(90000));
        String source;
        double s = random.nextDouble();
        source = s < 0.62 ? "user" : s < 0.9 ? "classifier" : s < 0.96 ? "rule" : s < 0.99 ? "hash_match" : "employee";
        Map<String, Double> scores = source.equals("user") ? null
                : Map.of(code, Math.round((0.55 + random.nextDouble() * 0.45) * 1000) / 1000.0);
        String text = subjectType.equals("character")
                ? "Character definition #" + i + ": a role-play companion who talks about " + TOPICS[random.nextInt(TOPICS.length)] + "."
                : "Message excerpt #" + i + ": \"" + TOPICS[random.nextInt(TOPICS.length)] + "\"";
        if (i % 97 == 5) {
            text = "<script>alert('xss')</script><img src=x onerror=alert(1)> definition with markup";
        }
        return new ReportRequest(
                new ReportRequest.Subject(subjectType, subjectId, "acct_" + (subjectId.hashCode() & 0xffff),
                        new ReportRequest.Content(text, subjectType.equals("character") && i % 3 == 0
                                ? List.of(mediaBase + "/demo-media/avatar-" + (i / 3) % 4 + ".svg") : List.of()),
                        new ReportRequest.Reach((long) random.nextInt(popular ? 500_000 : 5_000),
                                (long) random.nextInt(popular ? 80_000 : 800))),
                source, code,
                source.equals("user") ? (String) reason[2] : null,
                source.equals("user") ? new ReportRequest.Reporter("u_" + random.nextInt(20_000),
                        LOCALES[random.nextInt(LOCALES.length)]) : null,
                scores,
                DatabaseClock.now().minus(random.nextInt(72 * 60), ChronoUnit.MINUTES),
                null);
    }

    private static final String[] TOPICS = {
            "medieval adventures", "late-night study sessions", "space exploration", "cooking lessons",
            "a detective mystery", "dating advice", "a horror story", "fitness coaching", "an anime rivalry"};

    /** Category, subject, body. */
    private static final String[][] INQUIRIES = {
            {"account", "Can't log in after changing my e-mail", "I changed my e-mail yesterday and now the login link never arrives."},
            {"billing", "Charged twice for my subscription", "My card shows two charges this month for the premium plan."},
            {"bug", "Characters forget the conversation", "Since the last update my characters lose memory after a few messages."},
            {"safety", "Someone is using my photos", "A character uses pictures of me without my permission. Please remove it."},
            {"appeal", "My character was removed by mistake", "My character was removed for sexual content but it is a cooking tutor."},
            {"other", "Feature request: export chats", "I would love to export my conversations as a text file."},
    };
}
