package io.leadline.gateway;

import io.leadline.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, held for this service. */
class ArchitectureTest {

    @Test
    void followsTheLayeringRules() {
        ArchitectureRules.checkService("io.leadline.gateway");
    }
}
