package io.leadline.platform.read;

import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.TextLimits;
import io.leadline.platform.wire.ValidationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Any query string a client sends is either a list query whose every bound value PostgreSQL accepts, or a
 * {@link ValidationException} (a 400); never another exception.
 */
class ListQueryPropertyTest {

    private static final ReadTable TABLE = ReadTable.builder()
            .from("lead l").organizationColumn("l.organization_id").idColumn("l.id").document("l.doc")
            .composed("status_label", "(select s.label from lead_status s where s.id = l.status_id)")
            .filter("id", "l.id", FilterType.STRING)
            .filter("date_created", "l.date_created", FilterType.DATETIME)
            .filter("date_won", "l.date_won", FilterType.DATE)
            .filter("value", "l.value", FilterType.INTEGER)
            .filter("is_done", "l.is_done", FilterType.BOOLEAN)
            .orderBy("date_created", "l.date_created").orderBy("name", "l.name")
            .defaultOrder("-date_created").ownParameters("query").maxLimit(100)
            .build();

    private static final List<String> NAMES = List.of("_skip", "_limit", "_fields", "_order_by", "_cursor", "query",
            "id", "id__in", "date_created__gt", "date_created__lte", "date_won", "date_won__in", "value", "value__gte",
            "is_done", "nope", "value__between", "__in");

    @Test
    void parsesIntoStorableValuesOrRefusesWithA400() {
        qt().withExamples(1000).withShrinkCycles(100).forAll(queries()).checkAssert(ListQueryPropertyTest::parsesOrRefuses);
    }

    private static void parsesOrRefuses(Map<String, List<String>> raw) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        raw.forEach(params::put);
        ListQuery query;
        try {
            query = ListQuery.parse(params, TABLE);
        } catch (ValidationException expected) {
            return;
        }
        assertTrue(query.limit() >= 0 && query.limit() <= TABLE.maxLimit() && query.skip() >= 0);
        SqlParameters parameters = new SqlParameters();
        query.conditions(parameters);
        query.orderBy();
        for (Object value : parameters.values()) {
            assertStorable(value);
        }
    }

    private static void assertStorable(Object value) {
        if (value instanceof Object[] array) {
            for (Object item : array) {
                assertStorable(item);
            }
        } else if (value instanceof String text) {
            assertTrue(TextLimits.unstorable(text) == null, "unstorable filter value");
        } else if (value instanceof OffsetDateTime at) {
            assertTrue(CloseDateTimes.isSupported(at.toInstant()), at::toString);
        } else if (value instanceof LocalDate date) {
            assertTrue(date.getYear() >= 1 && date.getYear() <= 9999, date::toString);
        }
    }

    private static Gen<Map<String, List<String>>> queries() {
        Gen<String> names = Generate.oneOf(Generate.pick(NAMES), strings().allPossible().ofLengthBetween(0, 12));
        Gen<String> troublesome = lists().of(Generate.pick(List.of("\u0000", "\ud800", ",", "-", "1", "a")))
                .ofSizeBetween(0, 8).map(chars -> String.join("", chars));
        Gen<String> values = Generate.oneOf(
                strings().allPossible().ofLengthBetween(0, 30),
                troublesome,
                Generate.pick(List.of("", "0", "-1", "100", "101", "9223372036854775808", "-9223372036854775809", "1e3",
                        "true", "no", "name,-date_created", "-nope", "date_created,,", "+300000-01-01T00:00:00Z",
                        "0000-01-01", "9999-12-31T23:59:59-14:00", "10000-01-01", "2024-02-30", "2024-05-01,+99999-01-01",
                        "2024-05-01", "0001-01-01,9999-12-31")),
                longs().all().map(value -> String.valueOf(value)));
        return maps().of(names, lists().of(values).ofSizeBetween(1, 2)).ofSizeBetween(0, 6);
    }
}
