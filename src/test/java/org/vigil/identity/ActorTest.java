package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void theUserAnAuditReferenceNamesIsReadBackOnlyFromUserReferences() {
        Actor agent = new Actor("user:12", 3, 12L, 1L, false, java.util.Set.of(Role.AGENT), java.util.Set.of());
        assertThat(Actor.userOf(agent.ref())).isEqualTo(12L);
        assertThat(Actor.userOf("key:3")).isNull();
        assertThat(Actor.userOf("system")).isNull();
        assertThat(Actor.userOf(null)).isNull();
        assertThat(Actor.userOf("user:")).isNull();
        assertThat(Actor.userOf("user:12x")).isNull();
        assertThat(Actor.userOf("user:99999999999999999999")).isNull();
    }
}
