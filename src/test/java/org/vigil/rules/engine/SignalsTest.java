package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void aNewBuilderGivesEmptyStringsEmptyCollectionsAndZeros() {
        Signals signals = Signals.builder().build();

        assertThat(signals.kind()).isEmpty();
        assertThat(signals.scores()).isEmpty();
        assertThat(signals.tags()).isEmpty();
        assertThat(signals.reportCount()).isZero();
        assertThat(signals.priority()).isZero();
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        Map<String, Double> scores = new HashMap<>(Map.of("hate", 0.5));
        List<String> tags = new ArrayList<>(List.of("spam"));

        Signals signals = Signals.builder().scores(scores).tags(tags).build();
        scores.put("spam", 0.9);
        tags.add("vip");

        assertThat(signals.scores()).containsOnlyKeys("hate");
        assertThat(signals.tags()).containsExactly("spam");
        assertThatThrownBy(() -> signals.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aScoreOutsideZeroToOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().score("hate", 1.5).build());
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().score("hate", -0.1).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Signals.builder().score("hate", Double.NaN).build());
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().reportCount(-1).build());
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().followers(-1).build());
    }

    @Test
    void aPriorityOutsideZeroToFourIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().priority(5).build());
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.builder().priority(-1).build());
    }

    @Test
    void aCopyFromTheBuilderEqualsTheOriginal() {
        Signals signals = RealisticRules.cases(1, 7).getFirst();

        assertThat(signals.toBuilder().build()).isEqualTo(signals);
    }
}
