package org.vigil.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.Decisions;
import org.vigil.enforcement.Strikes;
import org.vigil.identity.Actor;
import org.vigil.intake.Intake;
import org.vigil.policy.ContentPolicy;
import org.vigil.routing.Queues;
import org.vigil.web.ForbiddenException;

/**
 * Everything a reviewer needs to decide a case, gathered for the review screen: the subject's content
 * snapshot, every report, classifier scores, the account's earlier cases and strikes, the SLA clocks,
 * and what the content policy allows. Reading the evidence is recorded (and needs the clearance).
 */
@Component
class CaseWorkspace {

    static final int MAX_REPORTS = 50;
    static final int MAX_MEDIA = 8;
    static final int MAX_EARLIER = 10;

    private final Cases cases;
    private final Intake intake;
    private final Decisions decisions;
    private final Strikes strikes;
    private final ContentPolicy policy;
    private final Queues queues;
    private final Set<String> mediaOrigins;

    CaseWorkspace(Cases cases, Intake intake, Decisions decisions, Strikes strikes, ContentPolicy policy,
            Queues queues, @Value("${vigil.pages.media-origins:}") String mediaOrigins) {
        this.cases = cases;
        this.intake = intake;
        this.decisions = decisions;
        this.strikes = strikes;
        this.policy = policy;
        this.queues = queues;
        this.mediaOrigins = Set.of(mediaOrigins.strip().isEmpty() ? new String[0] : mediaOrigins.strip().split("\\s+"));
    }

    /**
     * One media item of the subject. The page holds only a placeholder: the browser learns the address
     * when the reviewer reveals the item (recorded), and loads it only from an allowed origin; other
     * items are shown as their address (the Content-Security-Policy would refuse them anyway).
     */
    record Media(UUID reportId, int index, String url, boolean loadable) {
    }

    /** An earlier case of the same account and what was decided on it. */
    record Earlier(CaseView kase, List<Decisions.Decision> decisions) {
    }

    /** The subject as the latest report saw it. */
    record Snapshot(@Nullable String text, List<Media> media) {
    }

    void fill(Model model, CaseView kase, Actor actor) {
        model.addAttribute("kase", kase);
        model.addAttribute("queueName", queueName(kase.queueId()));
        ContentPolicy.Version current = policy.current();
        model.addAttribute("policy", current);
        ContentPolicy.Category reason = kase.reason() == null ? null : current.category(kase.reason());
        model.addAttribute("reasonCategory", reason);
        try {
            List<Intake.StoredReport> reports = intake.reports(kase.id(), MAX_REPORTS, actor);
            model.addAttribute("reports", reports);
            model.addAttribute("snapshot", snapshot(reports));
        } catch (ForbiddenException e) {
            model.addAttribute("evidenceRefused", e.getMessage());
        }
        model.addAttribute("scores", scores(kase.maxScores()));
        model.addAttribute("sla", cases.sla(kase.id(), actor));
        model.addAttribute("decisions", decisions.decisions(kase.id(), actor));
        String account = account(kase);
        if (account != null) {
            List<Earlier> earlier = new ArrayList<>();
            for (CaseView other : cases.ofAccount(account, MAX_EARLIER + 1, actor)) {
                if (other.id() != kase.id() && earlier.size() < MAX_EARLIER) {
                    earlier.add(new Earlier(other, decisions.decisions(other.id(), actor)));
                }
            }
            model.addAttribute("account", account);
            model.addAttribute("earlier", earlier);
            model.addAttribute("standing", strikes.standing(account));
        }
    }

    /** The category a decision form starts with, and what it allows. */
    void fillDecisionChoices(Model model, @Nullable String categoryCode) {
        ContentPolicy.Version current = policy.current();
        ContentPolicy.Category category = categoryCode == null ? null : current.category(categoryCode);
        model.addAttribute("category", category);
        model.addAttribute("allowedActions", category == null || category.allowedActions() == null ? List.of()
                : category.allowedActions().stream().filter(a -> !a.equals("escalate")).toList());
        model.addAttribute("subReasons", category == null || category.subReasons() == null ? List.of()
                : category.subReasons());
    }

    String queueName(long queueId) {
        return queues.list().stream().filter(q -> q.id() == queueId).map(Queues.Queue::name).findFirst()
                .orElse("queue " + queueId);
    }

    /** The account a case is about: the subject's owner, or the subject itself when it is a user. */
    static @Nullable String account(CaseView kase) {
        if (kase.subject() == null) {
            return null;
        }
        if (kase.subject().ownerId() != null) {
            return kase.subject().ownerId();
        }
        return kase.subject().type().equals("user") ? kase.subject().id() : null;
    }

    private Snapshot snapshot(List<Intake.StoredReport> reports) {
        String text = null;
        Map<String, Media> media = new LinkedHashMap<>();
        for (Intake.StoredReport report : reports.reversed()) {
            if (!(report.subject().get("content") instanceof Map<?, ?> content)) {
                continue;
            }
            if (text == null && content.get("text") instanceof String t) {
                text = t;
            }
            if (content.get("mediaUrls") instanceof List<?> urls) {
                for (int i = 0; i < urls.size() && media.size() < MAX_MEDIA; i++) {
                    String url = String.valueOf(urls.get(i));
                    media.putIfAbsent(url, new Media(report.id(), i, url, loadable(url)));
                }
            }
        }
        return new Snapshot(text, List.copyOf(media.values()));
    }

    boolean loadable(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            // Vigil's own origin is allowed by the Content-Security-Policy as 'self', but only its static demo
            // media: a report must never make a reviewer's browser request Vigil's pages as them.
            String self = ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
            return mediaOrigins.contains(origin)
                    || origin.equals(self) && uri.getPath() != null && uri.getPath().startsWith("/demo-media/")
                    && !uri.getPath().contains("..") && uri.getQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A classifier score as a bar of 120 pixels; 0.8 and above is drawn as hot. */
    record Score(String category, double value) {

        public long width() {
            return Math.round(Math.max(0, Math.min(1, value)) * 120);
        }

        public boolean hot() {
            return value >= 0.8;
        }

        public String percent() {
            return Math.round(value * 100) + "%";
        }
    }

    private static List<Score> scores(Map<String, Double> scores) {
        return scores.entrySet().stream().map(e -> new Score(e.getKey(), e.getValue()))
                .sorted((a, b) -> Double.compare(b.value(), a.value())).toList();
    }
}
