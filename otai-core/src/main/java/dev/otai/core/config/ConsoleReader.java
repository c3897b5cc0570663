package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code infrastructure.console}. The token is either written out or exactly {@code {{ get_env('NAME') }}}:
 * infrastructure settings are read before any template engine exists, so that one form is all they take.
 */
final class ConsoleReader {

    private static final String PATH = "infrastructure.console";
    private static final Set<String> KEYS = Set.of("enabled", "token", "secure_cookie", "session_timeout");
    private static final String TOKEN_FORMS = "expected a text of at least " + ConsoleSettings.MIN_TOKEN_LENGTH
            + " characters, or {{ get_env('OTAI_CONSOLE_TOKEN') }}";

    private ConsoleReader() {
    }

    static ConsoleSettings console(MapNode infrastructure, Map<String, String> environment, Problems problems) {
        SectionReader section = new SectionReader(problems);
        Optional<MapNode> node = section.map(infrastructure, "console", PATH);
        if (node.isEmpty()) {
            return ConsoleSettings.disabled();
        }
        MapNode console = node.get();
        section.unknownKeys(console, KEYS, PATH);
        boolean enabled = section.bool(console, "enabled", PATH + ".enabled").orElse(true);
        boolean secure = section.bool(console, "secure_cookie", PATH + ".secure_cookie").orElse(false);
        Duration timeout = section.duration(console, "session_timeout", PATH + ".session_timeout", Duration.ofMinutes(1),
                "of at least 1 minute").orElse(ConsoleSettings.DEFAULT_SESSION_TIMEOUT);
        if (!enabled) {
            return new ConsoleSettings(false, null, secure, timeout);
        }
        Optional<String> unset = unsetVariable(console, environment);
        if (unset.isPresent()) {
            // fail closed, but let the rest of the config run: a console without its token stays off
            problems.warning(console.get("token").orElseThrow().location(), PATH + ".token", "'token' reads the environment "
                    + "variable " + unset.get() + ", which is not set; the web console is off until it is set (or put it in .env)");
            return new ConsoleSettings(false, null, secure, timeout);
        }
        String token = token(console, environment, problems);
        return new ConsoleSettings(token != null, token, secure, timeout);
    }

    /** The variable a {@code get_env} token reads when it is not set. */
    private static Optional<String> unsetVariable(MapNode console, Map<String, String> environment) {
        if (console.get("token").orElse(null) instanceof ScalarNode s && s.value() instanceof String text) {
            return GetEnv.variable(text).filter(name -> environment.get(name) == null || environment.get(name).isBlank());
        }
        return Optional.empty();
    }

    private static String token(MapNode console, Map<String, String> environment, Problems problems) {
        String path = PATH + ".token";
        Optional<ConfigNode> node = console.get("token");
        if (node.isEmpty()) {
            problems.error(console.location(), path, "the console needs a 'token' to sign in with; " + TOKEN_FORMS);
            return null;
        }
        if (!(node.get() instanceof ScalarNode scalar) || !(scalar.value() instanceof String text)) {
            String kind = node.get() instanceof ScalarNode s && s.value() != null ? "not a text" : node.get() instanceof ScalarNode ? "empty" : node.get().describe();
            problems.error(node.get(), path, "'token' was " + kind + "; " + TOKEN_FORMS);
            return null;
        }
        String token = text;
        Optional<String> variable = GetEnv.variable(text);
        if (variable.isPresent()) {
            token = environment.get(variable.get());
        } else if (GetEnv.isTemplate(text)) {
            problems.error(scalar, path, "'token' is a template other than get_env; " + TOKEN_FORMS);
            return null;
        }
        if (token.strip().length() < ConsoleSettings.MIN_TOKEN_LENGTH) {
            // the value is a secret: say how long it is, never what it is
            problems.error(scalar, path, "'token' has " + token.strip().length() + " characters; " + TOKEN_FORMS);
            return null;
        }
        return token.strip();
    }
}
