package dev.otai.core.orchestration;

/** Receives {@link EngineEvent}s; called on the thread that caused the event, so it must be quick. */
@FunctionalInterface
public interface EngineListener {

    void on(EngineEvent event);

    EngineListener NONE = event -> { };
}
