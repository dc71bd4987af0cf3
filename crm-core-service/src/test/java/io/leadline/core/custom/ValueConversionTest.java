package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/** How one stored value converts to a field's new type (what the background conversion applies to every object). */
class ValueConversionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void textBecomesANumberWhenItIsOne() {
        assertEquals(12L, convert(JSON.textNode("12"), CustomFieldType.NUMBER).value());
        assertEquals(7.5, convert(JSON.textNode(" 7.50 "), CustomFieldType.NUMBER).value());
        ValueConversion.Converted word = convert(JSON.textNode("many"), CustomFieldType.NUMBER);
        assertNull(word.value());
        assertEquals(List.of(JSON.textNode("many")), word.failed());
    }

    @Test
    void datesAndDatetimesBridge() {
        assertEquals("2024-05-01T00:00:00+00:00", convert(JSON.textNode("2024-05-01"), CustomFieldType.DATETIME).value());
        assertEquals("2024-05-01", convert(JSON.textNode("2024-05-01T23:30:00-08:00"), CustomFieldType.DATE).value());
        assertEquals("2024-05-01", convert(JSON.textNode("2024-05-01"), CustomFieldType.DATE).value());
        assertFalse(convert(JSON.textNode("soon"), CustomFieldType.DATE).failed().isEmpty());
    }

    @Test
    void choicesKeepOnlyTheirChoicesAndASingleValueItsFirstItem() {
        JsonNode list = MAPPER.valueToTree(List.of("B", "Z", "A"));
        ValueConversion.Converted multiple = ValueConversion.convert(list, CustomFieldType.CHOICES, true, List.of("A", "B"));
        assertEquals(List.of("B", "A"), multiple.value());
        assertEquals(List.of(JSON.textNode("Z")), multiple.failed());
        ValueConversion.Converted single = ValueConversion.convert(list, CustomFieldType.CHOICES, false, List.of("A", "B"));
        assertEquals("B", single.value());
        assertEquals(List.of(JSON.textNode("Z"), JSON.textNode("A")), single.failed());
    }

    @Test
    void referencesNeitherConvertNorAreConvertedTo() {
        assertFalse(ValueConversion.convertible(CustomFieldType.CONTACT, CustomFieldType.TEXT));
        assertFalse(ValueConversion.convertible(CustomFieldType.TEXT, CustomFieldType.CUSTOM_OBJECT));
        assertTrue(ValueConversion.convertible(CustomFieldType.USER, CustomFieldType.TEXT));
        assertFalse(ValueConversion.needsConversion(CustomFieldType.TEXT, CustomFieldType.HIDDEN));
        assertTrue(ValueConversion.needsConversion(CustomFieldType.TEXT, CustomFieldType.NUMBER));
    }

    /** A converted value converts to itself with nothing failing: values written during a conversion stay as they are. */
    @Test
    void conversionIsIdempotent() {
        List<CustomFieldType> targets = List.of(CustomFieldType.TEXT, CustomFieldType.NUMBER, CustomFieldType.DATE,
                CustomFieldType.DATETIME);
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12), integers().between(0, 3))
                .checkAssert((text, target) -> assertIdempotent(JSON.textNode(text), targets.get(target)));
        qt().forAll(doubles().between(-1e9, 1e9), integers().between(0, 3))
                .checkAssert((number, target) -> assertIdempotent(JSON.numberNode(number), targets.get(target)));
        qt().forAll(integers().between(1, 9999), integers().between(1, 12), integers().between(1, 28),
                        integers().between(0, 3))
                .checkAssert((year, month, day, target) -> assertIdempotent(
                        JSON.textNode(String.format("%04d-%02d-%02d", year, month, day)), targets.get(target)));
    }

    private static void assertIdempotent(JsonNode stored, CustomFieldType target) {
        ValueConversion.Converted once = convert(stored, target);
        if (once.value() == null) {
            return;
        }
        ValueConversion.Converted twice = convert(MAPPER.valueToTree(once.value()), target);
        assertEquals(once.value(), twice.value(), () -> stored + " → " + target);
        assertTrue(twice.failed().isEmpty(), () -> stored + " → " + target);
    }

    private static ValueConversion.Converted convert(JsonNode stored, CustomFieldType to) {
        return ValueConversion.convert(stored, to, false, List.of());
    }
}
