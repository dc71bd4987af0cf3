package io.leadline.platform.wire;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListQueryTest {

    private static final ListSpec LEADS = ListSpec.builder()
            .maxLimit(100)
            .filter("status_id", "statusId", FilterType.STRING)
            .filter("date_created", "dateCreated", FilterType.DATETIME)
            .orderBy("date_created", "dateCreated")
            .orderBy("name", "name")
            .defaultOrder("-date_created")
            .ownParameters("query")
            .build();

    @Test
    void defaultsToCloseDefaults() {
        ListQuery query = ListQuery.parse(params(), LEADS);
        assertEquals(0, query.skip());
        assertEquals(100, query.limit());
        assertTrue(query.fields().isAll());
        assertEquals(" order by dateCreated desc, id desc", query.hqlOrderBy());
        assertEquals("", query.hqlConditions());
    }

    @Test
    void limitAboveTheMaximumIsA400NamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> ListQuery.parse(params("_limit", "101"), LEADS));
        assertTrue(e.fieldErrors().containsKey("_limit"));
    }

    @Test
    void negativeOrTextualPagingIsA400() {
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_skip", "-1"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_limit", "ten"), LEADS));
    }

    @Test
    void filtersBecomeTypedHqlConditions() {
        ListQuery query = ListQuery.parse(params("status_id__in", "stat_a,stat_b", "date_created__gte", "2024-05-01"), LEADS);
        assertEquals(" and dateCreated >= :f0 and statusId in (:f1)", query.hqlConditions());
        Map<String, Object> values = query.hqlParameters();
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), values.get("f0"));
        assertEquals(List.of("stat_a", "stat_b"), values.get("f1"));
    }

    @Test
    void unknownFilterOrBadValueIsA400InsteadOfReturningEverything() {
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("colour", "red"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("date_created__gt", "yesterday"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_bogus", "1"), LEADS));
    }

    @Test
    void parametersTheResourceHandlesAreNotFilters() {
        ListQuery query = ListQuery.parse(params("query", "name:acme"), LEADS);
        assertEquals("", query.hqlConditions());
    }

    @Test
    void orderByAcceptsAscendingAndDescendingKnownFieldsOnly() {
        assertEquals(" order by name asc, id asc", ListQuery.parse(params("_order_by", "name"), LEADS).hqlOrderBy());
        assertEquals(" order by name desc, id desc", ListQuery.parse(params("_order_by", "-name"), LEADS).hqlOrderBy());
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_order_by", "password"), LEADS));
    }

    @Test
    void theIdTiebreakUsesTheSpecsIdPathForJoinedQueries() {
        ListSpec joined = ListSpec.builder().orderBy("value", "o.value").defaultOrder("-value").idPath("o.id").build();
        assertEquals(" order by o.value desc, o.id desc", ListQuery.parse(params(), joined).hqlOrderBy());
    }

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
