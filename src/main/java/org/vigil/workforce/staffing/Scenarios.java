package org.vigil.workforce.staffing;

import java.util.ArrayList;
import java.util.List;

/**
 * What-if analysis: a baseline plan and variants of it side by side — volume and handling time
 * changed by a percentage, another service-level target, a share of the paid hours moved to a vendor
 * — each answered with agents, cost and the service it buys.
 *
 * <p>A variant either staffs itself to its targets (the default: "what would it take?") or keeps the
 * baseline's agents per interval ({@code keepBaselineStaffing}: "what happens if we change nothing?").
 * Cost is the plan's scheduled agent-hours priced at the in-house rate, except the {@code vendorShare}
 * of them priced at the vendor rate; the queue is modelled as one pool whoever staffs it.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** Hourly rates of paid agent time. */
    public record Rates(double inHousePerHour, double vendorPerHour) {

        public Rates {
            if (!(inHousePerHour >= 0) || !(vendorPerHour >= 0) || Double.isInfinite(inHousePerHour)
                    || Double.isInfinite(vendorPerHour)) {
                throw new IllegalArgumentException("rates must be finite numbers >= 0");
            }
        }
    }

    /**
     * A change to the baseline. Percentages change the baseline's figure by that much ({@code 20} is
     * 20 % more, {@code -10} 10 % less); a null target keeps the baseline's.
     */
    public record Variant(String name, double volumeChangePercent, double ahtChangePercent,
            Double targetServiceLevel, Double targetSeconds, double vendorShare, boolean keepBaselineStaffing) {

        public Variant {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            if (!(volumeChangePercent >= -100 && volumeChangePercent <= 1000)) {
                throw new IllegalArgumentException("volumeChangePercent must be between -100 and 1000");
            }
            if (!(ahtChangePercent > -100 && ahtChangePercent <= 1000)) {
                throw new IllegalArgumentException("ahtChangePercent must be above -100 and at most 1000");
            }
            if (!(vendorShare >= 0 && vendorShare <= 1)) {
                throw new IllegalArgumentException("vendorShare must be in [0, 1]");
            }
        }

        /** The baseline itself, all paid hours in-house. */
        public static Variant baseline() {
            return new Variant("baseline", 0, 0, null, null, 0, false);
        }
    }

    /** One scenario's answer, with its differences from the baseline. */
    public record Outcome(String name, IntervalPlan plan, double cost, double inHouseCost, double vendorCost,
            double agentHoursChange, double costChange, double serviceLevelChange) {
    }

    /**
     * Answers the baseline (first, with the given vendor share of its hours) and every variant.
     *
     * @param base         the queue's settings (its arrivals and agents are ignored)
     * @param arrivals     expected arrivals per interval
     * @param baselineVendorShare share of the baseline's paid hours staffed by the vendor
     */
    public static List<Outcome> compare(StaffingRequest base, double[] arrivals, Rates rates,
            double baselineVendorShare, List<Variant> variants) {
        if (!(baselineVendorShare >= 0 && baselineVendorShare <= 1)) {
            throw new IllegalArgumentException("baselineVendorShare must be in [0, 1]");
        }
        IntervalPlan baseline = IntervalPlan.of(base, arrivals, null);
        List<Outcome> outcomes = new ArrayList<>();
        Outcome first = outcome("baseline", baseline, rates, baselineVendorShare, null);
        outcomes.add(first);
        for (Variant variant : variants) {
            double[] changed = new double[arrivals.length];
            for (int i = 0; i < arrivals.length; i++) {
                changed[i] = arrivals[i] * (1 + variant.volumeChangePercent() / 100);
            }
            StaffingRequest request = new StaffingRequest(base.model(), 0, base.intervalMinutes(),
                    base.ahtSeconds() * (1 + variant.ahtChangePercent() / 100),
                    variant.targetServiceLevel() != null ? variant.targetServiceLevel() : base.targetServiceLevel(),
                    variant.targetSeconds() != null ? variant.targetSeconds() : base.targetSeconds(),
                    base.patienceSeconds(), base.maxOccupancy(), base.maxAbandonment(), base.shrinkage(), null);
            IntervalPlan plan = IntervalPlan.of(request, changed, variant.keepBaselineStaffing() ? baseline.agents() : null);
            outcomes.add(outcome(variant.name(), plan, rates, variant.vendorShare(), first));
        }
        return outcomes;
    }

    private static Outcome outcome(String name, IntervalPlan plan, Rates rates, double vendorShare, Outcome baseline) {
        double vendorHours = plan.agentHours() * vendorShare;
        double inHouseHours = plan.agentHours() - vendorHours;
        double inHouse = inHouseHours * rates.inHousePerHour();
        double vendor = vendorHours * rates.vendorPerHour();
        double cost = inHouse + vendor;
        if (baseline == null) {
            return new Outcome(name, plan, cost, inHouse, vendor, 0, 0, 0);
        }
        return new Outcome(name, plan, cost, inHouse, vendor, plan.agentHours() - baseline.plan().agentHours(),
                cost - baseline.cost(), plan.serviceLevel() - baseline.plan().serviceLevel());
    }
}
