package io.leadline.core.search;

import io.leadline.core.search.SearchFilter.And;
import io.leadline.core.search.SearchFilter.Compare;
import io.leadline.core.search.SearchFilter.CustomFieldNamed;
import io.leadline.core.search.SearchFilter.FieldCondition;
import io.leadline.core.search.SearchFilter.TextCondition;
import io.leadline.core.search.SearchFilter.Everything;
import io.leadline.core.search.SearchFilter.FieldMatch;
import io.leadline.core.search.SearchFilter.Has;
import io.leadline.core.search.SearchFilter.Not;
import io.leadline.core.search.SearchFilter.Operator;
import io.leadline.core.search.SearchFilter.Or;
import io.leadline.core.search.SearchFilter.SubQuery;
import io.leadline.core.search.SearchFilter.Text;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadQueryParserTest {

    @Test
    void emptyAndStarMeanEverything() {
        assertEquals(new Everything(), filter(""));
        assertEquals(new Everything(), filter("   "));
        assertEquals(new Everything(), filter("*"));
        assertEquals(new Everything(), LeadQueryParser.parse(null).filter());
    }

    @Test
    void wordsAndPhrasesAreFreeText() {
        assertEquals(new And(List.of(new Text("acme", false, 1), new Text("big corp", true, 6))),
                filter("acme \"big corp\""));
        assertEquals(new Text("say \"hi\" \\ there", true, 1), filter("\"say \\\"hi\\\" \\\\ there\""));
    }

    @Test
    void fieldMatchesTakeBareOrQuotedValuesAndQuotedFieldNames() {
        assertEquals(new FieldMatch("name", "Acme", 1), filter("name:\"Acme\""));
        assertEquals(new FieldMatch("email_address", "a@b.com", 1), filter("email_address:a@b.com"));
        // a quoted key that is no field of the language names a custom field
        assertEquals(new FieldCondition(new CustomFieldNamed("Custom Field Name"), new TextCondition("value", true),
                "query"), filter("\"Custom Field Name\":\"value\""));
        assertEquals(new FieldMatch("name", "Acme", 1), filter("\"name\":Acme"));
        assertEquals(new FieldMatch("date_created", "2024-01-01T00:00:00", 1),
                filter("date_created:2024-01-01T00:00:00"));
    }

    @Test
    void comparisonsWithAndWithoutSpaces() {
        assertEquals(new Compare("date_updated", Operator.GTE, "2024-01-01T00:00:00", 1),
                filter("date_updated>=\"2024-01-01T00:00:00\""));
        assertEquals(new Compare("date_created", Operator.LT, "2024-05-01", 1), filter("date_created < 2024-05-01"));
        assertEquals(new Compare("contacts", Operator.GT, "1", 1), filter("contacts > 1"));
        assertEquals(new Compare("tasks", Operator.LTE, "3", 1), filter("tasks<=3"));
    }

    @Test
    void booleanOperatorsBindAndTighterThanOr() {
        Text a = new Text("a", false, 1);
        assertEquals(new Or(List.of(new And(List.of(a, new Text("b", false, 7))), new Text("c", false, 12))),
                filter("a AND b OR c"));
        assertEquals(new And(List.of(a, new Or(List.of(new Text("b", false, 4), new Text("c", false, 9))))),
                filter("a (b OR c)"));
        assertEquals(new Not(new FieldMatch("name", "foo", 2)), filter("-name:foo"));
        assertEquals(new Not(new Text("foo", false, 5)), filter("NOT foo"));
        assertEquals(new Not(new Or(List.of(a(3), new Text("b", false, 8)))), filter("-(a OR b)"));
        // lower-case "and"/"or" are words, as in Close
        assertEquals(new And(List.of(a, new Text("or", false, 3), new Text("b", false, 6))), filter("a or b"));
    }

    @Test
    void hasSortAndSliceAreRead() {
        assertEquals(new Has("opportunities", 1), filter("has:opportunities"));
        LeadQuery query = LeadQueryParser.parse("date_updated>=2024-01-01 sort:-updated slice:2/5");
        assertEquals(new Compare("date_updated", Operator.GTE, "2024-01-01", 1), query.filter());
        assertEquals(Optional.of(new LeadQuery.Sort("updated", true, 26)), query.sort());
        assertEquals(Optional.of(new LeadQuery.Slice(2, 5)), query.slice());
        assertEquals(Optional.of("-date_updated"), SearchSql.orderBy(query));
        assertEquals(new Everything(), LeadQueryParser.parse("sort:name").filter());
        LeadQuery grouped = LeadQueryParser.parse("a OR b sort:name");
        assertEquals(new Or(List.of(a(1), new Text("b", false, 6))), grouped.filter());
        assertEquals(Optional.of("name"), SearchSql.orderBy(grouped));
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertError("name:acme OR )", "Unexpected \")\" at position 14.");
        assertError("(name:acme", "Missing \")\" for the \"(\" at position 1.");
        assertError("name:", "Expected a value at position 6.");
        assertError("\"acme", "Unterminated quote starting at position 1.");
        assertError("a OR", "Unexpected end of query at position 5.");
        assertError("AND a", "Unexpected \"A\" at position 1.");
        assertError("NOT", "Unexpected end of query at position 4.");
        assertError(":x", "Unexpected \":\" at position 1.");
        assertError("contacts >", "Expected a value at position 11.");
        assertError("(".repeat(60) + "a" + ")".repeat(60), "The query nests deeper than 50 levels at position 51.");
        assertError("a\u0000", "Null characters are not allowed.");
    }

    @Test
    void optionErrorsNameThePosition() {
        assertError("slice:0/5", "slice: takes k/n with 1 <= k <= n <= 1000 (position 1).");
        assertError("slice:6/5", "slice: takes k/n with 1 <= k <= n <= 1000 (position 1).");
        assertError("slice:1/1001", "slice: takes k/n with 1 <= k <= n <= 1000 (position 1).");
        assertError("a OR sort:name", "sort: can't stand inside OR or NOT (position 6).");
        assertError("-slice:1/2", "slice: can't stand inside OR or NOT (position 2).");
        assertError("sort:name sort:created", "Only one sort: is allowed (position 11).");
        ValidationException sort = assertThrows(ValidationException.class,
                () -> SearchSql.orderBy(LeadQueryParser.parse("sort:color")));
        assertTrue(sort.fieldErrors().get("query").startsWith("sort: by \"color\" is not supported (position 1)"));
    }

    @Test
    void translationErrorsNameTheFieldAndPosition() {
        assertTranslationError("acme color:red", "Unknown field \"color\" at position 6" + HINT);
        assertTranslationError("custom.cf_x-y:1", "Unknown field \"custom.cf_x-y\" at position 1" + HINT);
        assertTranslationError("date_created:\"next decade\"",
                "\"next decade\" is no date or datetime with a year from 1 to 9999 (position 1).");
        assertTranslationError("Lead_Source:web", "Unknown field \"Lead_Source\" at position 1 (a custom field is"
                + " named in quotes, \"Field Name\":value, or by id, custom.cf_…:value).");
        assertTranslationError("name > 3", "\"name\" can't be compared with > (position 1).");
        assertTranslationError("contacts > many", "\"many\" is no whole number (position 1).");
        assertTranslationError("date_created > 10000-01-01",
                "\"10000-01-01\" is no date or datetime with a year from 1 to 9999 (position 1).");
        assertTranslationError("has:faxes", "has:faxes is not supported (position 1); choose contacts, emails, "
                + "phones, opportunities, tasks, calls, sms, notes, meetings, email_messages or whatsapp_messages.");
    }

    @Test
    void everyValueIsBoundNeverWrittenIntoTheSql() {
        String evil = "x' or '1'='1";
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.condition(LeadQueryParser.parse("name:\"" + evil + "\" " + "\"" + evil + "\""), "l",
                ZoneOffset.UTC).sql(parameters);
        assertFalse(sql.contains("1'='1"), sql);
        assertTrue(parameters.values().contains("%x' or '1'='1%"), parameters.values()::toString);
        SqlParameters like = new SqlParameters();
        SearchSql.condition(LeadQueryParser.parse("name:50%_off\\"), "l", ZoneOffset.UTC).sql(like);
        assertEquals(List.of("%50\\%\\_off\\\\%"), like.values());
    }

    @Test
    void relativeDaysAreDaysOnTheCallersClockAndPlainDatesUtcDays() {
        ZoneOffset newYork = ZoneOffset.ofHours(-5);
        LocalDate before = LocalDate.now(newYork);
        SqlParameters parameters = new SqlParameters();
        SearchSql.condition(LeadQueryParser.parse("date_created:today"), "l", newYork).sql(parameters);
        LocalDate after = LocalDate.now(newYork);
        // the two bounds of the caller's day, as UTC timestamps
        Object start = parameters.values().get(0);
        assertTrue(start.equals(before.atStartOfDay(newYork).toInstant().atOffset(ZoneOffset.UTC))
                || start.equals(after.atStartOfDay(newYork).toInstant().atOffset(ZoneOffset.UTC)), start::toString);

        SqlParameters plain = new SqlParameters();
        SearchSql.condition(LeadQueryParser.parse("date_created > 2024-05-01"), "l", newYork).sql(plain);
        assertEquals(List.of(OffsetDateTime.parse("2024-05-02T00:00:00Z")), plain.values());
    }

    @Test
    void relativePeriodsAreRangesOnTheCallersClock() {
        ZoneOffset tokyo = ZoneOffset.ofHours(9);
        for (String period : List.of("this week", "last week", "this-month", "last_year", "3 days ago", "1 day ago",
                "2 weeks ago", "tomorrow", "this quarter")) {
            SqlParameters parameters = new SqlParameters();
            SearchSql.condition(LeadQueryParser.parse("date_updated:\"" + period + "\""), "l", tokyo).sql(parameters);
            RelativePeriods.Period expected = RelativePeriods.named(period, tokyo).orElseThrow();
            assertEquals(List.of(expected.start().atOffset(ZoneOffset.UTC), expected.end().atOffset(ZoneOffset.UTC)),
                    parameters.values(), period);
        }
        // a comparison with a period takes its bounds: after this week = from next Monday
        SqlParameters after = new SqlParameters();
        SearchSql.condition(LeadQueryParser.parse("date_created > \"this week\""), "l", tokyo).sql(after);
        assertEquals(List.of(RelativePeriods.named("this week", tokyo).orElseThrow().end().atOffset(ZoneOffset.UTC)),
                after.values());
        RelativePeriods.Period week = RelativePeriods.named("this week", tokyo).orElseThrow();
        assertEquals(java.time.DayOfWeek.MONDAY, week.start().atOffset(tokyo).getDayOfWeek());
        assertEquals(java.time.Duration.ofDays(7), java.time.Duration.between(week.start(), week.end()));
        RelativePeriods.Period threeDaysAgo = RelativePeriods.named("3 days ago", tokyo).orElseThrow();
        assertEquals(LocalDate.now(tokyo).minusDays(3), threeDaysAgo.start().atOffset(tokyo).toLocalDate());
    }

    @Test
    void customFieldsByNameAreLookedUpInTheStatementWithTheNameBound() {
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.condition(LeadQueryParser.parse("\"Lead Source\":web"), "l", ZoneOffset.UTC)
                .sql(parameters);
        assertTrue(sql.contains("from custom_field f where f.organization_id = l.organization_id"), sql);
        assertFalse(sql.contains("Lead Source"), sql);
        assertEquals(List.of("lead", "Lead Source", "%web%"), parameters.values());
    }

    @Test
    void activitySubQueriesHoldClausesOnTheActivitysFields() {
        assertEquals(new SubQuery("call", new And(List.of(new FieldMatch("direction", "outgoing", 6),
                new Compare("duration", Operator.GT, "5m", 25))), 1), filter("call(direction:outgoing duration > 5m)"));
        assertEquals(new SubQuery("email", new Everything(), 1), filter("email()"));
        assertEquals(new SubQuery("sms", new Everything(), 1), filter("SMS( * )"));
        assertEquals(new Not(new SubQuery("note", new FieldMatch("user", "Ada", 7), 2)), filter("-note(user:Ada)"));
        assertEquals(new And(List.of(new Text("acme", false, 1), new SubQuery("meeting",
                        new Or(List.of(new FieldMatch("date", "today", 14), new Not(new FieldMatch("status", "canceled", 32)))),
                        6))),
                filter("acme meeting(date:today OR NOT status:canceled)"));
        assertEquals(new SubQuery("status_change", new And(List.of(new FieldMatch("old_status", "active", 15),
                        new FieldMatch("new_status", "won", 33), new FieldMatch("date", "yesterday", 48))), 1),
                filter("status_change(old_status:active new_status:won date:yesterday)"));
        // a word that opens no sub-query stays free text before a group, as before
        assertEquals(new And(List.of(new Text("acme", false, 1), new Text("b", false, 6))), filter("acme(b)"));
        // a space before the parenthesis makes it free text and a group, too
        assertEquals(new And(List.of(new Text("call", false, 1), new Text("b", false, 7))), filter("call (b)"));
    }

    @Test
    void activityFieldsOfTheLeadAreCountsAndLatestDates() {
        assertEquals(new Compare("calls", Operator.GT, "3", 1), filter("calls > 3"));
        assertEquals(new FieldMatch("last_emailed", "today", 1), filter("last_emailed:today"));
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.condition(LeadQueryParser.parse("num_calls >= 2 last_called < 2024-05-01"), "l",
                ZoneOffset.UTC).sql(parameters);
        assertTrue(sql.contains("select count(*) from lead_activity a where a.organization_id = l.organization_id"
                + " and a.lead_id = l.id and a.kind = 'call'"), sql);
        assertTrue(sql.contains("select max(a.activity_at) from lead_activity a"), sql);
        assertEquals(List.of(2L, OffsetDateTime.parse("2024-05-01T00:00:00Z")), parameters.values());
        // a quoted activity field is that field, not a custom field of that name
        assertEquals(new FieldMatch("last_called", "today", 1), filter("\"last_called\":today"));
    }

    @Test
    void subQueryErrorsNameThePosition() {
        assertError("call(direction:outgoing", "Missing \")\" for the \"(\" at position 5.");
        assertError("call(email(status:sent))", "email(...) can't stand inside another sub-query (position 6).");
        assertError("x contact(name:bob)", "contact(...) sub-queries are not supported yet (position 3); supported:"
                + " call, email, sms, note, meeting, whatsapp_message (leads) and status_change (opportunities).");
        assertError("call(a OR )", "Unexpected \")\" at position 11.");
        assertError("call(", "Unexpected end of query at position 6.");
    }

    @Test
    void subQueryTranslationErrorsNameTheFieldAndPosition() {
        assertTranslationError("call(color:red)",
                "Unknown field \"color\" of call(...) at position 6; it knows direction, date, duration, user, status.");
        assertTranslationError("call(user > 3)", "Unknown field \"user\" of call(...) at position 6; it knows date,"
                + " duration.");
        assertTranslationError("call(direction:sideways)", "direction: takes outgoing (outbound, sent) or incoming"
                + " (inbound, received), not \"sideways\" (position 6).");
        assertTranslationError("call(duration > long)",
                "\"long\" is no duration (seconds, or a number with s, m or h; position 6).");
        assertTranslationError("call(date > someday)",
                "\"someday\" is no date or datetime with a year from 1 to 9999 (position 6).");
        assertTranslationError("email(hello)", "Only field clauses can stand inside email(...) (position 7); free"
                + " text, has: and custom fields can't.");
        assertTranslationError("note(has:calls)", "Only field clauses can stand inside note(...) (position 6); free"
                + " text, has: and custom fields can't.");
        assertTranslationError("call(sort:name)", "sort: can't stand inside call(...) (position 6).");
        assertTranslationError("status_change(new_status:won)", "status_change(...) applies to the opportunity"
                + " query, not to leads (position 1).");
        assertTranslationError("calls > many", "\"many\" is no whole number (position 1).");
        assertTranslationError("last_called:soon",
                "\"soon\" is no date or datetime with a year from 1 to 9999 (position 1).");
    }

    @Test
    void subQueryValuesAreBoundAndPeriodsOnTheCallersClock() {
        String evil = "x' or '1'='1";
        ZoneOffset tokyo = ZoneOffset.ofHours(9);
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.condition(LeadQueryParser.parse("call(user:\"" + evil + "\" duration >= 2m"
                + " date:yesterday direction:inbound)"), "l", tokyo).sql(parameters);
        assertFalse(sql.contains("1'='1"), sql);
        assertTrue(sql.contains("a.kind = 'call'") && sql.contains("a.direction in ('incoming', 'inbound')"), sql);
        RelativePeriods.Period yesterday = RelativePeriods.named("yesterday", tokyo).orElseThrow();
        assertEquals(List.of(evil, 120L, yesterday.start().atOffset(ZoneOffset.UTC),
                yesterday.end().atOffset(ZoneOffset.UTC)), parameters.values());
    }

    @Test
    void statusChangeBelongsToTheOpportunityQuery() {
        SqlParameters parameters = new SqlParameters();
        String sql = SearchSql.opportunityCondition(LeadQueryParser.parse(
                "status_change(old_status:Active new_status:won date >= 2024-05-01)"), "o", ZoneOffset.UTC)
                .sql(parameters);
        assertTrue(sql.contains("from opportunity_status_change sc where sc.organization_id = o.organization_id"
                + " and sc.opportunity_id = o.id"), sql);
        assertEquals(List.of("Active", "won", OffsetDateTime.parse("2024-05-01T00:00:00Z")),
                parameters.values());
        assertOpportunityError("call(direction:outgoing)", "call(...) is not supported in an opportunity query"
                + " (position 1); use lead_query for the opportunities' leads.");
        assertOpportunityError("status_change(duration > 3)", "Unknown field \"duration\" of status_change(...) at"
                + " position 15; it knows date.");
        assertOpportunityError("status_change(user:ada)", "Unknown field \"user\" of status_change(...) at"
                + " position 15; it knows old_status, new_status, date.");
    }

    private static void assertOpportunityError(String query, String message) {
        LeadQuery parsed = LeadQueryParser.parse(query);
        ValidationException error = assertThrows(ValidationException.class,
                () -> SearchSql.opportunityCondition(parsed, "o", ZoneOffset.UTC));
        assertEquals(message, error.fieldErrors().get("query"));
    }

    private static final String HINT = " (a custom field is named in quotes, \"Field Name\":value, or by id,"
            + " custom.cf_…:value).";

    private static Text a(int position) {
        return new Text("a", false, position);
    }

    private static SearchFilter filter(String query) {
        return LeadQueryParser.parse(query).filter();
    }

    private static void assertError(String query, String message) {
        ValidationException error = assertThrows(ValidationException.class, () -> LeadQueryParser.parse(query));
        assertEquals(message, error.fieldErrors().get("query"));
    }

    private static void assertTranslationError(String query, String message) {
        LeadQuery parsed = LeadQueryParser.parse(query);
        ValidationException error = assertThrows(ValidationException.class,
                () -> SearchSql.condition(parsed, "l", ZoneOffset.UTC));
        assertEquals(message, error.fieldErrors().get("query"));
    }
}
