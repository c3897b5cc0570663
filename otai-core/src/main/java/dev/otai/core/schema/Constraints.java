package dev.otai.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a param's constraint into JSON Schema keywords ({@code minimum}, {@code maximum}, {@code enum}) where it can
 * be known for sure. A {@link ParamSpec}'s constraint is a predicate with a text ("an integer in [1,20]", "one of
 * json_object, json_schema, none"); the text proposes bounds or values, and the predicate itself must confirm
 * each of them (the bound passes, the value just past it fails; every listed value passes, an unlisted one fails),
 * so a schema never refuses a value the engine accepts. A constraint that cannot be confirmed adds nothing but its
 * text, in the description.
 */
final class Constraints {

    private static final Pattern RANGE = Pattern.compile("(?:in \\[|from )\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:,|to)\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\]?");
    private static final Pattern AT_LEAST = Pattern.compile("(?:of at least|or more|^)\\s*(-?\\d+)(?: \\(\\w+\\) or more| or more)?");
    private static final Pattern ONE_OF = Pattern.compile("^(?:one of )?([a-z_]+(?:, [a-z_]+)*(?:,? or [a-z_]+)?)$");

    private Constraints() {
    }

    static void apply(ParamSpec spec, ObjectNode schema) {
        Predicate<Object> check = spec.constraint();
        if (check == null) {
            return;
        }
        String text = spec.constraintText();
        boolean numeric = spec.kind() == ParamKind.INTEGER || spec.kind() == ParamKind.NUMBER;
        if (numeric) {
            bounds(spec, text, schema);
        } else if (spec.kind() == ParamKind.STRING) {
            values(check, text).ifPresent(values -> values.forEach(schema.putArray("enum")::add));
        }
    }

    private static void bounds(ParamSpec spec, String text, ObjectNode schema) {
        Matcher range = RANGE.matcher(text);
        if (range.find()) {
            double low = Double.parseDouble(range.group(1));
            double high = Double.parseDouble(range.group(2));
            if (holds(spec, low) && holds(spec, high) && !holds(spec, below(spec, low)) && !holds(spec, above(spec, high))) {
                put(schema, "minimum", low);
                put(schema, "maximum", high);
            }
            return;
        }
        Matcher least = AT_LEAST.matcher(text);
        if (text.contains("least") || text.contains("or more")) {
            if (least.find() && least.group(1) != null) {
                double low = Double.parseDouble(least.group(1));
                if (holds(spec, low) && !holds(spec, below(spec, low))) {
                    put(schema, "minimum", low);
                }
            }
        }
    }

    private static double below(ParamSpec spec, double value) {
        return spec.kind() == ParamKind.INTEGER ? value - 1 : Math.nextDown(value);
    }

    private static double above(ParamSpec spec, double value) {
        return spec.kind() == ParamKind.INTEGER ? value + 1 : Math.nextUp(value);
    }

    private static boolean holds(ParamSpec spec, double value) {
        Object converted = spec.kind() == ParamKind.INTEGER ? (Object) (long) value : (Object) value;
        try {
            return spec.constraint().test(converted);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void put(ObjectNode schema, String key, double value) {
        if (value == Math.rint(value)) {
            schema.put(key, (long) value);
        } else {
            schema.put(key, value);
        }
    }

    private static Optional<List<String>> values(Predicate<Object> check, String text) {
        Matcher m = ONE_OF.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        var values = new ArrayList<String>();
        for (String part : m.group(1).split(",? or |, ")) {
            values.add(part.strip());
        }
        try {
            boolean all = values.stream().allMatch(check::test);
            boolean strict = !check.test("\u0000not-one-of-them");
            return all && strict && values.size() > 1 ? Optional.of(List.copyOf(values)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
