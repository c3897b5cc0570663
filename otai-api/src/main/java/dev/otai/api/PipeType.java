package dev.otai.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A registered kind of pipe: what {@code use: plugin:Name} names. Declares its params and the service slots it
 * accepts through {@code injects}, and creates pipe instances once per config node.
 */
public interface PipeType {

    /** The name after the colon in {@code use}, for example {@code CompositePipe}. */
    String name();

    /** One sentence for {@code otai plugins}. */
    String description();

    /** Declared params, in the order the docs list them: the specs of the type's {@link Param} keys. */
    List<ParamSpec> params();

    /** Whether params not declared are accepted (and passed on to children as parent params). */
    default boolean acceptsExtraParams() {
        return false;
    }

    /** Service slots: inject key to the service interface it must provide. */
    default Map<String, Class<?>> injects() {
        return Map.of();
    }

    /** Whether pipes of this type are triggers (implement {@link Trigger}); only triggers may be a runner's {@code on}. */
    default boolean isTrigger() {
        return false;
    }

    /**
     * Whether the pipes of this type's pipe-list params run independently (runners of an orchestrator) rather
     * than in sequence, where each sees the results of the ones before it (steps of a composite).
     */
    default boolean independentChildren() {
        return false;
    }

    /**
     * Names of run values this pipe puts in its children's context, such as a for-each's current item; checked
     * templates may refer to them. Gets the params given in the config as in {@link #check}.
     */
    default Set<String> valuesForChildren(Map<String, Object> givenParams) {
        return Set.of();
    }

    /**
     * Checks that involve several params, at load time; returns one message per problem (for example "no
     * interval"). Gets every param given in the config as a plain value; a value that holds a template is
     * passed as its template text, since it is known only when it renders. A message that starts with the name
     * of a given param, or a dotted path into it ({@code "interval was 0s; …"}, {@code "retry.attempts was 0; …"}),
     * is reported at that value's line and column; any other message at the pipe's.
     */
    default List<String> check(Map<String, Object> givenParams) {
        return List.of();
    }

    /** Creates the pipe for one config node; called once, after the whole config validated. */
    Pipe create(PipeSetup setup) throws Exception;

    /** A pipe type defined by its parts, for plugins that need no class of their own for the type. */
    static PipeType of(String name, String description, List<? extends Param<?>> params, Map<String, Class<?>> injects,
                       boolean acceptsExtraParams, PipeFactory factory) {
        return new SimplePipeType(name, description, specs(params), Map.copyOf(injects), acceptsExtraParams,
                false, given -> List.of(), factory);
    }

    /** A trigger type defined by its parts; its pipes must implement {@link Trigger}. */
    static PipeType trigger(String name, String description, List<? extends Param<?>> params, PipeFactory factory) {
        return trigger(name, description, params, given -> List.of(), factory);
    }

    /** A trigger type with a load-time {@link #check} of its params. */
    static PipeType trigger(String name, String description, List<? extends Param<?>> params,
                            Function<Map<String, Object>, List<String>> check, PipeFactory factory) {
        return new SimplePipeType(name, description, specs(params), Map.of(), false, true, check, factory);
    }

    /** The specs of typed keys, in order. */
    static List<ParamSpec> specs(List<? extends Param<?>> params) {
        return params.stream().map(Param::spec).toList();
    }

    @FunctionalInterface
    interface PipeFactory {
        Pipe create(PipeSetup setup) throws Exception;
    }
}
