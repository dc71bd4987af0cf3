package io.leadline.platform.id;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void longIdsHaveClosesShape() {
        String id = Ids.longId("lead");
        assertTrue(Ids.looksLike(id, "lead", 43), id);
    }

    @Test
    void shortIdsHaveClosesShape() {
        String id = Ids.shortId("ev");
        assertTrue(Ids.looksLike(id, "ev", 22), id);
    }

    @Test
    void idsCreatedLaterSortAfterEarlierOnes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Ids.longId("lead"));
            // the next id must come from a later millisecond, so its time component differs
            long issuedAt = System.currentTimeMillis();
            Awaitility.await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > issuedAt);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(String::compareTo);
        assertEquals(ids, sorted);
    }

    @Test
    void idsDoNotRepeat() {
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Ids.shortId("req")));
        }
    }

    @Test
    void rejectsWrongPrefixOrLength() {
        assertFalse(Ids.looksLike("cont_abc", "lead", 43));
        assertFalse(Ids.looksLike(Ids.longId("lead") + "x", "lead", 43));
        assertFalse(Ids.looksLike(null, "lead", 43));
    }
}
