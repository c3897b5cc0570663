package dev.otai.console.actions;

import dev.otai.console.DryRunner;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.template.TemplateEngine;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.store.ledger.Effect;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * A dry run as {@code otai run --dry-run} makes one, for one runner, beside the running engine: a second engine
 * from the same validated config, whose ticket writes the ledger only plans, runs that runner once and is closed.
 * Its run is in the history marked as a dry run; the running engine's runs are left alone.
 */
public final class BlueprintDryRunner implements DryRunner {

    private final Blueprint blueprint;
    private final TemplateEngine templates;
    private final Supplier<Facilities.Builder> facilities;
    private final Store store;
    private final StorageSettings settings;
    private final Redactor redactor;

    public BlueprintDryRunner(Blueprint blueprint, TemplateEngine templates, Supplier<Facilities.Builder> facilities, Store store,
                              StorageSettings settings, Redactor redactor) {
        this.blueprint = blueprint;
        this.templates = templates;
        this.facilities = facilities;
        this.store = store;
        this.settings = settings;
        this.redactor = redactor;
    }

    @Override
    public List<Effect> dryRun(String runnerId) throws Exception {
        EngineRecording recording = EngineRecording.dryRunBeside(store, settings, redactor);
        try (Engine engine = Engine.start(blueprint, templates, InstantSource.system(), new Lifecycle(),
                recording.listener(EngineListener.NONE), recording.facilities(facilities.get()))) {
            var outcome = engine.runOnce(runnerId)
                    .orElseThrow(() -> new IllegalArgumentException("the config has no runner '" + runnerId + "'"));
            if (outcome.result().failed()) {
                throw new IllegalStateException("the run failed: " + outcome.result().message());
            }
            return recording.plannedEffects();
        } finally {
            recording.close();
        }
    }
}
