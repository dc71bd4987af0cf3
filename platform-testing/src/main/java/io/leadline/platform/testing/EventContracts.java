package io.leadline.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event contracts between services: one JSON fixture per event type under {@code events/<type>.json}, owned by
 * the producer (its {@code src/test/resources/events/}, published as its {@code event-contracts} artifact) and loaded
 * from the classpath by the producer's tests, to check what it publishes, and by consumers' tests, to feed them.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** The fixture of {@code type} (e.g. {@code organization.created}), a fresh copy each call. */
    public static JsonNode fixture(String type) {
        try (InputStream in = EventContracts.class.getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no event contract for " + type + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every difference in shape between the fixture and a produced event, as readable paths; empty when they match.
     * Shape means: the same keys at every level (custom field keys aside, their names differ per organization) and
     * the same JSON type at every path, null included, so a fixture must show a field as the producer sends it in the
     * situation the test creates. Every element of a produced array must match the fixture's first element.
     */
    public static List<String> differences(JsonNode fixture, JsonNode produced) {
        List<String> problems = new ArrayList<>();
        compare("$", fixture, produced, problems);
        return problems;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
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
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), problems);
            }
        }
    }

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
