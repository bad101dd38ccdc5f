package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random plans covering every feature: 1–4 queues with random priorities, forecasts (including empty
 * intervals), handling distributions, finite or infinite patience and targets; 1–3 groups with random skill
 * sets (every queue covered) and schedules with zero, falling and rising headcounts.
 */
final class RandomPlans {

    private RandomPlans() {
    }

    static SimulationPlan next(SplittableRandom random) {
        int intervals = 1 + random.nextInt(16);
        double intervalSeconds = 300 + random.nextInt(3300);
        int queueCount = 1 + random.nextInt(4);
        List<QueueSpec> queues = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            List<Double> expected = new ArrayList<>();
            double level = random.nextDouble() * 150;
            for (int i = 0; i < intervals; i++) {
                expected.add(random.nextInt(5) == 0 ? 0.0 : level * random.nextDouble());
            }
            double mean = 20 + random.nextDouble() * 600;
            HandleTime handleTime = switch (random.nextInt(3)) {
                case 0 -> HandleTime.exponential(mean);
                case 1 -> HandleTime.lognormal(mean, random.nextDouble() * 2);
                default -> HandleTime.deterministic(mean);
            };
            Patience patience = random.nextBoolean() ? Patience.INFINITE
                    : Patience.exponential(5 + random.nextDouble() * 900);
            queues.add(new QueueSpec("q" + q, random.nextInt(3), expected, random.nextInt(4) * 30.0, handleTime,
                    patience));
        }
        int groupCount = 1 + random.nextInt(3);
        List<Set<String>> skills = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            skills.add(new HashSet<>());
        }
        for (int q = 0; q < queueCount; q++) {
            skills.get(random.nextInt(groupCount)).add("q" + q);
            for (int g = 0; g < groupCount; g++) {
                if (random.nextInt(3) == 0) {
                    skills.get(g).add("q" + q);
                }
            }
        }
        List<AgentGroup> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            if (skills.get(g).isEmpty()) {
                skills.get(g).add("q" + random.nextInt(queueCount));
            }
            List<Integer> headcount = new ArrayList<>();
            int peak = random.nextInt(30);
            for (int i = 0; i < intervals; i++) {
                headcount.add(random.nextInt(4) == 0 ? 0 : random.nextInt(peak + 1));
            }
            groups.add(new AgentGroup("g" + g, skills.get(g), headcount));
        }
        return new SimulationPlan(intervalSeconds, queues, groups);
    }
}
