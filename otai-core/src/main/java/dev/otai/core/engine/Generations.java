package dev.otai.core.engine;

import dev.otai.core.assembly.Assembly;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Definitions;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.assembly.Instantiator;
import dev.otai.core.config.EngineConfig;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.Swap;
import dev.otai.core.template.TemplateEngine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config an engine runs, and the ones a reload replaced while their runners still finish: each with its
 * assembly (pipe tree and the services it owns). A reload instantiates the next config with the services whose
 * definition is unchanged carried over, has the orchestrator swap the runners, then hands the carried services to
 * the new assembly and closes the previous one once its retiring runners have ended. One reload at a time.
 */
final class Generations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final Orchestrator orchestrator;
    private final TemplateEngine templates;
    private final Facilities facilities;
    private final Runnable adopted;
    private final List<Assembly> retired = new CopyOnWriteArrayList<>();
    private volatile Assembly assembly;
    private volatile EngineConfig config;
    private volatile Definitions definitions;
    private CompletableFuture<Engine.Reloaded> reloading = CompletableFuture.completedFuture(null);

    /** {@code adopted} runs on the orchestrator's thread each time a reload's runners are in place. */
    Generations(Blueprint blueprint, Assembly assembly, Orchestrator orchestrator, TemplateEngine templates,
                Facilities facilities, Runnable adopted) {
        this.assembly = assembly;
        this.config = blueprint.config();
        this.definitions = Definitions.of(blueprint);
        this.orchestrator = orchestrator;
        this.templates = templates;
        this.facilities = facilities;
        this.adopted = adopted;
    }

    Assembly current() {
        return assembly;
    }

    /** See {@link Engine#reload}. */
    synchronized CompletableFuture<Engine.Reloaded> reload(Blueprint next) {
        if (!reloading.isDone()) {
            return CompletableFuture.failedFuture(new IllegalStateException("a reload is still being applied"));
        }
        List<String> needRestart = RestartNeeded.between(config, next.config());
        Definitions after = Definitions.of(next);
        Set<String> carried = unchanged(definitions.services(), after.services());
        Assembly previous = assembly;
        Assembly fresh;
        try {
            fresh = Instantiator.instantiate(next, templates, facilities, previous.held(carried));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        reloading = orchestrator.replace(fresh.root(), changed(definitions.runners(), after.runners()),
                        changed(definitions.triggers(), after.triggers()))
                .handle((swap, failure) -> {
                    if (failure != null) {
                        fresh.close();
                        throw new CompletionException(failure);
                    }
                    adopt(previous, fresh, carried, next.config(), after, swap);
                    return new Engine.Reloaded(swap, needRestart);
                });
        return reloading;
    }

    private void adopt(Assembly previous, Assembly fresh, Set<String> carried, EngineConfig nextConfig, Definitions after,
                       Swap swap) {
        previous.handOver(carried, fresh);
        assembly = fresh;
        config = nextConfig;
        definitions = after;
        adopted.run();
        retired.add(previous);
        Thread.ofVirtual().name("otai-retire").start(() -> {
            try {
                swap.awaitRetired();
                previous.close();
                retired.remove(previous);
            } catch (InterruptedException e) {
                log.debug("Stopped waiting for the runners of the previous config to end", e);
            }
        });
    }

    private static Set<String> unchanged(Map<String, String> before, Map<String, String> after) {
        var same = new LinkedHashSet<String>();
        before.forEach((id, definition) -> {
            if (definition.equals(after.get(id))) {
                same.add(id);
            }
        });
        return same;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        var differ = new LinkedHashSet<String>();
        before.forEach((id, definition) -> {
            if (after.containsKey(id) && !definition.equals(after.get(id))) {
                differ.add(id);
            }
        });
        return differ;
    }

    /** Closes the services of the running config and of those still retiring. */
    @Override
    public void close() {
        assembly.close();
        retired.forEach(Assembly::close);
    }
}
