package dev.otai.api;

/** The type of a param, which decides how the engine checks and converts its rendered value. */
public enum ParamKind {
    /** Text. Numbers and booleans are converted to their text. */
    STRING("a string"),
    /** A whole number. Text holding a whole number (for example from an environment override) is converted. */
    INTEGER("an integer"),
    /** Any number. Text holding a number is converted. */
    NUMBER("a number"),
    /** {@code true} or {@code false}; the text {@code "true"}/{@code "false"} is converted. */
    BOOLEAN("a boolean"),
    /** ISO-8601 ({@code PT0.5S}), {@code H:MM:SS[.f]} or a number of seconds; converted to {@link java.time.Duration}. */
    DURATION("a duration (ISO-8601 like PT5M, H:MM:SS, or seconds)"),
    /** A mapping. */
    MAP("a mapping"),
    /** A list. */
    LIST("a list"),
    /** Any value, kept as rendered. */
    ANY("any value"),
    /** One nested pipe config, built at load time and rendered only when it runs. */
    PIPE("a pipe config (a mapping with 'use')"),
    /** A list of nested pipe configs, built at load time and rendered only when each runs. */
    PIPES("a list of pipe configs"),
    /**
     * One trigger config or a list of them; an entry holding only {@code id} refers to a trigger defined
     * elsewhere in the config, so one trigger can notify several runners.
     */
    TRIGGERS("a trigger config or a list of them");

    private final String expectation;

    ParamKind(String expectation) {
        this.expectation = expectation;
    }

    /** How error messages describe a value of this kind, for example "an integer". */
    public String expectation() {
        return expectation;
    }

    /** True for kinds whose values are pipe configs rather than data. */
    public boolean holdsPipes() {
        return this == PIPE || this == PIPES || this == TRIGGERS;
    }
}
