package io.leadline.platform.wire;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseDateTimesTest {

    @Test
    void formatsWithMicrosecondsAndAnOffset() {
        assertEquals("2024-05-01T10:00:00.123456+00:00",
                CloseDateTimes.format(Instant.parse("2024-05-01T10:00:00.123456Z")));
        assertEquals("2024-05-01T10:00:00.000000+00:00", CloseDateTimes.format(Instant.parse("2024-05-01T10:00:00Z")));
    }

    @Test
    void parsesWhatClientsSend() {
        Instant expected = Instant.parse("2019-01-15T12:48:23.395Z");
        assertEquals(expected, CloseDateTimes.parseInstant("2019-01-15T12:48:23.395000+00:00").orElseThrow());
        assertEquals(expected, CloseDateTimes.parseInstant("2019-01-15T12:48:23.395000").orElseThrow());
        assertEquals(Instant.parse("2019-01-15T00:00:00Z"), CloseDateTimes.parseInstant("2019-01-15").orElseThrow());
        assertTrue(CloseDateTimes.parseInstant("tomorrow").isEmpty());
    }
}
