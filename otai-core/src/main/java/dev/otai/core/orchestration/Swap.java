package dev.otai.core.orchestration;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reload did to the runners, by id: kept (same runtime, schedule untouched), changed (a new runtime
 * after the old one's runs end), added, removed (stop after their runs end).
 */
public record Swap(List<String> kept, List<String> changed, List<String> added, List<String> removed,
                   List<RunnerRuntime> retiring, List<RunnerRuntime> started) {

    public Swap {
        kept = List.copyOf(kept);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retiring = List.copyOf(retiring);
        started = List.copyOf(started);
    }

    /** Waits until every runtime this swap retired has no run in flight or queued. */
    public void awaitRetired() throws InterruptedException {
        for (RunnerRuntime runtime : retiring) {
            runtime.awaitIdle();
        }
    }

    @Override
    public String toString() {
        return "kept " + kept + ", changed " + changed + ", added " + added + ", removed " + removed;
    }

    static final class Builder {
        private final List<String> kept = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private final List<String> added = new ArrayList<>();
        private final List<String> removed = new ArrayList<>();
        private final List<RunnerRuntime> retiring = new ArrayList<>();
        private final List<RunnerRuntime> started = new ArrayList<>();

        void kept(String id) {
            kept.add(id);
        }

        void changed(String id) {
            changed.add(id);
        }

        void added(String id) {
            added.add(id);
        }

        void removed(String id) {
            removed.add(id);
        }

        void retiring(RunnerRuntime runtime) {
            retiring.add(runtime);
        }

        void started(RunnerRuntime runtime) {
            started.add(runtime);
        }

        Swap build() {
            return new Swap(kept, changed, added, removed, retiring, started);
        }
    }
}
