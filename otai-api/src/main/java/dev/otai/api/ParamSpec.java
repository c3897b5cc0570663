package dev.otai.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one param (or one key inside a mapping param, or the items of a list param) accepts: its name, kind,
 * whether it is required, its default, its allowed values and, for mappings and lists, the shape of what they
 * hold. Plugins declare params as typed {@link Param} keys; this record is the description the engine checks
 * values against and that tools ({@code otai plugins}, {@code otai schema}) read. The engine checks literal values
 * at load time and rendered template values right before the pipe runs, with the same rules, and names the exact
 * key or value at fault in every error.
 *
 * @param name           the key under {@code params} (or inside the enclosing mapping)
 * @param kind           how the value is checked and converted
 * @param required       whether the key must be present
 * @param defaultValue   the value used when the key is absent, already of the kind's Java type, or null
 * @param description    one line for {@code otai plugins}, the docs and the JSON schema
 * @param secret         whether the value must never appear in logs, errors or run history
 * @param constraint     an extra check on the converted value, or null
 * @param constraintText what the constraint expects, for error messages (for example "a number in [0,1]")
 * @param aliases        other keys accepted for this param; the value is handed to the pipe under {@link #name}
 * @param choices        the only values accepted (compared as text), or empty for any value of the kind
 * @param fields         for a {@link ParamKind#MAP}: the keys it may hold, each described the same way; empty when
 *                       its keys are free
 * @param otherKeys      for a {@link ParamKind#MAP} with fields: whether keys not among them are accepted (and passed
 *                       on as given); a mapping without fields accepts any key
 * @param items          for a {@link ParamKind#LIST}: what each item must be; for a {@link ParamKind#MAP} without
 *                       fields: what each value must be; null for any value
 * @param alternatives   for a param that accepts several shapes (a number or a mapping): each shape, tried in
 *                       order; the first that accepts the value converts it. Empty for a param of one kind
 */
public record ParamSpec(String name, ParamKind kind, boolean required, Object defaultValue, String description,
                        boolean secret, Predicate<Object> constraint, String constraintText, List<String> aliases,
                        List<String> choices, List<ParamSpec> fields, boolean otherKeys, ParamSpec items,
                        List<ParamSpec> alternatives) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        description = Objects.requireNonNullElse(description, "");
        constraintText = Objects.requireNonNullElse(constraintText, "");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        choices = List.copyOf(choices == null ? List.of() : choices);
        fields = List.copyOf(fields == null ? List.of() : fields);
        alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
    }

    /** A spec of a kind with nothing else declared. */
    public static ParamSpec of(String name, ParamKind kind) {
        return new ParamSpec(name, kind, false, null, "", false, null, "", List.of(), List.of(), List.of(), true, null,
                List.of());
    }

    /** Whether this mapping declares its keys, so that a key it does not know is an error unless {@link #otherKeys}. */
    public boolean hasFields() {
        return !fields.isEmpty();
    }

    /** The declared field under {@code key} or one of its aliases. */
    public Optional<ParamSpec> field(String key) {
        return fields.stream().filter(f -> f.name().equals(key) || f.aliases().contains(key)).findFirst();
    }

    /** What a valid value looks like, for error messages. */
    public String expectation() {
        if (!constraintText.isEmpty()) {
            return constraintText;
        }
        if (!choices.isEmpty()) {
            return "one of: " + String.join(", ", choices);
        }
        if (!alternatives.isEmpty()) {
            return String.join(" or ", alternatives.stream().map(ParamSpec::expectation).toList());
        }
        if (hasFields()) {
            return "a mapping with keys " + String.join(", ", fields.stream().map(ParamSpec::name).toList());
        }
        if (items != null && kind == ParamKind.LIST) {
            return "a list of " + items.expectation().replaceFirst("^an? ", "") + "s";
        }
        return kind.expectation();
    }

    ParamSpec withRequired(boolean value) {
        return new ParamSpec(name, kind, value, value ? null : defaultValue, description, secret, constraint,
                constraintText, aliases, choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withDefault(Object value) {
        return new ParamSpec(name, kind, false, value, description, secret, constraint, constraintText, aliases,
                choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withDescription(String text) {
        return new ParamSpec(name, kind, required, defaultValue, text, secret, constraint, constraintText, aliases,
                choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withSecret() {
        return new ParamSpec(name, kind, required, defaultValue, description, true, constraint, constraintText,
                aliases, choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withAliases(List<String> names) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                names, choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withConstraint(Predicate<Object> check, String expected) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, check, expected, aliases,
                choices, fields, otherKeys, items, alternatives);
    }

    ParamSpec withChoices(List<String> values) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                aliases, values, fields, otherKeys, items, alternatives);
    }

    ParamSpec withFields(List<ParamSpec> declared, boolean others) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                aliases, choices, declared, others, items, alternatives);
    }

    ParamSpec withItems(ParamSpec item) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                aliases, choices, fields, otherKeys, item, alternatives);
    }

    ParamSpec withAlternatives(List<ParamSpec> shapes) {
        return new ParamSpec(name, kind, required, defaultValue, description, secret, constraint, constraintText,
                aliases, choices, fields, otherKeys, items, shapes);
    }

    ParamSpec named(String newName) {
        return new ParamSpec(newName, kind, required, defaultValue, description, secret, constraint, constraintText,
                aliases, choices, fields, otherKeys, items, alternatives);
    }
}
