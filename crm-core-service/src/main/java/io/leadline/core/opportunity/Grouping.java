package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.ValidationException;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@code _group_by} of the opportunity list. The database sums per user or per day won (few rows), and the days are
 * folded into weeks, months, quarters or years here, so one aggregate query serves every grouping.
 */
enum Grouping {
    USER_ID("user_id", "o.user_id"),
    WEEK("date_won__week", "o.date_won"),
    MONTH("date_won__month", "o.date_won"),
    QUARTER("date_won__quarter", "o.date_won"),
    YEAR("date_won__year", "o.date_won");

    final String parameter;
    /** What the aggregate query groups by. */
    final String sqlKey;

    Grouping(String parameter, String sqlKey) {
        this.parameter = parameter;
        this.sqlKey = sqlKey;
    }

    /** A requested grouping with its direction ({@code -} reverses the order of groups). */
    record Request(Grouping grouping, boolean descending) {

        /** Whole groups first, so a page holds each group's objects together. Opportunities never won come last. */
        String order() {
            String direction = descending ? " desc" : " asc";
            if (grouping == USER_ID) {
                // Close orders user groups by the user's name.
                return "o.user_name" + direction + " nulls last, o.user_id" + direction;
            }
            return "o.date_won" + direction + " nulls last";
        }
    }

    static Request parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        boolean descending = trimmed.startsWith("-");
        String name = descending ? trimmed.substring(1) : trimmed;
        for (Grouping grouping : values()) {
            if (grouping.parameter.equals(name)) {
                return new Request(grouping, descending);
            }
        }
        throw ValidationException.field("_group_by", "Grouping by \"" + name + "\" is not supported. Choose from: "
                + Arrays.stream(values()).map(g -> g.parameter).collect(Collectors.joining(", ")) + ".");
    }

    /** What a page row tells about its group: the opportunity's user and date won. */
    record Sample(String userId, String userName, LocalDate dateWon) {
    }

    /** The group key of an opportunity, from its user id or date won (null for a group of never-won ones). */
    String key(Sample opportunity) {
        return this == USER_ID ? opportunity.userId() : dateKey(opportunity.dateWon());
    }

    /** The group key of a row of the aggregate query, whose first column is {@link #sqlKey}. */
    String key(Object sqlKeyValue) {
        return this == USER_ID ? (String) sqlKeyValue : dateKey((LocalDate) sqlKeyValue);
    }

    private String dateKey(LocalDate date) {
        if (date == null) {
            return null;
        }
        return switch (this) {
            case WEEK -> String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(date.getYear());
            case USER_ID -> throw new IllegalStateException("not a date grouping");
        };
    }

    /** The fields Close describes each group with besides its key: year/month/... or user id and name. */
    void describe(ObjectNode group, Sample sample) {
        if (this == USER_ID) {
            group.put("user_id", sample.userId());
            group.put("user_name", sample.userName());
            return;
        }
        LocalDate date = sample.dateWon();
        Integer year = date == null ? null : date.getYear();
        switch (this) {
            case WEEK -> {
                group.put("weekyear", date == null ? null : date.get(IsoFields.WEEK_BASED_YEAR));
                group.put("week", date == null ? null : date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case MONTH -> {
                group.put("year", year);
                group.put("month", date == null ? null : date.getMonthValue());
            }
            case QUARTER -> {
                group.put("year", year);
                group.put("quarter", date == null ? null : date.get(IsoFields.QUARTER_OF_YEAR));
            }
            case YEAR -> group.put("year", year);
            default -> throw new IllegalStateException();
        }
    }
}
