package dev.otai.console;

import dev.otai.core.engine.Engine;
import dev.otai.store.Store;
import java.time.InstantSource;

/**
 * What the console reads and acts on: the store (run history, ledger), the running engine (runners, triggers,
 * services), a way to dry-run one runner, and the clock.
 */
public record ConsoleSources(Store store, Engine engine, DryRunner dryRunner, InstantSource clock) {
}
