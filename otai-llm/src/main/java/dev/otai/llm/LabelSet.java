package dev.otai.llm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The labels the model may answer, in config order, each with an optional description for the prompt. Answers are
 * matched after trimming and ignoring case, and reported with the label's configured spelling.
 */
record LabelSet(Map<String, String> descriptions) {

    static final String EXPECTED = "a non-empty list of label names, or a mapping of label name to description, "
            + "with names unique ignoring case";

    LabelSet {
        Optional<String> problem = problem(descriptions);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("labels " + problem.get() + "; expected " + EXPECTED);
        }
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    }

    /** Reads the {@code labels} param: a list of names or a mapping of name to description. */
    static LabelSet parse(Object value) {
        var out = new LinkedHashMap<String, String>();
        if (value instanceof List<?> list) {
            list.forEach(name -> out.put(text(name), ""));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((name, description) -> out.put(text(name), description == null ? "" : text(description)));
        } else {
            throw new IllegalArgumentException("labels was " + value + "; expected " + EXPECTED);
        }
        return new LabelSet(out);
    }

    /** Whether a param value can be read by {@link #parse}; used as the param's load-time constraint. */
    static boolean acceptable(Object value) {
        try {
            parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    List<String> names() {
        return List.copyOf(descriptions.keySet());
    }

    /** The configured label that the answer names, ignoring case and surrounding whitespace. */
    Optional<String> match(String answer) {
        String wanted = answer.strip();
        return descriptions.keySet().stream().filter(name -> name.strip().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Labels whose name starts with {@code prefix}, ignoring case. */
    List<String> startingWith(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        var out = new ArrayList<String>();
        for (String name : descriptions.keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith(lower)) {
                out.add(name);
            }
        }
        return out;
    }

    private static Optional<String> problem(Map<String, String> descriptions) {
        if (descriptions.isEmpty()) {
            return Optional.of("is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String name : descriptions.keySet()) {
            if (name.isBlank()) {
                return Optional.of("has a blank name");
            }
            if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of("has \"" + name + "\" twice");
            }
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("labels has an entry " + value + " that is not text; expected " + EXPECTED);
        }
        return value.toString();
    }
}
