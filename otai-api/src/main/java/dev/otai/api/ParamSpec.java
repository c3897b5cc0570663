package dev.otai.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Declares one param of a pipe or service type: its name, kind, whether it is required, its default, and an
 * optional constraint. The engine checks literal values at load time and rendered template values right
 * before the pipe runs, with the same rules, and names this spec in every error.
 *
 * @param name        the key under {@code params}
 * @param kind        how the value is checked and converted
 * @param required    whether the key must be present
 * @param defaultValue the value used when the key is absent, already of the kind's Java type, or null
 * @param description one line for {@code otai plugins} and the docs
 * @param secret      whether the value must never appear in logs, errors or run history
 * @param constraint  an extra check on the converted value, or null
 * @param constraintText what the constraint expects, for error messages (for example "a number in [0,1]")
 * @param aliases     other keys accepted for this param
 */
public record ParamSpec(String name, ParamKind kind, boolean required, Object defaultValue, String description,
                        boolean secret, Predicate<Object> constraint, String constraintText, List<String> aliases) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        description = Objects.requireNonNullElse(description, "");
        constraintText = Objects.requireNonNullElse(constraintText, "");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
    }

    public static ParamSpec of(String name, ParamKind kind) {
        return new ParamSpec(name, kind, false, null, "", false, null, "", List.of());
    }

    public static ParamSpec string(String name) {
        return of(name, ParamKind.STRING);
    }

    public static ParamSpec integer(String name) {
        return of(name, ParamKind.INTEGER);
    }

    public static ParamSpec number(String name) {
        return of(name, ParamKind.NUMBER);
    }

    public static ParamSpec bool(String name) {
        return of(name, ParamKind.BOOLEAN);
    }

    public static ParamSpec duration(String name) {
        return of(name, ParamKind.DURATION);
    }

    public static ParamSpec map(String name) {
        return of(name, ParamKind.MAP);
    }

    public static ParamSpec list(String name) {
        return of(name, ParamKind.LIST);
    }

    public static ParamSpec any(String name) {
        return of(name, ParamKind.ANY);
    }

    public ParamSpec mandatory() {
        return new ParamSpec(name, kind, true, null, description, secret, constraint, constraintText, aliases);
    }

    public ParamSpec defaultsTo(Object value) {
        return new ParamSpec(name, kind, false, value, description, secret, constraint, constraintText, aliases);
    }

    public ParamSpec describedAs(String text) {
        return new ParamSpec(name, kind, required, defaultValue, text, secret, constraint, constraintText, aliases);
    }

    public ParamSpec secretValue() {
        return new ParamSpec(name, kind, required, defaultValue, description, true, constraint, constraintText, aliases);
    }

    public ParamSpec aliasedAs(String... names) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                List.of(names));
    }

    /** Adds a check on the converted value; {@code expected} completes "expected …" in error messages. */
    public ParamSpec constrained(Predicate<Object> check, String expected) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, check, expected, aliases);
    }

    /** What a valid value looks like, for error messages. */
    public String expectation() {
        return constraintText.isEmpty() ? kind.expectation() : constraintText;
    }
}
