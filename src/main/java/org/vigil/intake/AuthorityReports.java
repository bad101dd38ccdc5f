package org.vigil.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.Decisions;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;

/**
 * Drafts of reports to the authorities for child-safety cases, structured after the NCMEC
 * CyberTipline report (incident summary, the reporting company, the person or user reported, the
 * evidence with its preservation), for a specialist with the {@code child_safety} clearance to check
 * and file through NCMEC's own channel. Vigil never files on its own. Reading a draft shows the
 * evidence, so it is recorded like any look at it.
 */
@Service
public class AuthorityReports {

    public static final String CLEARANCE = "child_safety";

    private final Intake intake;
    private final Cases cases;
    private final Decisions decisions;
    private final Identity identity;
    private final String company;
    private final String service;

    AuthorityReports(Intake intake, Cases cases, Decisions decisions, Identity identity,
            @Value("${vigil.authority-reports.company:Example AI, Inc.}") String company,
            @Value("${vigil.authority-reports.service:AI character chat}") String service) {
        this.intake = intake;
        this.cases = cases;
        this.decisions = decisions;
        this.identity = identity;
        this.company = company;
        this.service = service;
    }

    @Transactional
    public Map<String, Object> draft(long caseId, Actor actor) {
        if (actor.userId() == null || !identity.user(actor.userId()).clearances().contains(CLEARANCE)) {
            throw new ForbiddenException("reports to the authorities are drafted by specialists with the "
                    + CLEARANCE + " clearance");
        }
        CaseView kase = cases.get(caseId, actor);
        if (!"child_sexual_exploitation".equals(kase.reason())
                && (kase.reasons() == null || !kase.reasons().containsKey("child_sexual_exploitation"))) {
            throw new ConflictException(null, "case " + caseId + " is not a child-safety case");
        }
        List<Intake.StoredReport> reports = intake.reports(caseId, 1000, actor);
        List<Decisions.Decision> made = decisions.decisions(caseId, actor);
        Decisions.Decision decision = made.isEmpty() ? null : made.getLast();
        Instant first = reports.stream().map(r -> r.occurredAt() != null ? r.occurredAt() : r.receivedAt())
                .min(Instant::compareTo).orElse(kase.createdAt());

        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("status", "draft");
        draft.put("caseId", caseId);
        draft.put("incidentSummary", Map.of(
                "incidentType", incidentType(decision == null ? null : decision.subReason()),
                "incidentDateTime", first.toString()));
        draft.put("reporter", Map.of("reportingCompany", company,
                "contactPerson", identity.user(actor.userId()).name()));
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("espService", service);
        reported.put("espIdentifier", kase.subject() == null ? null : kase.subject().ownerId());
        reported.put("reportedContent", kase.subject() == null ? null
                : Map.of("type", kase.subject().type(), "id", kase.subject().id()));
        draft.put("personOrUserReported", reported);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Intake.StoredReport r : reports) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reportId", r.id().toString());
            item.put("receivedAt", r.receivedAt().toString());
            item.put("source", r.source());
            item.put("content", r.subject().get("content"));
            evidence.add(item);
        }
        draft.put("evidence", evidence);
        draft.put("preservation", Map.of("legalHoldSince", String.valueOf(kase.legalHoldSince()),
                "note", "Evidence is held unchanged by Vigil; preserve the account's data in the product as well."));
        if (decision != null) {
            draft.put("actionTaken", Map.of("decisionId", decision.id(), "actions", decision.actions(),
                    "decidedAt", decision.createdAt().toString()));
        }
        return draft;
    }

    /** Records that a specialist filed the report, with the authority's reference. */
    @Transactional
    public CaseView filed(long caseId, @Nullable String reference, Actor actor) {
        if (actor.userId() == null || !identity.user(actor.userId()).clearances().contains(CLEARANCE)) {
            throw new ForbiddenException("reports to the authorities are filed by specialists with the "
                    + CLEARANCE + " clearance");
        }
        return cases.recordAuthorityReport(caseId, reference, actor);
    }

    private static String incidentType(@Nullable String subReason) {
        return switch (subReason == null ? "" : subReason) {
            case "grooming", "sextortion", "sexualised_minor_roleplay" -> "Online Enticement of Children for Sexual Acts";
            default -> "Child Pornography (possession, manufacture, and distribution)";
        };
    }
}
