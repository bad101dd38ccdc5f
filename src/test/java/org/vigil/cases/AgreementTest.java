package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa against the worked examples of the Wikipedia article "Cohen's kappa". */
class AgreementTest {

    /** Two raters' labels from a 2×2 table: both yes, first yes and second no, first no and second yes, both no. */
    private static Agreement table(int yesYes, int yesNo, int noYes, int noNo) {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        add(first, second, "yes", "yes", yesYes);
        add(first, second, "yes", "no", yesNo);
        add(first, second, "no", "yes", noYes);
        add(first, second, "no", "no", noNo);
        return Agreement.of(first, second);
    }

    private static void add(List<String> first, List<String> second, String a, String b, int times) {
        for (int i = 0; i < times; i++) {
            first.add(a);
            second.add(b);
        }
    }

    @Test
    void fiftyGrantProposalsReadByTwoReaders() {
        // po = 0.7, pe = 0.5, kappa = 0.4
        Agreement agreement = table(20, 5, 10, 15);
        assertThat(agreement.items()).isEqualTo(50);
        assertThat(agreement.observed()).isCloseTo(0.7, within(1e-12));
        assertThat(agreement.kappa()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void theSameObservedAgreementGivesDifferentKappasForDifferentMarginals() {
        // both tables agree on 60 of 100 items; kappa 0.1304 and 0.2593 as the article gives them
        assertThat(table(45, 15, 25, 15).kappa()).isCloseTo(0.1304, within(5e-5));
        assertThat(table(25, 35, 5, 35).kappa()).isCloseTo(0.2593, within(5e-5));
    }

    @Test
    void kappaIsUndefinedWhenChanceAloneAgreesOnEverything() {
        Agreement alwaysYes = table(10, 0, 0, 0);
        assertThat(alwaysYes.observed()).isEqualTo(1.0);
        assertThat(alwaysYes.kappa()).isNull();
        assertThat(Agreement.of(List.of(), List.of())).isEqualTo(new Agreement(0, null, null));
        assertThat(table(0, 10, 10, 0).kappa()).as("always disagreeing").isCloseTo(-1.0, within(1e-12));
    }
}
