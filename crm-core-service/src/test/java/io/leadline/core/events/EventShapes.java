package io.leadline.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a produced event with its fixture under {@code src/test/resources/events/}: the same keys at every level
 * and the same JSON types wherever both sides hold a value. The fixtures are the contract with consumers.
 */
final class EventShapes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventShapes() {
    }

    static JsonNode fixture(String type) {
        try (InputStream in = EventShapes.class.getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture for " + type);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every difference in shape, as readable paths; empty when the event matches its fixture. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, problems);
        return problems;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isNull() || actual.isNull()) {
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            problems.add(path + ": expected " + expected.getNodeType() + " but was " + actual.getNodeType());
            return;
        }
        if (expected.isObject()) {
            Set<String> expectedKeys = keys(expected);
            Set<String> actualKeys = keys(actual);
            if (!expectedKeys.equals(actualKeys)) {
                problems.add(path + ": keys " + actualKeys + " instead of " + expectedKeys);
            }
            for (String key : expectedKeys) {
                if (actual.has(key)) {
                    compare(path + "." + key, expected.get(key), actual.get(key), problems);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            compare(path + "[0]", expected.get(0), actual.get(0), problems);
        }
    }

    /** Keys without custom fields, whose names differ per organization. */
    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(name -> {
            if (!name.startsWith("custom.")) {
                keys.add(name);
            }
        });
        return keys;
    }
}
