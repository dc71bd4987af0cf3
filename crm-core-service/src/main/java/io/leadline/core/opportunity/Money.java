package io.leadline.core.opportunity;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** Opportunity value arithmetic in cents, shared by the wire form and the list aggregates so both agree. */
final class Money {

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥",
            "CAD", "CA$", "AUD", "A$", "INR", "₹");

    private Money() {
    }

    /** Monthly values count twelve times a year; one-time and annual values count once. */
    static Long annualized(Long cents, String period) {
        if (cents == null) {
            return null;
        }
        return Opportunity.MONTHLY.equals(period) ? cents * 12 : cents;
    }

    /** The value weighted by confidence, in whole cents (rounded down, as the SQL aggregates do). */
    static Long expected(Long cents, int confidence) {
        return cents == null ? null : cents * confidence / 100;
    }

    /** {@code 100000} USD → {@code "$1,000"}; cents appear only when there are any ({@code "$1,000.50"}). */
    static String formatted(Long cents, String currency) {
        if (cents == null) {
            return null;
        }
        BigDecimal amount = BigDecimal.valueOf(Math.abs(cents), 2);
        String pattern = cents % 100 == 0 ? "#,##0" : "#,##0.00";
        String number = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
        String symbol = SYMBOLS.getOrDefault(currency, currency + " ");
        return (cents < 0 ? "-" : "") + symbol + number;
    }
}
