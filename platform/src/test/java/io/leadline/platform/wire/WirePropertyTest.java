package io.leadline.platform.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a client sends, reading it fails only as a {@link ValidationException} (a 400) and whatever a read answers
 * can be stored: no other exception (a 500) and no string, number or date PostgreSQL would refuse. Inputs are
 * arbitrary unicode (NUL, lone surrogates, huge strings), huge and negative numbers of every JSON kind, extreme
 * dates and deep nesting.
 */
class WirePropertyTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper BOUNDED = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(JsonReadLimits.constraints()).build());
    static final List<String> FIELDS = List.of("name", "value", "date", "items", "flag", "custom.cf_a", "when");

    @Property(tries = 500)
    void everyReadFailsOnlyAsAFieldErrorAndAnswersStorableValues(@ForAll("bodies") JsonNode json) {
        try {
            RequestBody body = RequestBody.of(json);
            for (String field : FIELDS) {
                readEverything(body, field);
            }
            body.throwIfInvalid();
        } catch (ValidationException expected) {
            // a 400 in Close's shape
        }
    }

    @Property(tries = 300)
    void anyTextParsesOrFailsAsMalformedJson(@ForAll("jsonTexts") String text) {
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
    }

    @Property(tries = 100)
    void deepNestingIsRefusedByTheParser(@ForAll @IntRange(min = JsonReadLimits.MAX_NESTING_DEPTH + 1, max = 20_000) int depth,
                                         @ForAll boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String text = open.repeat(depth) + "1" + close.repeat(depth);
        try {
            BOUNDED.readTree(text);
            throw new AssertionError("nesting " + depth + " deep was accepted");
        } catch (JsonProcessingException expected) {
            // StreamConstraintsException: a 400
        }
    }

    @Property(tries = 500)
    void datesParseOnlyInsideYearsOneToNineThousandNineHundredNinetyNine(@ForAll("dateTexts") String text) {
        Optional<Instant> instant = CloseDateTimes.parseInstant(text);
        instant.ifPresent(value -> assertTrue(CloseDateTimes.isSupported(value), text));
        Optional<LocalDate> date = CloseDateTimes.parseDate(text);
        date.ifPresent(value -> assertTrue(value.getYear() >= 1 && value.getYear() <= 9999, text));
    }

    @Property(tries = 300)
    void datesInsideTheRangeRoundTrip(@ForAll @IntRange(min = 1, max = 9999) int year,
                                      @ForAll @IntRange(min = 1, max = 12) int month,
                                      @ForAll @IntRange(min = 1, max = 28) int day) {
        LocalDate date = LocalDate.of(year, month, day);
        assertTrue(CloseDateTimes.parseDate(date.toString()).isPresent());
        Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        assertTrue(CloseDateTimes.parseInstant(CloseDateTimes.format(start)).orElseThrow().equals(start));
    }

    @Property(tries = 300)
    void fieldSelectionsNeverFail(@ForAll("weirdStrings") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        selection.names().forEach(name -> assertFalse(name.contains(",") || name.isBlank(), name));
    }

    @Property(tries = 100)
    void idsAreStorable(@ForAll("prefixes") String prefix) {
        String id = Ids.longId(prefix);
        assertTrue(id.length() <= RequestBody.ID_LENGTH && TextLimits.unstorable(id) == null, id);
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

    @Provide
    Arbitrary<JsonNode> bodies() {
        return Arbitraries.oneOf(objects(3), values(3));
    }

    private Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), weirdStrings());
        Arbitrary<JsonNode> fieldValues = depth == 0 ? leaves() : values(depth - 1);
        return Arbitraries.maps(keys, fieldValues).ofMaxSize(8).map(map -> {
            ObjectNode object = NODES.objectNode();
            map.forEach(object::set);
            return object;
        });
    }

    private Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<JsonNode> arrays = Arbitraries.oneOf(
                        values(depth - 1).list().ofMaxSize(6),
                        leaves().list().ofMinSize(RequestBody.MAX_ITEMS - 1).ofMaxSize(RequestBody.MAX_ITEMS + 2))
                .map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(array::add);
                    return array;
                });
        return Arbitraries.frequencyOf(
                Tuple(6, leaves()),
                Tuple(2, arrays),
                Tuple(2, objects(depth - 1)));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends JsonNode>> Tuple(int weight,
                                                                                          Arbitrary<? extends JsonNode> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    private Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                weirdStrings().map(NODES::textNode),
                dateTexts().map(NODES::textNode),
                numbers(),
                numbers().map(JsonNode::asText).map(NODES::textNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private Arbitrary<JsonNode> numbers() {
        BigInteger huge = BigInteger.TEN.pow(60);
        return Arbitraries.oneOf(
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(huge.negate(), huge).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e30, -1e30, 1e308,
                        Double.MIN_VALUE, 9.223372036854775807E18).map(NODES::numberNode),
                Combinators.combine(Arbitraries.bigIntegers().between(huge.negate(), huge),
                                Arbitraries.integers().between(-1_000_000_000, 1_000_000_000))
                        .as(BigDecimal::new).map(NODES::numberNode));
    }

    @Provide
    Arbitrary<String> weirdStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('\u0000', '\ud800', '\udc00', 'a', ',', ' ', '\ud83d', '\ude00')
                        .ofMaxLength(12),
                Arbitraries.strings().alpha().ofMinLength(RequestBody.MAX_LENGTH - 2).ofMaxLength(RequestBody.MAX_LENGTH + 2),
                Arbitraries.of("x".repeat(RequestBody.LONG_TEXT_LENGTH + 1), "\u0000".repeat(3_000)));
    }

    @Provide
    Arbitrary<String> dateTexts() {
        Arbitrary<Integer> years = Arbitraries.oneOf(Arbitraries.integers().between(-1_000_000, 1_000_000),
                Arbitraries.of(0, 1, 9999, 10_000, 294_276, 294_277, -4713, 999_999_999));
        Arbitrary<String> offsets = Arbitraries.of("", "Z", "+00:00", "-14:00", "+14:00", "+18:00", "-18:00");
        return Combinators.combine(years, Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
                        Arbitraries.of(true, false), offsets)
                .as((year, month, day, withTime, offset) -> {
                    String y = year > 9999 || year < 0 ? (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year))
                            : String.format("%04d", year);
                    String datePart = y + "-" + String.format("%02d", month) + "-" + String.format("%02d", day);
                    return withTime ? datePart + "T23:59:59.999999" + offset : datePart;
                });
    }

    @Provide
    Arbitrary<String> jsonTexts() {
        return Arbitraries.oneOf(
                weirdStrings(),
                bodies().map(JsonNode::toString),
                bodies().map(JsonNode::toString).map(text -> text.substring(0, text.length() / 2)),
                Arbitraries.integers().between(1, 4_000).map(n -> "{\"name\": " + "9".repeat(n) + "}"),
                Arbitraries.integers().between(1, 400).map(n -> "{\"value\": 1e" + n + "9999}"));
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("lead", "cont", "oppo", "task", "stat", "pipe", "evnt", "req", "user", "orga");
    }
}
