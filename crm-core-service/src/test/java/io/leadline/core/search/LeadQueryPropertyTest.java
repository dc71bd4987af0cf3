package io.leadline.core.search;

import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.wire.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever a client types into {@code ?query=} either becomes SQL over bound values or is a
 * {@link ValidationException} (a 400) — never another exception, so never a 500.
 */
class LeadQueryPropertyTest {

    /** Pieces of the language and its troublemakers, so random queries reach deep into the grammar. */
    private static final List<String> PIECES = List.of("name", "company", "email", "date_created", "date_updated",
            "contacts", "has", "sort", "slice", "status", "phone", "url", "user", "color", "AND", "OR", "NOT", "-",
            "(", ")", "\"", "\\", ":", ">", ">=", "<", "<=", "=", "*", " ", "  ", "2024-05-01", "2024-01-01T00:00:00",
            "today", "1", "0", "3/5", "0/0", "%", "_", "acme", "'", "\u0000", "\uD800", "opportunities", "tasks",
            "call(", "email(", "sms(", "note(", "status_change(", "contact(", "direction", "outgoing", "duration",
            "5m", "date", "user", "old_status", "last_called", "last_communication", "calls", "num_emails");

    @Test
    void arbitraryTextParsesOrIsA400() {
        qt().withExamples(3000).withShrinkCycles(100).forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(LeadQueryPropertyTest::parsesOrRefuses);
    }

    @Test
    void queriesBuiltFromTheLanguagesPiecesParseOrAreA400() {
        Gen<String> piece = integers().between(0, PIECES.size() - 1).map(PIECES::get);
        qt().withExamples(5000).withShrinkCycles(100)
                .forAll(lists().of(piece).ofSizeBetween(0, 14).map(items -> String.join("", items)))
                .checkAssert(LeadQueryPropertyTest::parsesOrRefuses);
    }

    @Test
    void opportunityQueriesBuiltFromTheLanguagesPiecesTranslateOrAreA400() {
        Gen<String> piece = integers().between(0, PIECES.size() - 1).map(PIECES::get);
        qt().withExamples(3000).withShrinkCycles(100)
                .forAll(lists().of(piece).ofSizeBetween(0, 14).map(items -> String.join("", items)))
                .checkAssert(text -> {
                    try {
                        String sql = SearchSql.opportunityCondition(LeadQueryParser.parse(text), "o",
                                ZoneOffset.UTC).sql(new SqlParameters());
                        assertTrue(sql.startsWith(" and "), sql);
                    } catch (ValidationException expected) {
                        assertTrue(expected.fieldErrors().containsKey("query"), expected::getMessage);
                    }
                });
    }

    private static void parsesOrRefuses(String text) {
        try {
            LeadQuery query = LeadQueryParser.parse(text);
            SearchSql.orderBy(query);
            SqlParameters parameters = new SqlParameters();
            String sql = SearchSql.condition(query, "l", ZoneOffset.ofHours(-5)).sql(parameters);
            assertTrue(sql.startsWith(" and "), sql);
        } catch (ValidationException expected) {
            assertTrue(expected.fieldErrors().containsKey("query"), expected::getMessage);
        }
    }
}
