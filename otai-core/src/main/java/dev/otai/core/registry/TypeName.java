package dev.otai.core.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code use} reference split into plugin and type name. Accepts {@code base:Name}, OTAI's spellings of the
 * built-in plugin ({@code otai_base:Name}, {@code open_ticket_ai.base:Name}, module paths such as
 * {@code open_ticket_ai.base.triggers.interval_trigger:IntervalTrigger}), package-style prefixes of other
 * plugins ({@code otai_hf_local:…} is {@code hf-local}), and a bare {@code Name}.
 *
 * @param plugin the normalised plugin name, or empty for a bare name
 * @param name   the type name
 */
public record TypeName(Optional<String> plugin, String name) {

    public static TypeName parse(String use) {
        String text = use.strip();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new TypeName(Optional.empty(), text);
        }
        return new TypeName(Optional.of(normalisePlugin(text.substring(0, colon))), text.substring(colon + 1).strip());
    }

    /** {@code otai_base} → {@code base}; {@code open_ticket_ai.base.x} → {@code base}; {@code otai_hf_local} → {@code hf-local}. */
    public static String normalisePlugin(String prefix) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        String first = p.contains(".") ? p.substring(0, p.indexOf('.')) : p;
        String normal = first.replace('_', '-');
        if (normal.equals("open-ticket-ai") || normal.equals("otai")) {
            return "base";
        }
        if (normal.startsWith("otai-")) {
            normal = normal.substring("otai-".length());
        }
        return normal;
    }

    @Override
    public String toString() {
        return plugin.map(p -> p + ":").orElse("") + name;
    }
}
