package io.leadline.platform.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever a client sends, reading it fails only as a {@link ValidationException} (a 400) and whatever a read answers
 * can be stored: no other exception (a 500) and no string, number or date PostgreSQL would refuse. Inputs are
 * arbitrary unicode (NUL, lone surrogates, huge strings), huge and negative numbers of every JSON kind, extreme
 * dates and deep nesting. QuickTheories generates them and, on a failure, shrinks the input and prints its seed.
 */
class WirePropertyTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper BOUNDED = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(JsonReadLimits.constraints()).build());
    static final List<String> FIELDS = List.of("name", "value", "date", "items", "flag", "custom.cf_a", "when");

    @Test
    void everyReadFailsOnlyAsAFieldErrorAndAnswersStorableValues() {
        qt().withExamples(500).withShrinkCycles(100).forAll(bodies()).checkAssert(json -> {
            try {
                RequestBody body = RequestBody.of(json);
                for (String field : FIELDS) {
                    readEverything(body, field);
                }
                body.throwIfInvalid();
            } catch (ValidationException expected) {
                // a 400 in Close's shape
            }
        });
    }

    @Test
    void anyTextParsesOrFailsAsMalformedJson() {
        qt().withExamples(300).withShrinkCycles(100).forAll(jsonTexts()).checkAssert(text -> {
            JsonNode parsed;
            try {
                parsed = BOUNDED.readTree(text);
            } catch (JsonProcessingException malformed) {
                return; // CloseExceptionMappers answers 400
            }
            try {
                RequestBody body = RequestBody.of(parsed);
                FIELDS.forEach(field -> readEverything(body, field));
            } catch (ValidationException expected) {
                // a 400
            }
        });
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        qt().withExamples(100).withShrinkCycles(100)
                .forAll(integers().between(JsonReadLimits.MAX_NESTING_DEPTH + 1, 20_000), booleans().all())
                .checkAssert((depth, objects) -> {
                    String open = objects ? "{\"a\":" : "[";
                    String close = objects ? "}" : "]";
                    String text = open.repeat(depth) + "1" + close.repeat(depth);
                    try {
                        BOUNDED.readTree(text);
                        throw new AssertionError("nesting " + depth + " deep was accepted");
                    } catch (JsonProcessingException expected) {
                        // StreamConstraintsException: a 400
                    }
                });
    }

    @Test
    void datesParseOnlyInsideYearsOneToNineThousandNineHundredNinetyNine() {
        qt().withExamples(500).withShrinkCycles(100).forAll(dateTexts()).checkAssert(text -> {
            Optional<Instant> instant = CloseDateTimes.parseInstant(text);
            instant.ifPresent(value -> assertTrue(CloseDateTimes.isSupported(value), text));
            Optional<LocalDate> date = CloseDateTimes.parseDate(text);
            date.ifPresent(value -> assertTrue(value.getYear() >= 1 && value.getYear() <= 9999, text));
        });
    }

    @Test
    void datesInsideTheRangeRoundTrip() {
        qt().withExamples(300).withShrinkCycles(100)
                .forAll(integers().between(1, 9999), integers().between(1, 12), integers().between(1, 28))
                .checkAssert((year, month, day) -> {
                    LocalDate date = LocalDate.of(year, month, day);
                    assertTrue(CloseDateTimes.parseDate(date.toString()).isPresent());
                    Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
                    assertTrue(CloseDateTimes.parseInstant(CloseDateTimes.format(start)).orElseThrow().equals(start));
                });
    }

    @Test
    void fieldSelectionsNeverFail() {
        qt().withExamples(300).withShrinkCycles(100).forAll(weirdStrings()).checkAssert(fields -> {
            FieldSelection selection = FieldSelection.parse(fields);
            selection.names().forEach(name -> assertFalse(name.contains(",") || name.isBlank(), name));
        });
    }

    @Test
    void idsAreStorable() {
        qt().withExamples(100).withShrinkCycles(100)
                .forAll(Generate.pick(List.of("lead", "cont", "oppo", "task", "stat", "pipe", "evnt", "req", "user", "orga")))
                .checkAssert(prefix -> {
                    String id = Ids.longId(prefix);
                    assertTrue(id.length() <= RequestBody.ID_LENGTH && TextLimits.unstorable(id) == null, id);
                });
    }

    /** Every read a service makes, with the guarantees each gives when it answers a value. */
    private static void readEverything(RequestBody body, String field) {
        body.has(field);
        body.isNull(field);
        storable(body.string(field), RequestBody.MAX_LENGTH);
        storable(body.string(field, 10), 10);
        storable(body.requiredNonBlank(field), RequestBody.NAME_LENGTH);
        storable(body.requiredString(field, RequestBody.ID_LENGTH), RequestBody.ID_LENGTH);
        body.bool(field);
        Long any = body.integer(field);
        Long bounded = body.integer(field, -1_000, 1_000);
        assertTrue(bounded == null || (bounded >= -1_000 && bounded <= 1_000), String.valueOf(bounded));
        Instant at = body.datetime(field);
        assertTrue(at == null || CloseDateTimes.isSupported(at), String.valueOf(at));
        LocalDate date = body.date(field);
        assertTrue(date == null || (date.getYear() >= 1 && date.getYear() <= 9999), String.valueOf(date));
        storable(body.choice(field, List.of("one", "two")), 3);
        JsonNode value = body.value(field, 50, 5);
        if (value != null) {
            assertTrue(TextLimits.problemIn(value, 50, 5) == null, value::toString);
        }
        ArrayNode array = body.array(field);
        if (array != null) {
            assertTrue(array.size() <= RequestBody.MAX_ITEMS);
            for (int i = 0; i < array.size(); i++) {
                RequestBody nested = body.nested(field, i, array.get(i));
                if (nested != null) {
                    storable(nested.string("name"), RequestBody.MAX_LENGTH);
                    nested.integer("value");
                }
            }
        }
        if (any == null && bounded != null) {
            throw new AssertionError("a bounded integer read accepted what the unbounded one refused");
        }
    }

    private static void storable(String value, int maxLength) {
        if (value != null) {
            assertTrue(value.length() <= maxLength && TextLimits.unstorable(value) == null,
                    () -> "unstorable: " + value.length() + " characters");
        }
    }

    static Gen<JsonNode> bodies() {
        return Generate.oneOf(objects(3), values(3));
    }

    private static Gen<JsonNode> objects(int depth) {
        Gen<String> keys = Generate.oneOf(Generate.pick(FIELDS), weirdStrings());
        Gen<JsonNode> fieldValues = depth == 0 ? leaves() : values(depth - 1);
        return maps().of(keys, fieldValues).ofSizeBetween(0, 8).map(map -> {
            ObjectNode object = NODES.objectNode();
            map.forEach(object::set);
            return (JsonNode) object;
        });
    }

    private static Gen<JsonNode> values(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Gen<List<JsonNode>> items = Generate.oneOf(
                lists().of(values(depth - 1)).ofSizeBetween(0, 6),
                lists().of(leaves()).ofSizeBetween(RequestBody.MAX_ITEMS - 1, RequestBody.MAX_ITEMS + 2));
        Gen<JsonNode> arrays = items.map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        return Generate.frequency(List.of(Pair.of(6, leaves()), Pair.of(2, arrays), Pair.of(2, objects(depth - 1))));
    }

    private static Gen<JsonNode> leaves() {
        return Generate.oneOf(
                weirdStrings().map(text -> (JsonNode) NODES.textNode(text)),
                dateTexts().map(text -> (JsonNode) NODES.textNode(text)),
                numbers(),
                numbers().map(number -> (JsonNode) NODES.textNode(number.asText())),
                Generate.pick(List.<JsonNode>of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
    }

    private static Gen<JsonNode> numbers() {
        Gen<BigInteger> huge = lists().of(integers().between(0, 9)).ofSizeBetween(1, 61)
                .zip(booleans().all(), (digits, negative) -> {
                    BigInteger magnitude = new BigInteger(digits.stream().map(String::valueOf).collect(Collectors.joining()));
                    return negative ? magnitude.negate() : magnitude;
                });
        return Generate.oneOf(
                longs().all().map(value -> (JsonNode) NODES.numberNode(value)),
                huge.map(value -> (JsonNode) NODES.numberNode(value)),
                doubles().any().map(value -> (JsonNode) NODES.numberNode(value)),
                Generate.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e30, -1e30, 1e308,
                        Double.MIN_VALUE, 9.223372036854775807E18)).map(value -> (JsonNode) NODES.numberNode(value)),
                huge.zip(integers().between(-1_000_000_000, 1_000_000_000), BigDecimal::new)
                        .map(value -> (JsonNode) NODES.numberNode(value)));
    }

    static Gen<String> weirdStrings() {
        Gen<String> troublesomeChars = lists().of(Generate.pick(List.of("\u0000", "\ud800", "\udc00", "a", ",", " ",
                "\ud83d", "\ude00"))).ofSizeBetween(0, 12).map(chars -> String.join("", chars));
        return Generate.oneOf(
                strings().allPossible().ofLengthBetween(0, 40),
                troublesomeChars,
                strings().basicLatinAlphabet().ofLengthBetween(RequestBody.MAX_LENGTH - 2, RequestBody.MAX_LENGTH + 2),
                Generate.pick(List.of("x".repeat(RequestBody.LONG_TEXT_LENGTH + 1), "\u0000".repeat(3_000))));
    }

    static Gen<String> dateTexts() {
        Gen<Integer> years = Generate.oneOf(integers().between(-1_000_000, 1_000_000),
                Generate.pick(List.of(0, 1, 9999, 10_000, 294_276, 294_277, -4713, 999_999_999)));
        Gen<String> offsets = Generate.pick(List.of("", "Z", "+00:00", "-14:00", "+14:00", "+18:00", "-18:00"));
        return years.zip(integers().between(0, 13), integers().between(0, 32), booleans().all(), offsets,
                (year, month, day, withTime, offset) -> {
                    String y = year > 9999 || year < 0 ? (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year))
                            : String.format("%04d", year);
                    String datePart = y + "-" + String.format("%02d", month) + "-" + String.format("%02d", day);
                    return withTime ? datePart + "T23:59:59.999999" + offset : datePart;
                });
    }

    static Gen<String> jsonTexts() {
        return Generate.oneOf(
                weirdStrings(),
                bodies().map(JsonNode::toString),
                bodies().map(JsonNode::toString).map(text -> text.substring(0, text.length() / 2)),
                integers().between(1, 4_000).map(n -> "{\"name\": " + "9".repeat(n) + "}"),
                integers().between(1, 400).map(n -> "{\"value\": 1e" + n + "9999}"));
    }
}
