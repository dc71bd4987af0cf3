package io.leadline.platform.read;

import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.ValidationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListQueryTest {

    private static final ReadTable LEADS = ReadTable.builder()
            .from("lead l")
            .organizationColumn("l.organization_id")
            .idColumn("l.id")
            .document("l.doc")
            .composed("status_label", "(select s.label from lead_status s where s.id = l.status_id)")
            .composed("contacts", "(select jsonb_agg(c.doc) from contact c where c.lead_id = l.id)")
            .filter("status_id", "l.status_id", FilterType.STRING)
            .filter("date_created", "l.date_created", FilterType.DATETIME)
            .filter("date_won", "l.date_won", FilterType.DATE)
            .filter("value", "l.value", FilterType.INTEGER)
            .orderBy("date_created", "l.date_created")
            .orderBy("name", "l.name")
            .defaultOrder("-date_created")
            .ownParameters("query")
            .maxLimit(100)
            .build();

    @Test
    void defaultsToCloseDefaults() {
        ListQuery query = ListQuery.parse(params(), LEADS);
        assertEquals(0, query.skip());
        assertEquals(100, query.limit());
        assertTrue(query.fields().isAll());
        assertEquals("l.date_created desc, l.id desc", query.orderBy());
        assertEquals("", query.conditions(new SqlParameters()));
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
    void filtersBecomeConditionsOnTheTablesExpressionsWithTypedBoundValues() {
        ListQuery query = ListQuery.parse(params("status_id__in", "stat_a,stat_b", "date_created__gte", "2024-05-01",
                "date_won__lt", "2024-06-01", "value", "12"), LEADS);
        SqlParameters parameters = new SqlParameters();
        assertEquals(" and l.date_created >= $1 and l.date_won < $2 and l.status_id = any($3) and l.value = $4",
                query.conditions(parameters));
        List<Object> values = parameters.values();
        assertEquals(OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), values.get(0));
        assertEquals(LocalDate.of(2024, 6, 1), values.get(1));
        assertArrayEquals(new String[]{"stat_a", "stat_b"}, (String[]) values.get(2));
        assertEquals(12L, values.get(3));
    }

    @Test
    void aValueNeverBecomesSql() {
        String attack = "x' or 1=1; drop table lead; --";
        ListQuery query = ListQuery.parse(params("status_id", attack, "status_id__in", attack + "," + attack), LEADS);
        SqlParameters parameters = new SqlParameters();
        String sql = query.conditions(parameters);
        assertFalse(sql.contains("drop"), sql);
        assertEquals(attack, parameters.values().get(0));
        ReadStatement statement = ReadStatements.page(LEADS, attack, query, SqlCondition.NONE, null);
        assertFalse(statement.sql().contains("drop"), statement.sql());
        assertTrue(statement.parameters().values().contains(attack));
    }

    @Test
    void namesOutsideTheTableAre400sNotSql() {
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("name; drop table lead", "1"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_order_by", "l.id; drop table lead"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("date_created__gt", "yesterday"), LEADS));
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_bogus", "1"), LEADS));
    }

    @Test
    void parametersTheResourceHandlesAreNotFilters() {
        ListQuery query = ListQuery.parse(params("query", "name:acme"), LEADS);
        assertEquals("", query.conditions(new SqlParameters()));
    }

    @Test
    void orderByAcceptsAscendingAndDescendingKnownFieldsOnlyAndEndsWithTheId() {
        assertEquals("l.name asc, l.id asc", ListQuery.parse(params("_order_by", "name"), LEADS).orderBy());
        assertEquals("l.name desc, l.id desc", ListQuery.parse(params("_order_by", "-name"), LEADS).orderBy());
        assertEquals("l.name asc, l.date_created desc, l.id desc",
                ListQuery.parse(params("_order_by", "name,-date_created"), LEADS).orderBy());
        assertThrows(ValidationException.class, () -> ListQuery.parse(params("_order_by", "password"), LEADS));
    }

    @Test
    void aPageAsksForOneRowMoreAndSkipsByOffset() {
        ListQuery query = ListQuery.parse(params("_limit", "10", "_skip", "20"), LEADS);
        ReadStatement statement = ReadStatements.page(LEADS, "orga_1", query, SqlCondition.NONE, null);
        assertTrue(statement.sql().endsWith(" order by l.date_created desc, l.id desc limit $2 offset $3"),
                statement.sql());
        assertEquals(List.of("orga_1", 11L, 20L), statement.parameters().values());
        assertTrue(statement.sql().contains(" where l.organization_id = $1"), statement.sql());
    }

    @Test
    void aKeysetPageStartsBehindTheLastRowWithoutOffset() {
        ListQuery query = ListQuery.parse(params("_limit", "10", "_skip", "20"), LEADS);
        OffsetDateTime last = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        ReadStatement statement = ReadStatements.page(LEADS, "orga_1", query, SqlCondition.NONE,
                new Keyset(List.of(last, "lead_9")));
        assertTrue(statement.sql().contains(" and (l.date_created < $2 or (l.date_created = $2 and (l.id < $3)))"),
                statement.sql());
        assertFalse(statement.sql().contains("offset"), statement.sql());
        assertEquals(List.of("orga_1", last, "lead_9", 11L), statement.parameters().values());
    }

    @Test
    void aKeysetAfterANullFollowsPostgresNullOrdering() {
        ListQuery ascending = ListQuery.parse(params("_order_by", "name"), LEADS);
        SqlParameters parameters = new SqlParameters();
        assertEquals(" and (false or (l.name is null and ((l.id > $1 or l.id is null))))",
                new Keyset(Arrays.asList(null, "lead_9")).condition(ascending.order(), parameters));
        ListQuery descending = ListQuery.parse(params("_order_by", "-name"), LEADS);
        assertEquals(" and (l.name is not null or (l.name is null and (l.id < $2)))",
                new Keyset(Arrays.asList(null, "lead_9")).condition(descending.order(), parameters));
    }

    @Test
    void fieldsPickStoredKeysByABoundArrayAndComputeOnlyTheComposedFieldsAskedFor() {
        SqlParameters parameters = new SqlParameters();
        String json = LEADS.json(FieldSelection.parse("id,status_label,custom.cf_x"), parameters);
        assertTrue(json.contains("jsonb_each(l.doc)"), json);
        assertTrue(json.contains("'status_label', (select s.label"), json);
        assertFalse(json.contains("contact"), json);
        assertFalse(json.contains("custom.%"), json);
        assertEquals(List.of("id", "custom.cf_x"), Arrays.asList((String[]) parameters.values().get(0)));
    }

    @Test
    void customSelectsEveryCustomKeyAndAllFieldsIsTheDocumentWithEveryComposedField() {
        String custom = LEADS.json(FieldSelection.parse("custom"), new SqlParameters());
        assertTrue(custom.contains("d.key like 'custom.%'"), custom);
        String all = LEADS.json();
        assertTrue(all.startsWith("(l.doc || jsonb_build_object('status_label', "), all);
        assertTrue(all.contains("'contacts', "), all);
    }

    @Test
    void aRequestedFieldNameIsAValueNeverSql() {
        SqlParameters parameters = new SqlParameters();
        String json = LEADS.json(FieldSelection.parse("id') || (select 1"), parameters);
        assertFalse(json.contains("select 1"), json);
    }

    @Test
    void theEnvelopeJoinsTheTextsAsTheyAre() {
        JsonPage page = new JsonPage(List.of("{\"id\": 1}", "{\"id\": 2.50}"), true, List.of());
        assertEquals("{\"data\": [{\"id\": 1}, {\"id\": 2.50}], \"has_more\": true}", page.envelope());
        assertEquals("{\"data\": [], \"has_more\": false}", new JsonPage(List.of(), false, List.of()).envelope());
    }

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
