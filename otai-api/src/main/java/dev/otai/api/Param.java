package dev.otai.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A typed param key, declared once and used both to declare the param and to read it:
 *
 * <pre>{@code
 * static final Param<Long> TOP_K = Param.integer("top_k").defaultsTo(3L).describedAs("how many labels");
 * static final PipeType TYPE = PipeType.of("Rank", "…", List.of(TOP_K), Map.of(), false, setup -> new Rank());
 * ...
 * long k = params.get(TOP_K);
 * }</pre>
 *
 * The value a pipe reads is already of the kind's Java type: {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@link Duration}, {@code Map<String, Object>}, {@code List<Object>}, {@link PipeNode}, or
 * {@code List<PipeNode>}. Mappings and lists can declare what they hold ({@link #withFields}, {@link #ofItems}),
 * and the engine then checks every nested key and value as it checks top-level params. Keys are immutable: each
 * method returns a new key. {@link #spec()} is the description tools read.
 *
 * @param <T> the Java type of the converted value
 */
public final class Param<T> {

    private final ParamSpec spec;

    private Param(ParamSpec spec) {
        this.spec = spec;
    }

    public static Param<String> string(String name) {
        return of(name, ParamKind.STRING);
    }

    public static Param<Long> integer(String name) {
        return of(name, ParamKind.INTEGER);
    }

    public static Param<Double> number(String name) {
        return of(name, ParamKind.NUMBER);
    }

    public static Param<Boolean> bool(String name) {
        return of(name, ParamKind.BOOLEAN);
    }

    public static Param<Duration> duration(String name) {
        return of(name, ParamKind.DURATION);
    }

    public static Param<Map<String, Object>> map(String name) {
        return of(name, ParamKind.MAP);
    }

    public static Param<List<Object>> list(String name) {
        return of(name, ParamKind.LIST);
    }

    /** Any value, kept as rendered. */
    public static Param<Object> any(String name) {
        return of(name, ParamKind.ANY);
    }

    /** One nested pipe config, rendered only when it runs. */
    public static Param<PipeNode> pipe(String name) {
        return of(name, ParamKind.PIPE);
    }

    /** A list of nested pipe configs; absent reads as an empty list. */
    public static Param<List<PipeNode>> pipes(String name) {
        return of(name, ParamKind.PIPES);
    }

    /** One trigger config or a list of them (or references by id); absent reads as an empty list. */
    public static Param<List<PipeNode>> triggers(String name) {
        return of(name, ParamKind.TRIGGERS);
    }

    /**
     * A param that accepts several shapes, for example a number of attempts or a mapping of retry settings. A
     * value is converted by the shape of its own type first (a mapping by a mapping shape), then by the first
     * shape that accepts it; the shapes' names are ignored.
     */
    public static Param<Object> either(String name, Param<?>... shapes) {
        List<ParamSpec> specs = Arrays.stream(shapes).map(shape -> shape.spec.named(name)).toList();
        return new Param<>(ParamSpec.of(name, ParamKind.ANY).withAlternatives(specs));
    }

    private static <V> Param<V> of(String name, ParamKind kind) {
        return new Param<>(ParamSpec.of(name, kind));
    }

    /** The description the engine checks values against and tools read. */
    public ParamSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The key must be given. */
    public Param<T> mandatory() {
        return new Param<>(spec.withRequired(true));
    }

    /** The value used when the key is absent. */
    public Param<T> defaultsTo(T value) {
        return new Param<>(spec.withDefault(Objects.requireNonNull(value, "default")));
    }

    public Param<T> describedAs(String text) {
        return new Param<>(spec.withDescription(text));
    }

    /** The value never appears in logs, errors or run history. */
    public Param<T> secretValue() {
        return new Param<>(spec.withSecret());
    }

    /** Other keys accepted for this one; the pipe reads the value through this key whichever was written. */
    public Param<T> aliasedAs(String... names) {
        return new Param<>(spec.withAliases(List.of(names)));
    }

    /** Adds a check on the converted value; {@code expected} completes "expected …" in error messages. */
    @SuppressWarnings("unchecked")
    public Param<T> constrained(Predicate<? super T> check, String expected) {
        Predicate<Object> onValue = value -> check.test((T) value);
        return new Param<>(spec.withConstraint(onValue, expected));
    }

    /** The only values accepted, compared as text. */
    public Param<T> oneOf(String... values) {
        return new Param<>(spec.withChoices(List.of(values)));
    }

    /**
     * The keys this mapping may hold; any other key is an error (with a "did you mean") unless
     * {@link #allowingOtherKeys()}. Each field is checked and converted like a param; aliases are handed over under
     * the field's name.
     */
    public Param<T> withFields(Param<?>... fields) {
        requireKind(ParamKind.MAP, "withFields");
        return new Param<>(spec.withFields(Arrays.stream(fields).map(Param::spec).toList(), false));
    }

    /** Keys besides the declared fields are accepted and passed on as given. */
    public Param<T> allowingOtherKeys() {
        requireKind(ParamKind.MAP, "allowingOtherKeys");
        return new Param<>(spec.withFields(spec.fields(), true));
    }

    /** What each item of this list must be; the item's name is ignored. */
    public Param<T> ofItems(Param<?> item) {
        requireKind(ParamKind.LIST, "ofItems");
        return new Param<>(spec.withItems(item.spec.named("item")));
    }

    /** What each value of this mapping must be, for mappings whose keys are free (names chosen by the user). */
    public Param<T> withValues(Param<?> value) {
        requireKind(ParamKind.MAP, "withValues");
        return new Param<>(spec.withItems(value.spec.named("value")));
    }

    /**
     * The value as this key's type. Nested pipe lists accept a single pipe; absent lists of pipes read as empty.
     */
    @SuppressWarnings("unchecked")
    T cast(Object value) {
        if (spec.kind() == ParamKind.PIPES || spec.kind() == ParamKind.TRIGGERS) {
            if (value == null) {
                return (T) List.of();
            }
            if (value instanceof PipeNode node) {
                return (T) List.of(node);
            }
        }
        return (T) value;
    }

    private void requireKind(ParamKind kind, String method) {
        if (spec.kind() != kind) {
            throw new IllegalStateException("param '" + spec.name() + "' is " + spec.kind().expectation() + "; "
                    + method + " applies to " + kind.expectation());
        }
    }

    @Override
    public String toString() {
        return "Param[" + spec.name() + ": " + spec.kind() + "]";
    }
}
