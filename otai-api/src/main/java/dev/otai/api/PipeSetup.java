package dev.otai.api;

/** What a {@link PipeType} gets to create one pipe: its id and place, its injected services, engine facilities. */
public interface PipeSetup {

    String id();

    String path();

    /** The service injected under {@code slot}; the engine checked at load time that it provides {@code type}. */
    <T> T service(String slot, Class<T> type);

    /** Whether an inject was given for {@code slot}. */
    boolean hasService(String slot);

    /**
     * An engine facility by type, for example {@link java.time.InstantSource} (the engine's clock). Throws
     * {@link IllegalStateException} naming the type when the engine offers none.
     */
    <T> T facility(Class<T> type);
}
