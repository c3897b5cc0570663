package dev.otai.core;

import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every engine event, for assertions. */
public final class RecordingListener implements EngineListener {

    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(EngineEvent event) {
        events.add(event);
    }

    public <T extends EngineEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<EngineEvent.RunFinished> finished(String runnerId) {
        return of(EngineEvent.RunFinished.class).stream().filter(e -> e.runnerId().equals(runnerId)).toList();
    }
}
