package dev.otai.core.schema;

import dev.otai.core.registry.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The regular expression (ECMA-262, as JSON Schema uses) that matches every spelling of one registered type that
 * {@link TypeName} and the registry accept: {@code plugin:Name}, OTAI's package prefixes ({@code otai_hf_local:},
 * {@code open_ticket_ai.base.triggers.interval_trigger:}), any letter case, and the bare name when no other
 * plugin registers it.
 */
final class UsePattern {

    private UsePattern() {
    }

    /** The pattern for {@code plugin:name}; {@code bareAllowed} when the name alone resolves to it. */
    static String of(String plugin, String name, boolean bareAllowed) {
        String prefix = "(?:" + String.join("|", prefixes(plugin)) + ")(?:\\.[^:]*)?:\\s*";
        return "^\\s*(?:" + prefix + ")" + (bareAllowed ? "?" : "") + caseless(name) + "\\s*$";
    }

    /** The first segment of a prefix that {@link TypeName#normalisePlugin} turns into {@code plugin}. */
    private static List<String> prefixes(String plugin) {
        String words = separators(plugin);
        var out = new ArrayList<String>();
        out.add("(?:" + caseless("otai") + "[-_])?" + words);
        if (plugin.equals("base")) {
            out.add(caseless("otai"));
            out.add(separators("open-ticket-ai"));
        }
        return out;
    }

    /** The hyphenated name with each hyphen written as {@code -} or {@code _}, letters in any case. */
    private static String separators(String hyphenated) {
        List<String> parts = new ArrayList<>();
        for (String word : hyphenated.split("-", -1)) {
            parts.add(caseless(word));
        }
        return String.join("[-_]", parts);
    }

    /** {@code Ab1} as {@code [aA][bB]1}: JSON Schema patterns have no case-insensitive flag. */
    static String caseless(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
            String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
            if (!lower.equals(upper)) {
                out.append('[').append(lower).append(upper).append(']');
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.toString();
    }
}
