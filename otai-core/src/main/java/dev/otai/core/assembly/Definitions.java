package dev.otai.core.assembly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each runner, trigger and service of a checked config is, as a hash of its definition, so that a reloaded
 * config can be compared with the running one id by id. A runner's definition is its step as written (its pipe
 * tree with every nested pipe, its {@code on}, its settings; not its place in the file, so that removing or
 * reordering runners changes none of the others), the definitions of the shared triggers
 * it names by id, and the definitions of every service its pipes inject, with the services those inject in turn.
 * A changed service therefore changes every runner that uses it. The values {@code get_env} reads (the
 * {@code .env} file) count for every definition, since any template may read them. Hashes, never the values, are
 * kept: params may hold secrets.
 *
 * @param runners  by runner id (top-level steps of the orchestrator), in config order
 * @param triggers by trigger id
 * @param services by service id
 */
public record Definitions(Map<String, String> runners, Map<String, String> triggers, Map<String, String> services) {

    public Definitions {
        runners = Collections.unmodifiableMap(new LinkedHashMap<>(runners));
        triggers = Map.copyOf(triggers);
        services = Map.copyOf(services);
    }

    public static Definitions of(Blueprint blueprint) {
        String environment = PipeFingerprint.hash(PipeFingerprint.plain(new TreeMap<>(blueprint.config().environment())));
        var services = new LinkedHashMap<String, String>();
        blueprint.services().keySet().forEach(id -> service(id, blueprint, environment, services, new LinkedHashSet<>()));
        var triggers = new LinkedHashMap<String, String>();
        blueprint.triggers().forEach((id, plan) -> triggers.put(id, pipe(plan, blueprint, environment, services, false)));
        var runners = new LinkedHashMap<String, String>();
        if (blueprint.root() != null) {
            for (ParamPlan param : blueprint.root().params()) {
                if (param.name().equals("steps") && param.value() instanceof ParamValue.PlannedPipes steps) {
                    steps.plans().forEach(step -> runners.put(step.config().id(),
                            pipe(step, blueprint, environment, services, true)));
                }
            }
        }
        return new Definitions(runners, triggers, services);
    }

    /** A pipe as written, with what it uses; with {@code sharedTriggers}, also the triggers it names by id. */
    private static String pipe(NodePlan plan, Blueprint blueprint, String environment, Map<String, String> services,
                               boolean sharedTriggers) {
        var used = new TreeSet<String>();
        var named = new TreeSet<String>();
        collect(plan, used, named);
        var text = new StringBuilder(PipeFingerprint.shapeWithoutPath(plan)).append("\nenv ").append(environment);
        used.forEach(id -> text.append("\nservice ").append(id).append(' ').append(services.get(id)));
        if (sharedTriggers) {
            named.forEach(id -> {
                NodePlan trigger = blueprint.triggers().get(id);
                text.append("\ntrigger ").append(id).append(' ')
                        .append(trigger == null ? "" : pipe(trigger, blueprint, environment, services, false));
            });
        }
        return PipeFingerprint.hash(text.toString());
    }

    private static void collect(NodePlan plan, Set<String> services, Set<String> triggers) {
        services.addAll(plan.injects().values());
        for (ParamPlan param : plan.params()) {
            if (param.value() instanceof ParamValue.PlannedPipes pipes) {
                triggers.addAll(pipes.references());
                pipes.plans().forEach(child -> collect(child, services, triggers));
            }
        }
    }

    private static String service(String id, Blueprint blueprint, String environment, Map<String, String> done,
                                  Set<String> visiting) {
        String known = done.get(id);
        ServicePlan plan = blueprint.services().get(id);
        if (known != null || plan == null || !visiting.add(id)) {
            return known == null ? "" : known;
        }
        var params = new TreeMap<String, Object>();
        plan.config().params().forEach((name, param) -> params.put(name, param.value().toPlain()));
        var text = new StringBuilder(plan.use()).append('\n').append(PipeFingerprint.plain(params))
                .append("\nenv ").append(environment);
        new TreeMap<>(plan.injects()).forEach((slot, serviceId) -> text.append("\ninject ").append(slot).append(' ')
                .append(serviceId).append(' ').append(service(serviceId, blueprint, environment, done, visiting)));
        String hash = PipeFingerprint.hash(text.toString());
        done.put(id, hash);
        return hash;
    }
}
