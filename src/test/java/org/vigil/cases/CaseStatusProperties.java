package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CaseStatusProperties {

    @Property
    void noStatusLeadsToItselfAndClosedLeadsNowhere(@ForAll CaseStatus from) {
        assertThat(from.canBecome(from)).isFalse();
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(from.whyNot(from)).contains("already");
    }

    @Property
    void onlySolvedCasesCanBeClosed(@ForAll CaseStatus from) {
        assertThat(from.canBecome(CaseStatus.CLOSED)).isEqualTo(from == CaseStatus.SOLVED);
    }

    @Property
    void everyStatusButClosedCanReachClosed(@ForAll CaseStatus from) {
        boolean reaches = from == CaseStatus.CLOSED || from.canBecome(CaseStatus.SOLVED) || from == CaseStatus.SOLVED;
        assertThat(reaches).isTrue();
    }

    @Property
    void nothingReturnsToNew(@ForAll CaseStatus from) {
        assertThat(from.canBecome(CaseStatus.NEW)).isFalse();
    }
}
