package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void tellsNotSentFromClearedFromSet() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree("{\"description\": null, \"name\": \"Acme\"}"));
        Patch<String> url = Patch.read(body, "url", body.string("url"));
        Patch<String> description = Patch.read(body, "description", body.string("description"));
        Patch<String> name = Patch.read(body, "name", body.string("name"));

        assertFalse(url.isPresent());
        assertTrue(description.isPresent());
        assertNull(description.value());
        assertTrue(name.isPresent());
        assertEquals("Acme", name.value());
    }

    @Test
    void ifPresentRunsForClearedAndSetFieldsOnly() {
        List<String> seen = new ArrayList<>();
        Patch.<String>absent().ifPresent(seen::add);
        Patch.<String>of(null).ifPresent(seen::add);
        Patch.of("Acme").ifPresent(seen::add);
        assertEquals(java.util.Arrays.asList(null, "Acme"), seen);
    }

    @Test
    void orElseFillsInOnlyWhenNotSent() {
        assertEquals("default", Patch.<String>absent().orElse("default"));
        assertNull(Patch.<String>of(null).orElse("default"));
        assertEquals("Acme", Patch.of("Acme").orElse("default"));
    }

    @Test
    void patchesWithTheSameStateAreEqual() {
        assertEquals(Patch.of("Acme"), Patch.of("Acme"));
        assertEquals(Patch.absent(), Patch.absent());
        assertFalse(Patch.absent().equals(Patch.of(null)));
    }
}
