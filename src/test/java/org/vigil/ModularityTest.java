package org.vigil;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(VigilApplication.class).verify();
    }
}
