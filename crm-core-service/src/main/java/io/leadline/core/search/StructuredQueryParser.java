package io.leadline.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.search.SearchFilter.And;
import io.leadline.core.search.SearchFilter.BooleanCondition;
import io.leadline.core.search.SearchFilter.Condition;
import io.leadline.core.search.SearchFilter.CustomField;
import io.leadline.core.search.SearchFilter.Everything;
import io.leadline.core.search.SearchFilter.Exists;
import io.leadline.core.search.SearchFilter.Field;
import io.leadline.core.search.SearchFilter.FieldCondition;
import io.leadline.core.search.SearchFilter.HasRelated;
import io.leadline.core.search.SearchFilter.Id;
import io.leadline.core.search.SearchFilter.MomentRange;
import io.leadline.core.search.SearchFilter.Not;
import io.leadline.core.search.SearchFilter.NumberRange;
import io.leadline.core.search.SearchFilter.ObjectType;
import io.leadline.core.search.SearchFilter.Or;
import io.leadline.core.search.SearchFilter.RegularField;
import io.leadline.core.search.SearchFilter.Term;
import io.leadline.core.search.SearchFilter.Text;
import io.leadline.core.search.SearchFilter.TextCondition;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.TextLimits;
import io.leadline.platform.wire.ValidationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the structured query of {@code /data/search/} and of smart views' {@code s_query} (NOTES §9) into the same
 * {@link SearchFilter} the lead query language produces. Every failure is a {@link ValidationException} whose key is
 * the JSON path of the offending clause ({@code query.queries.1.condition.gte}). Relative moments are resolved here
 * on the caller's clock, so the tree holds instants only.
 */
public final class StructuredQueryParser {

    /** Nesting and size bounds, so no query can exhaust the stack or build an unbounded statement. */
    public static final int MAX_DEPTH = 30;
    public static final int MAX_CLAUSES = 500;
    public static final int MAX_VALUES = 100;
    public static final int MAX_TEXT = 1000;

    private final ZoneOffset callerOffset;
    private final String callerUserId;
    private int clauses;

    private StructuredQueryParser(ZoneOffset callerOffset, String callerUserId) {
        this.callerOffset = callerOffset;
        this.callerUserId = callerUserId;
    }

    /** The tree of {@code query}, reported under {@code path} (e.g. {@code query} or {@code s_query}). */
    public static SearchFilter parse(JsonNode query, String path, ZoneOffset callerOffset, String callerUserId) {
        return new StructuredQueryParser(callerOffset, callerUserId).clause(query, path, 0);
    }

    /**
     * The one object type a query searches: its root {@code object_type} clause, or the one among the root
     * {@code and}'s clauses (Close requires it there too).
     */
    public static String objectType(SearchFilter root, String path) {
        List<String> types = new ArrayList<>();
        if (root instanceof ObjectType type) {
            types.add(type.type());
        } else if (root instanceof And and) {
            and.parts().stream().filter(ObjectType.class::isInstance).map(part -> ((ObjectType) part).type())
                    .distinct().forEach(types::add);
        }
        if (types.size() != 1) {
            throw error(path, "The query needs exactly one object_type clause at its top level (alone, or in the"
                    + " top-level \"and\").");
        }
        return types.get(0);
    }

    static ValidationException error(String path, String message) {
        return ValidationException.field(path, message);
    }

    private SearchFilter clause(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(path, "The query nests deeper than " + MAX_DEPTH + " levels.");
        }
        if (++clauses > MAX_CLAUSES) {
            throw error(path, "The query has more than " + MAX_CLAUSES + " clauses.");
        }
        if (node == null || !node.isObject()) {
            throw error(path, "A clause must be an object with a \"type\".");
        }
        String type = text(node, "type", path);
        SearchFilter filter = switch (type) {
            case "and", "or" -> group(type, node, path, depth);
            case "object_type" -> {
                String objectType = text(node, "object_type", path);
                SearchFields.kind(objectType, path + ".object_type");
                yield new ObjectType(objectType);
            }
            case "id" -> new Id(text(node, "value", path));
            case "text" -> new Text(text(node, "value", path), phrase(node, path), 0);
            case "field_condition" -> new FieldCondition(field(node.get("field"), path + ".field"),
                    condition(node.get("condition"), path + ".condition"), path);
            case "has_related" -> {
                String thisType = text(node, "this_object_type", path);
                String relatedType = text(node, "related_object_type", path);
                SearchFields.kind(relatedType, path + ".related_object_type");
                yield new HasRelated(thisType, relatedType,
                        clause(node.get("related_query"), path + ".related_query", depth + 1), path);
            }
            case "match_all" -> new Everything();
            default -> throw error(path + ".type", "Unknown clause type \"" + type + "\"; use and, or, object_type,"
                    + " id, text, field_condition, has_related or match_all.");
        };
        JsonNode negate = node.get("negate");
        if (negate != null && !negate.isNull() && !negate.isBoolean()) {
            throw error(path + ".negate", "Must be true or false.");
        }
        return negate != null && negate.asBoolean(false) ? new Not(filter) : filter;
    }

    private SearchFilter group(String type, JsonNode node, String path, int depth) {
        JsonNode queries = node.get("queries");
        if (queries == null || !queries.isArray()) {
            throw error(path + ".queries", "A list of clauses is required.");
        }
        List<SearchFilter> parts = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            parts.add(clause(queries.get(i), path + ".queries." + i, depth + 1));
        }
        if (parts.isEmpty()) {
            // an empty "and" holds for everything, an empty "or" for nothing
            return type.equals("and") ? new Everything() : new Not(new Everything());
        }
        return type.equals("and") ? new And(parts) : new Or(parts);
    }

    private Field field(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw error(path, "A field object is required.");
        }
        String type = text(node, "type", path);
        return switch (type) {
            case "regular_field" -> new RegularField(text(node, "object_type", path), text(node, "field_name", path));
            case "custom_field" -> new CustomField(text(node, "custom_field_id", path));
            default -> throw error(path + ".type", "Use regular_field or custom_field.");
        };
    }

    private Condition condition(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw error(path, "A condition object is required.");
        }
        String type = text(node, "type", path);
        return switch (type) {
            case "text" -> new TextCondition(text(node, "value", path), phrase(node, path));
            case "term" -> new Term(values(node, "values", path));
            case "reference" -> new Term(values(node, "object_ids", path));
            case "current_user" -> new Term(List.of(callerUserId == null ? "" : callerUserId));
            case "number_range" -> new NumberRange(number(node, "gt", path), number(node, "gte", path),
                    number(node, "lt", path), number(node, "lte", path));
            case "boolean" -> {
                JsonNode value = node.get("value");
                if (value == null || !value.isBoolean()) {
                    throw error(path + ".value", "Must be true or false.");
                }
                yield new BooleanCondition(value.booleanValue());
            }
            case "exists" -> new Exists();
            case "moment_range" -> new MomentRange(moment(node.get("on_or_after"), path + ".on_or_after"),
                    moment(node.get("before"), path + ".before"));
            default -> throw error(path + ".type", "Unknown condition \"" + type + "\"; use text, term, reference,"
                    + " current_user, number_range, boolean, exists or moment_range.");
        };
    }

    /**
     * A bound of a moment range: {@code fixed_local_date} (a day on the caller's clock, its start or its end),
     * {@code fixed_utc}, {@code start_end_of_predefined_relative_period}, {@code now}, or an {@code offset} from
     * another bound (now by default) into the past or the future. Null or absent is an open bound.
     */
    private Instant moment(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw error(path, "A moment object is required.");
        }
        String type = text(node, "type", path);
        Instant moment = switch (type) {
            case "fixed_local_date" -> {
                LocalDate day = CloseDateTimes.parseDate(text(node, "value", path))
                        .orElseThrow(() -> error(path + ".value", "A date YYYY-MM-DD (years 1 to 9999) is required."));
                RelativePeriods.Period period = RelativePeriods.day(day, callerOffset);
                yield end(node, path) ? period.end() : period.start();
            }
            case "fixed_utc" -> CloseDateTimes.parseInstant(text(node, "value", path))
                    .orElseThrow(() -> error(path + ".value", "A datetime (years 1 to 9999) is required."));
            case "start_end_of_predefined_relative_period" -> {
                String range = text(node, "range", path);
                RelativePeriods.Period period = RelativePeriods.named(range, callerOffset)
                        .orElseThrow(() -> error(path + ".range", "Unknown period \"" + range + "\"; use e.g. today,"
                                + " yesterday, this-week, last-week, this-month, this-quarter, this-year."));
                yield end(node, path) ? period.end() : period.start();
            }
            case "now" -> CloseDateTimes.now();
            case "offset" -> offset(node, path);
            default -> throw error(path + ".type", "Unknown moment \"" + type + "\"; use fixed_local_date,"
                    + " fixed_utc, start_end_of_predefined_relative_period, now or offset.");
        };
        if (!CloseDateTimes.isSupported(moment)) {
            throw error(path, "The moment lies outside the years 1 to 9999.");
        }
        return moment;
    }

    private Instant offset(JsonNode node, String path) {
        JsonNode base = node.get("moment");
        Instant from = base == null || base.isNull() ? CloseDateTimes.now() : moment(base, path + ".moment");
        String direction = text(node, "direction", path);
        if (!direction.equals("past") && !direction.equals("future")) {
            throw error(path + ".direction", "Use past or future.");
        }
        JsonNode amount = node.get("offset");
        if (amount == null || !amount.isObject()) {
            throw error(path + ".offset", "An object like {\"days\": 3} is required.");
        }
        int sign = direction.equals("past") ? -1 : 1;
        ZonedDateTime at = from.atZone(callerOffset);
        for (String unit : List.of("years", "months", "weeks", "days", "hours", "minutes", "seconds")) {
            JsonNode value = amount.get(unit);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || Math.abs(value.intValue()) > 100_000) {
                throw error(path + ".offset." + unit, "A whole number up to 100000 is required.");
            }
            long n = (long) sign * value.intValue();
            at = switch (unit) {
                case "years" -> at.plusYears(n);
                case "months" -> at.plusMonths(n);
                case "weeks" -> at.plusWeeks(n);
                case "days" -> at.plusDays(n);
                case "hours" -> at.plusHours(n);
                case "minutes" -> at.plusMinutes(n);
                default -> at.plusSeconds(n);
            };
        }
        return at.toInstant();
    }

    /** {@code which}: the start (default) or the end of a day or period. */
    private static boolean end(JsonNode node, String path) {
        return either(node, "which", path, "start", "end");
    }

    /** {@code mode}: {@code full_words} (default) or {@code phrase}. */
    private static boolean phrase(JsonNode node, String path) {
        return either(node, "mode", path, "full_words", "phrase");
    }

    /** Whether {@code key} holds {@code second} rather than {@code first} (the default when absent). */
    private static boolean either(JsonNode node, String key, String path, String first, String second) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual() && (value.asText().equals(first) || value.asText().equals(second))) {
            return value.asText().equals(second);
        }
        throw error(path + "." + key, "Use " + first + " or " + second + ".");
    }

    private static List<String> values(JsonNode node, String key, String path) {
        JsonNode values = node.get(key);
        if (values == null || !values.isArray() || values.isEmpty() || values.size() > MAX_VALUES) {
            throw error(path + "." + key, "A list of 1 to " + MAX_VALUES + " values is required.");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (!value.isValueNode() || value.isNull()) {
                throw error(path + "." + key + "." + i, "A text, number or boolean is required.");
            }
            texts.add(checked(value.asText(), path + "." + key + "." + i));
        }
        return texts;
    }

    private static BigDecimal number(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().abs().compareTo(BigDecimal.TEN.pow(18)) > 0) {
            throw error(path + "." + key, "A number below 10^18 in absolute value is required.");
        }
        return value.decimalValue();
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw error(path + "." + key, "A text is required.");
        }
        return checked(value.asText(), path + "." + key);
    }

    private static String checked(String text, String path) {
        String problem = Optional.ofNullable(TextLimits.unstorable(text))
                .orElse(text.length() > MAX_TEXT ? "At most " + MAX_TEXT + " characters." : null);
        if (problem != null) {
            throw error(path, problem);
        }
        return text;
    }
}
