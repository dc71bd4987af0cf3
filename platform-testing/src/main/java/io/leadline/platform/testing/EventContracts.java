package io.leadline.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * A produced event matches its fixture when it has the same keys at every level (custom field keys aside: their
 * names differ per organization), the same JSON type for every value, and every array element shaped like the
 * fixture's. A fixture value of null matches only null; a key that may hold either is listed in its object's
 * {@value #NULLABLE} array, an annotation of the fixture that is not part of the event.
 */
public final class EventContracts {

    /** The fixture key listing, per object, the keys whose value may also be null. */
    public static final String NULLABLE = "$nullable";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventContracts() {
    }

    /** The fixture of {@code type} (e.g. {@code organization.created}) with its annotations, a fresh copy each call. */
    public static JsonNode fixture(String type) {
        try (InputStream in = EventContracts.class.getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no event contract for " + type + " on the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture of {@code type} as a producer would publish it: the annotations removed. */
    public static ObjectNode example(String type) {
        ObjectNode event = (ObjectNode) fixture(type);
        stripAnnotations(event);
        return event;
    }

    private static void stripAnnotations(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(NULLABLE);
        }
        node.forEach(EventContracts::stripAnnotations);
    }

    /** Every difference in shape, as readable paths; empty when the event matches its fixture. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, false, problems);
        return problems;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, boolean nullable,
                                List<String> problems) {
        if (actual.isNull() && (nullable || expected.isNull())) {
            return;
        }
        if (expected.isNull() && !nullable) {
            problems.add(path + ": expected null but was " + actual.getNodeType()
                    + " (list the key in " + NULLABLE + " if it may be either)");
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            problems.add(path + ": expected " + expected.getNodeType() + " but was " + actual.getNodeType()
                    + (actual.isNull() ? " (list the key in " + NULLABLE + " if it may be either)" : ""));
            return;
        }
        if (expected.isObject()) {
            compareObjects(path, expected, actual, problems);
        } else if (expected.isArray()) {
            compareArrays(path, expected, actual, problems);
        }
    }

    private static void compareObjects(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        Set<String> expectedKeys = keys(expected);
        Set<String> actualKeys = keys(actual);
        if (!expectedKeys.equals(actualKeys)) {
            problems.add(path + ": keys " + actualKeys + " instead of " + expectedKeys);
        }
        Set<String> nullable = nullableKeys(path, expected, problems);
        for (String key : expectedKeys) {
            if (actual.has(key)) {
                compare(path + "." + key, expected.get(key), actual.get(key), nullable.contains(key), problems);
            }
        }
    }

    /**
     * Each element against the fixture's element at the same index, or its last one when the event has more: a
     * fixture shows one element of a list of alike objects, or every element of a fixed-shape list.
     */
    private static void compareArrays(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isEmpty() && !actual.isEmpty()) {
            problems.add(path + ": the fixture's list is empty, so the shape of its " + actual.size()
                    + " element(s) is unchecked; add an example element to the fixture");
            return;
        }
        for (int i = 0; i < actual.size(); i++) {
            compare(path + "[" + i + "]", expected.get(Math.min(i, expected.size() - 1)), actual.get(i), false,
                    problems);
        }
    }

    private static Set<String> nullableKeys(String path, JsonNode expected, List<String> problems) {
        Set<String> nullable = new TreeSet<>();
        JsonNode listed = expected.path(NULLABLE);
        listed.forEach(key -> nullable.add(key.asText()));
        nullable.stream().filter(key -> !expected.has(key))
                .forEach(key -> problems.add(path + "." + NULLABLE + ": names " + key + ", which the fixture lacks"));
        return nullable;
    }

    /** Keys without custom fields (whose names differ per organization) and without the fixture's annotations. */
    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(name -> {
            if (!name.startsWith("custom.") && !name.equals(NULLABLE)) {
                keys.add(name);
            }
        });
        return keys;
    }
}
