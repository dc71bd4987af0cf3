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
import io.leadline.platform.wire.TextLimits;
import io.leadline.platform.wire.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A hand-written recursive-descent parser of Close's lead query language (grammar in the module README, "Lead query
 * language"). It reads characters directly, because the language is context-sensitive: a value after {@code :} or
 * a comparison may hold colons ({@code 2024-01-01T00:00:00}), a free-text word may not. Every failure is a
 * {@link ValidationException} naming the 1-based character position, never another exception.
 */
public final class LeadQueryParser {

    /** Longer queries are no searches a client means; refusing them keeps parsing and SQL small. */
    public static final int MAX_LENGTH = 4096;
    /** Parentheses and negations nest at most this deep, so no query can exhaust the stack. */
    public static final int MAX_DEPTH = 50;
    public static final int MAX_SLICES = 1000;

    private final String text;
    private int pos;
    private int depth;
    private boolean insideSubQuery;

    private LeadQueryParser(String text) {
        this.text = text;
    }

    public static LeadQuery parse(String query) {
        String text = query == null ? "" : query;
        if (text.length() > MAX_LENGTH) {
            throw error("The query is longer than " + MAX_LENGTH + " characters.");
        }
        // PostgreSQL's text holds no NUL and no lone surrogate: refused here, not by the database (a 500)
        String unstorable = TextLimits.unstorable(text);
        if (unstorable != null) {
            throw error(unstorable);
        }
        LeadQueryParser parser = new LeadQueryParser(text);
        return parser.query();
    }

    private LeadQuery query() {
        skipSpaces();
        if (atEnd()) {
            return new LeadQuery(new Everything(), Optional.empty(), Optional.empty());
        }
        SearchFilter filter = or();
        skipSpaces();
        if (!atEnd()) {
            // or() stops only at the end or at a ")" it did not open
            throw unexpected();
        }
        return options(filter);
    }

    private SearchFilter or() {
        List<SearchFilter> parts = new ArrayList<>();
        parts.add(and());
        while (keyword("OR")) {
            pos += 2;
            skipSpaces();
            if (atEnd() || peek() == ')') {
                throw atEnd() ? expectedTerm() : unexpected();
            }
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private SearchFilter and() {
        List<SearchFilter> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd() || peek() == ')' || keyword("OR")) {
                break;
            }
            if (keyword("AND")) {
                if (parts.isEmpty()) {
                    throw unexpected();
                }
                pos += 3;
                skipSpaces();
                if (atEnd() || peek() == ')' || keyword("OR") || keyword("AND")) {
                    throw atEnd() ? expectedTerm() : unexpected();
                }
            }
            parts.add(unary());
        }
        if (parts.isEmpty()) {
            throw atEnd() ? expectedTerm() : unexpected();
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private SearchFilter unary() {
        int start = pos;
        if (keyword("NOT")) {
            pos += 3;
            return new Not(nested(start, this::operand));
        }
        if (peek() == '-' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
            pos++;
            return new Not(nested(start, this::operand));
        }
        return primary();
    }

    /** What NOT or "-" applies to: another negation or a primary, after optional spaces. */
    private SearchFilter operand() {
        skipSpaces();
        if (atEnd()) {
            throw expectedTerm();
        }
        if (peek() == ')' || keyword("OR") || keyword("AND")) {
            throw unexpected();
        }
        return unary();
    }

    private SearchFilter primary() {
        char c = peek();
        if (c == '(') {
            int open = pos;
            pos++;
            SearchFilter inner = nested(open, this::or);
            skipSpaces();
            if (atEnd()) {
                throw error("Missing \")\" for the \"(\" at position " + (open + 1) + ".");
            }
            pos++; // or() only stops at a ")" here
            return inner;
        }
        if (c == ')' || c == ':' || c == '<' || c == '>') {
            throw unexpected();
        }
        int start = pos;
        boolean quoted = c == '"';
        String key = quoted ? quoted() : word();
        if (!atEnd() && peek() == ':') {
            pos++;
            return fieldMatch(key, quoted, start);
        }
        if (!quoted && !atEnd() && peek() == '(' && SubQueries.isSubQuery(key)) {
            return subQuery(key, start);
        }
        int afterKey = pos;
        skipSpaces();
        if (!atEnd() && (peek() == '<' || peek() == '>')) {
            Operator operator = operator();
            skipSpaces();
            return new Compare(key, operator, value(), start + 1);
        }
        pos = afterKey;
        if (!quoted && key.equals("*")) {
            return new Everything();
        }
        return new Text(key, quoted, start + 1);
    }

    /**
     * {@code call(direction:outgoing duration > 60)}: the clauses inside the parentheses, in the same language, name
     * the fields of the related record; {@code call()} is any call. Another sub-query inside one is an error.
     */
    private SearchFilter subQuery(String name, int start) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        SubQueries.checkSupported(lower, start + 1);
        if (insideSubQuery) {
            throw error(name + "(...) can't stand inside another sub-query (position " + (start + 1) + ").");
        }
        int open = pos;
        pos++;
        insideSubQuery = true;
        try {
            skipSpaces();
            SearchFilter inner = !atEnd() && peek() == ')' ? new Everything() : nested(open, this::or);
            skipSpaces();
            if (atEnd()) {
                throw error("Missing \")\" for the \"(\" at position " + (open + 1) + ".");
            }
            pos++; // or() only stops at a ")" here
            return new SubQuery(lower, inner, start + 1);
        } finally {
            insideSubQuery = false;
        }
    }

    private SearchFilter fieldMatch(String key, boolean quoted, int start) {
        String value = value();
        if (key.equals("has")) {
            return new Has(value, start + 1);
        }
        if (quoted && !SearchSql.isBuiltIn(key)) {
            // "Custom Field Name":"value": the lead's custom field of that name contains the value
            return new FieldCondition(new CustomFieldNamed(key), new TextCondition(value, true),
                    "query");
        }
        return new FieldMatch(key, value, start + 1);
    }

    private Operator operator() {
        char c = peek();
        pos++;
        boolean orEqual = !atEnd() && peek() == '=';
        if (orEqual) {
            pos++;
        }
        if (c == '>') {
            return orEqual ? Operator.GTE : Operator.GT;
        }
        return orEqual ? Operator.LTE : Operator.LT;
    }

    /** A value: a quoted string, or everything up to a space or a ")" (colons included). */
    private String value() {
        if (atEnd()) {
            throw error("Expected a value at position " + (pos + 1) + ".");
        }
        if (peek() == '"') {
            return quoted();
        }
        int start = pos;
        while (!atEnd() && !isSpace(peek()) && peek() != ')' && peek() != '(' && peek() != '"') {
            pos++;
        }
        if (pos == start) {
            throw error("Expected a value at position " + (pos + 1) + ".");
        }
        return text.substring(start, pos);
    }

    /** A free-text word or a field name: up to a space or one of {@code ( ) " : < >}. */
    private String word() {
        int start = pos;
        while (!atEnd() && !isSpace(peek()) && "()\":<>".indexOf(peek()) < 0) {
            pos++;
        }
        if (pos == start) {
            throw unexpected();
        }
        return text.substring(start, pos);
    }

    /** {@code "..."} with {@code \"} and {@code \\} (a backslash before any other character is kept as it is). */
    private String quoted() {
        int open = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && !atEnd() && (peek() == '"' || peek() == '\\')) {
                value.append(text.charAt(pos++));
            } else {
                value.append(c);
            }
        }
        throw error("Unterminated quote starting at position " + (open + 1) + ".");
    }

    /** {@code inner}, one level deeper than the "(", NOT or "-" at {@code at}. */
    private SearchFilter nested(int at, Supplier<SearchFilter> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("The query nests deeper than " + MAX_DEPTH + " levels at position " + (at + 1) + ".");
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    /**
     * Takes {@code sort:} and {@code slice:} out of the filter: they apply to the whole query wherever they stand in
     * a conjunction ({@code a OR b sort:name} sorts everything), but alone as a branch of OR or under a negation
     * they mean nothing and are an error.
     */
    private static LeadQuery options(SearchFilter filter) {
        Options options = new Options();
        SearchFilter remaining = options.strip(filter, true);
        return new LeadQuery(remaining, Optional.ofNullable(options.sort), Optional.ofNullable(options.slice));
    }

    private static final class Options {
        private LeadQuery.Sort sort;
        private LeadQuery.Slice slice;

        /** The filter without its options; {@code inConjunction} says whether an option may stand here. */
        SearchFilter strip(SearchFilter filter, boolean inConjunction) {
            if (filter instanceof FieldMatch match && isOption(match)) {
                if (!inConjunction) {
                    throw error(match.field() + ": can't stand inside OR or NOT (position " + match.position() + ").");
                }
                take(match);
                return new Everything();
            }
            if (filter instanceof And and) {
                List<SearchFilter> rest = new ArrayList<>();
                for (SearchFilter part : and.parts()) {
                    SearchFilter stripped = strip(part, true);
                    if (!(stripped instanceof Everything) || !(part instanceof FieldMatch)) {
                        rest.add(stripped);
                    }
                }
                return rest.isEmpty() ? new Everything() : rest.size() == 1 ? rest.get(0) : new And(rest);
            }
            if (filter instanceof Or or) {
                return new Or(or.parts().stream().map(part -> strip(part, false)).toList());
            }
            if (filter instanceof Not not) {
                return new Not(strip(not.inner(), false));
            }
            return filter;
        }

        private void take(FieldMatch match) {
            if (match.field().equals("sort")) {
                if (sort != null) {
                    throw error("Only one sort: is allowed (position " + match.position() + ").");
                }
                sort = sort(match);
            } else {
                if (slice != null) {
                    throw error("Only one slice: is allowed (position " + match.position() + ").");
                }
                slice = slice(match);
            }
        }

        private static boolean isOption(FieldMatch match) {
            return match.field().equals("sort") || match.field().equals("slice");
        }
    }

    private static LeadQuery.Sort sort(FieldMatch match) {
        String value = match.value();
        boolean descending = value.startsWith("-");
        return new LeadQuery.Sort(descending ? value.substring(1) : value, descending, match.position());
    }

    private static LeadQuery.Slice slice(FieldMatch match) {
        String[] parts = match.value().split("/", -1);
        if (parts.length == 2 && parts[0].matches("[0-9]{1,4}") && parts[1].matches("[0-9]{1,4}")) {
            int part = Integer.parseInt(parts[0]);
            int of = Integer.parseInt(parts[1]);
            if (part >= 1 && part <= of && of <= MAX_SLICES) {
                return new LeadQuery.Slice(part, of);
            }
        }
        throw error("slice: takes k/n with 1 <= k <= n <= " + MAX_SLICES + " (position " + match.position() + ").");
    }

    private boolean keyword(String word) {
        if (!text.startsWith(word, pos)) {
            return false;
        }
        int after = pos + word.length();
        return after == text.length() || isSpace(text.charAt(after)) || text.charAt(after) == '(';
    }

    private void skipSpaces() {
        while (!atEnd() && isSpace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private ValidationException unexpected() {
        return error("Unexpected \"" + text.charAt(pos) + "\" at position " + (pos + 1) + ".");
    }

    private ValidationException expectedTerm() {
        return error("Unexpected end of query at position " + (pos + 1) + ".");
    }

    static ValidationException error(String message) {
        return ValidationException.field("query", message);
    }
}
