package io.leadline.gateway;

import io.leadline.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, held for this service. */
class ArchitectureTest {

    @Test
    void followsTheLayeringRules() {
        // no package cycle is left in the gateway, so none is frozen: any new one fails outright
        ArchitectureRules.checkCycleFreeService("io.leadline.gateway");
    }
}
