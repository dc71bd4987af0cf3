package io.leadline.gateway.operator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway refuses to start with an operator token that could be guessed (checked on StartupEvent). */
class OperatorTokenStrengthTest {

    @Test
    void aTokenShorterThan32CharactersStopsTheStartWithASayingMessage() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> OperatorAuthorization.requireStrong("operator-secret-for-tests"));
        assertTrue(refused.getMessage().contains("LEADLINE_GATEWAY_OPERATOR_TOKEN"), refused.getMessage());
        assertTrue(refused.getMessage().contains("32"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> OperatorAuthorization.requireStrong(" ".repeat(40)));
        assertDoesNotThrow(() -> OperatorAuthorization.requireStrong("0123456789abcdef0123456789abcdef"));
    }
}
