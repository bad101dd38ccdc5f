package org.vigil.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far two raters who labelled the same items agree: the share of items given the same label, and
 * Cohen's kappa, that share corrected for the agreement their label frequencies would give by chance
 * (J. Cohen, "A coefficient of agreement for nominal scales", 1960): kappa = (po - pe) / (1 - pe).
 *
 * @param items    how many items both labelled
 * @param observed the share labelled alike (po); null without items
 * @param kappa    Cohen's kappa; null without items, or when chance alone agrees on every item (pe = 1,
 *                 both raters always gave one and the same label), where it is undefined
 */
record Agreement(int items, @Nullable Double observed, @Nullable Double kappa) {

    /** The agreement of {@code first.get(i)} with {@code second.get(i)} over all i. */
    static Agreement of(List<String> first, List<String> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("both raters label the same items");
        }
        int n = first.size();
        if (n == 0) {
            return new Agreement(0, null, null);
        }
        int alike = 0;
        Map<String, Integer> firstCounts = new HashMap<>();
        Map<String, Integer> secondCounts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (Objects.equals(first.get(i), second.get(i))) {
                alike++;
            }
            firstCounts.merge(first.get(i), 1, Integer::sum);
            secondCounts.merge(second.get(i), 1, Integer::sum);
        }
        double observed = (double) alike / n;
        double chance = 0;
        for (Map.Entry<String, Integer> label : firstCounts.entrySet()) {
            chance += (double) label.getValue() / n * secondCounts.getOrDefault(label.getKey(), 0) / n;
        }
        Double kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
        return new Agreement(n, observed, kappa);
    }
}
