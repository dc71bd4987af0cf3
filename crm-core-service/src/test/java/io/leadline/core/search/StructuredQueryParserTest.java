package io.leadline.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.search.SearchFilter.And;
import io.leadline.core.search.SearchFilter.CustomField;
import io.leadline.core.search.SearchFilter.Everything;
import io.leadline.core.search.SearchFilter.FieldCondition;
import io.leadline.core.search.SearchFilter.HasRelated;
import io.leadline.core.search.SearchFilter.Id;
import io.leadline.core.search.SearchFilter.MomentRange;
import io.leadline.core.search.SearchFilter.Not;
import io.leadline.core.search.SearchFilter.NumberRange;
import io.leadline.core.search.SearchFilter.ObjectType;
import io.leadline.core.search.SearchFilter.RegularField;
import io.leadline.core.search.SearchFilter.Term;
import io.leadline.core.search.SearchFilter.Text;
import io.leadline.core.search.SearchFilter.TextCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The structured query of /data/search/ and smart views: the tree it becomes, and a 400 naming the path for each error. */
class StructuredQueryParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset TOKYO = ZoneOffset.ofHours(9);

    @Test
    void clausesBecomeTheSharedTree() {
        SearchFilter tree = parse("""
                {"type": "and", "queries": [
                  {"type": "object_type", "object_type": "lead"},
                  {"type": "text", "value": "acme corp", "mode": "phrase"},
                  {"type": "id", "value": "lead_1", "negate": true},
                  {"type": "or", "queries": []},
                  {"type": "field_condition", "field": {"type": "custom_field", "custom_field_id": "cf_a"},
                   "condition": {"type": "number_range", "gte": 1.5}},
                  {"type": "has_related", "this_object_type": "lead", "related_object_type": "contact",
                   "related_query": {"type": "field_condition",
                     "field": {"type": "regular_field", "object_type": "contact", "field_name": "title"},
                     "condition": {"type": "reference", "reference_type": "user", "object_ids": ["a", "b"]}}}]}""");
        assertEquals(new And(List.of(new ObjectType("lead"), new Text("acme corp", true, 0), new Not(new Id("lead_1")),
                new Not(new Everything()),
                new FieldCondition(new CustomField("cf_a"), new NumberRange(null, new BigDecimal("1.5"), null, null),
                        "query.queries.4"),
                new HasRelated("lead", "contact", new FieldCondition(new RegularField("contact", "title"),
                        new Term(List.of("a", "b")), "query.queries.5.related_query"), "query.queries.5"))), tree);
        assertEquals("lead", StructuredQueryParser.objectType(tree, "query"));
        assertEquals(new Term(List.of("user_me")), condition("{\"type\": \"current_user\"}"));
        assertEquals(new TextCondition("x", false), condition("{\"type\": \"text\", \"value\": \"x\"}"));
    }

    @Test
    void momentsResolveOnTheCallersClock() {
        MomentRange range = (MomentRange) condition("""
                {"type": "moment_range",
                 "on_or_after": {"type": "fixed_local_date", "value": "2024-05-01", "which": "start"},
                 "before": {"type": "fixed_local_date", "value": "2024-05-01", "which": "end"}}""");
        assertEquals(Instant.parse("2024-04-30T15:00:00Z"), range.onOrAfter());
        assertEquals(Instant.parse("2024-05-01T15:00:00Z"), range.before());
        MomentRange utc = (MomentRange) condition("""
                {"type": "moment_range", "on_or_after": {"type": "fixed_utc", "value": "2024-05-01T10:00:00+02:00"}}""");
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), utc.onOrAfter());
        MomentRange period = (MomentRange) condition("""
                {"type": "moment_range",
                 "on_or_after": {"type": "start_end_of_predefined_relative_period", "range": "this-week", "which": "start"},
                 "before": {"type": "offset", "direction": "future", "offset": {"weeks": 1},
                            "moment": {"type": "start_end_of_predefined_relative_period", "range": "this-week"}}}""");
        assertEquals(RelativePeriods.named("this week", TOKYO).orElseThrow().start(), period.onOrAfter());
        assertEquals(RelativePeriods.named("this week", TOKYO).orElseThrow().end(), period.before());
    }

    @Test
    void errorsNameTheJsonPath() {
        assertError("{\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"lead\"}, {}]}",
                "query.queries.1.type");
        assertError("{\"type\": \"object_type\", \"object_type\": \"activity.call\"}", "query.object_type");
        assertError("{\"type\": \"field_condition\", \"field\": {\"type\": \"regular_field\", \"object_type\": \"lead\","
                + " \"field_name\": \"name\"}, \"condition\": {\"type\": \"number_range\", \"gt\": \"1\"}}",
                "query.condition.gt");
        assertError("{\"type\": \"text\", \"value\": \"x\", \"mode\": \"fuzzy\"}", "query.mode");
        assertError("{\"type\": \"field_condition\", \"field\": {\"type\": \"regular_field\", \"object_type\": \"lead\","
                + " \"field_name\": \"date_created\"}, \"condition\": {\"type\": \"moment_range\", \"before\":"
                + " {\"type\": \"fixed_local_date\", \"value\": \"2024-05-01\", \"which\": \"middle\"}}}",
                "query.condition.before.which");
        assertError("{\"type\": \"and\", \"queries\": [" + "{\"type\": \"and\", \"queries\": [".repeat(31) + "]}".repeat(31)
                + "]}", "query" + ".queries.0".repeat(31));
        ValidationException noType = assertThrows(ValidationException.class,
                () -> StructuredQueryParser.objectType(parse("{\"type\": \"text\", \"value\": \"x\"}"), "query"));
        assertTrue(noType.fieldErrors().containsKey("query"));
    }

    @Test
    void translatesWithEveryValueBound() {
        SearchFilter tree = parse("""
                {"type": "and", "queries": [{"type": "object_type", "object_type": "opportunity"},
                  {"type": "field_condition", "field": {"type": "regular_field", "object_type": "opportunity",
                   "field_name": "note"}, "condition": {"type": "text", "value": "x' or '1'='1"}},
                  {"type": "has_related", "this_object_type": "opportunity", "related_object_type": "lead",
                   "related_query": {"type": "text", "value": "evil'; drop table lead; --"}}]}""");
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.condition(tree, "opportunity", "o", TOKYO, "orga_1").sql(parameters);
        assertFalse(sql.contains("1'='1") || sql.contains("drop table"), sql);
        assertTrue(sql.contains("exists (select 1 from lead r1 where r1.organization_id = o.organization_id"
                + " and r1.id = o.lead_id"), sql);
        assertTrue(parameters.values().contains("orga_1"), parameters.values()::toString);
    }

    private static SearchFilter parse(String json) {
        try {
            return StructuredQueryParser.parse(JSON.readTree(json), "query", TOKYO, "user_me");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SearchFilter.Condition condition(String condition) {
        return ((FieldCondition) parse("{\"type\": \"field_condition\", \"field\": {\"type\": \"regular_field\","
                + " \"object_type\": \"lead\", \"field_name\": \"date_created\"}, \"condition\": " + condition + "}"))
                .condition();
    }

    private static void assertError(String json, String path) {
        ValidationException error = assertThrows(ValidationException.class, () -> parse(json));
        assertTrue(error.fieldErrors().containsKey(path), () -> error.fieldErrors().toString());
    }
}
