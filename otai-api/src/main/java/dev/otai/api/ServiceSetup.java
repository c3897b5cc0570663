package dev.otai.api;

/** What a {@link ServiceType} gets to create its instance: its id, its rendered params, other services. */
public interface ServiceSetup {

    String id();

    /** Params rendered once, with no run context ({@code get_env} works; pipe results do not exist yet). */
    Params params();

    <T> T service(String slot, Class<T> type);

    boolean hasService(String slot);

    <T> T facility(Class<T> type);
}
