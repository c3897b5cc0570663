package dev.otai.support.webhook;

import java.util.Locale;

/** A value from a parsed webhook payload as text: ids that JSON gave as numbers without ".0", JSON null as empty. */
public final class PayloadText {

    private PayloadText() {
    }

    /** {@code value} stripped, or empty for null and {@code "null"}; a whole number without a fraction. */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString().strip().toLowerCase(Locale.ROOT).equals("null") ? "" : value.toString().strip();
    }

    /** The first of {@code values} that is not empty as text, or empty. */
    public static String first(Object... values) {
        for (Object value : values) {
            String text = of(value);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
