package dev.otai.core.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template form an infrastructure setting takes: exactly {@code {{ get_env('NAME') }}}. Infrastructure is read
 * before any template engine exists, so a secret there is either written out or read from the environment this way.
 */
final class GetEnv {

    private static final Pattern FORM = Pattern.compile("\\{\\{\\s*get_env\\(\\s*(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1\\s*\\)\\s*}}");

    private GetEnv() {
    }

    /** The variable {@code text} reads, when it is exactly a {@code get_env}. */
    static Optional<String> variable(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    /** Whether {@code text} holds template syntax (of some other form, when {@link #variable} found none). */
    static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }
}
