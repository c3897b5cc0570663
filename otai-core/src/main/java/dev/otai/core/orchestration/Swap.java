package dev.otai.core.orchestration;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reload did to the runners, by id: kept (same runtime, schedule untouched), changed (a new runtime
 * after the old one's runs end), added, removed (stop after their runs end).
 */
public final class Swap {

    private final List<String> kept;
    private final List<String> changed;
    private final List<String> added;
    private final List<String> removed;
    private final List<RunnerRuntime> retiring;
    private final List<RunnerRuntime> started;

    private Swap(Builder built) {
        this.kept = List.copyOf(built.kept);
        this.changed = List.copyOf(built.changed);
        this.added = List.copyOf(built.added);
        this.removed = List.copyOf(built.removed);
        this.retiring = List.copyOf(built.retiring);
        this.started = List.copyOf(built.started);
    }

    public List<String> kept() {
        return kept;
    }

    public List<String> changed() {
        return changed;
    }

    public List<String> added() {
        return added;
    }

    public List<String> removed() {
        return removed;
    }

    /** The runtimes of changed and new runners, which start as at startup. */
    List<RunnerRuntime> started() {
        return started;
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
            return new Swap(this);
        }
    }
}
