package dev.otai.core.assembly;

import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.core.config.ConfigNode;
import dev.otai.core.config.ConfigReader;
import dev.otai.core.config.EngineConfig;
import dev.otai.core.config.Location;
import dev.otai.core.config.Paths;
import dev.otai.core.config.PipeConfig;
import dev.otai.core.config.Problems;
import dev.otai.core.config.ServiceConfig;
import dev.otai.core.config.Similarity;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole config before anything runs and produces a {@link Blueprint}: resolves every {@code use},
 * checks params against their specs (literal values now, template syntax and names now, rendered values when
 * they run), checks injects and trigger references, and reports every problem with its place.
 */
public final class Assembler {

    private final PluginRegistry registry;
    private final TemplateEngine templates;
    private final Problems problems;
    private EngineConfig config;
    private final Map<String, NodePlan> triggers = new LinkedHashMap<>();
    private final List<PipeConfig> triggerReferences = new ArrayList<>();
    private final Map<String, ServicePlan> services = new LinkedHashMap<>();
    private ParamValues values;
    private InjectCheck injects;

    private Assembler(PluginRegistry registry, TemplateEngine templates, Problems problems) {
        this.registry = registry;
        this.templates = templates;
        this.problems = problems;
    }

    public static Blueprint plan(EngineConfig config, PluginRegistry registry, TemplateEngine templates, Problems problems) {
        var assembler = new Assembler(registry, templates, problems);
        assembler.config = config;
        assembler.values = new ParamValues(templates, problems, config.environment());
        assembler.injects = new InjectCheck(config, assembler.services, problems);
        return assembler.blueprint();
    }

    private Blueprint blueprint() {
        checkPlugins();
        config.services().values().forEach(this::planService);
        checkServiceInjects();
        NodePlan root = plan(config.orchestrator(), new PlanScope(Set.of(), Set.of()));
        for (PipeConfig reference : triggerReferences) {
            if (!triggers.containsKey(reference.id())) {
                String path = reference.idLocation().equals(reference.location()) ? reference.path()
                        : Paths.child(reference.path(), "id");
                problems.error(reference.idLocation(), path, "trigger '" + reference.id()
                        + "' is referenced but never defined; expected a trigger with this id and a 'use' somewhere in the config"
                        + (triggers.isEmpty() ? "" : "; defined triggers: " + String.join(", ", triggers.keySet())));
            }
        }
        OpenEndpointCheck.check(config.http(), triggers.values(), problems);
        return new Blueprint(config, root, Map.copyOf(services), Map.copyOf(triggers), registry.webhookReaders(),
                problems.sorted());
    }

    private void checkPlugins() {
        for (var requirement : config.plugins()) {
            if (registry.plugin(requirement.name()).isEmpty()) {
                problems.error(requirement.location(), requirement.path(), "plugin '" + requirement.name()
                        + "' is not installed; installed plugins: "
                        + String.join(", ", registry.plugins().stream().map(Plugin::name).toList()));
            }
        }
    }

    private void planService(ServiceConfig service) {
        PluginRegistry.Lookup<ServiceType> lookup = registry.service(service.use());
        if (lookup.type().isEmpty()) {
            problems.error(service.useLocation(), Paths.child(service.path(), "use"), "service '" + service.id() + "': "
                    + lookup.problem());
            return;
        }
        ServiceType type = lookup.type().get();
        String culprit = "service '" + service.id() + "' (" + lookup.canonical() + ")";
        var scope = new PlanScope(Set.of(), Set.of());
        List<ParamPlan> params = params(culprit, type.params(), false, service.params(), scope, service.location(),
                service.path(), null, scope);
        var injects = new LinkedHashMap<String, String>();
        service.injects().values().forEach(inject -> injects.put(inject.slot(), inject.serviceId()));
        services.put(service.id(), new ServicePlan(service, lookup.canonical(), type, params, injects));
    }

    private void checkServiceInjects() {
        for (ServicePlan service : services.values()) {
            String culprit = "service '" + service.config().id() + "' (" + service.use() + ")";
            injects.check(culprit, service.type().injects(), service.config().injects(), service.config().location(),
                    service.config().path());
        }
    }

    private NodePlan plan(PipeConfig pipe, PlanScope scope) {
        PluginRegistry.Lookup<PipeType> lookup = registry.pipe(pipe.use());
        if (lookup.type().isEmpty()) {
            problems.error(pipe.useLocation(), Paths.child(pipe.path(), "use"), "pipe '" + pipe.id() + "': " + lookup.problem());
            return null;
        }
        PipeType type = lookup.type().get();
        String culprit = "pipe '" + pipe.id() + "' (" + lookup.canonical() + ")";
        injects.check(culprit, type.injects(), pipe.injects(), pipe.location(), pipe.path());
        Map<String, Object> constants = constants(pipe);
        PlanScope childScope = scope.withValues(type.valuesForChildren(constants));
        List<ParamPlan> params = params(culprit, type.params(), type.acceptsExtraParams(), pipe.params(), scope,
                pipe.location(), pipe.path(), type, childScope);
        for (String problem : type.check(constants)) {
            CheckPlace place = CheckPlace.of(problem, type, pipe);
            problems.error(place.location(), place.path(), culprit + ": " + problem);
        }
        var injects = new LinkedHashMap<String, String>();
        pipe.injects().values().forEach(inject -> injects.put(inject.slot(), inject.serviceId()));
        return new NodePlan(pipe, lookup.canonical(), type, params, injects);
    }

    private static Map<String, Object> constants(PipeConfig pipe) {
        var given = new LinkedHashMap<String, Object>();
        pipe.params().forEach((name, param) -> given.put(name, param.value().toPlain()));
        return given;
    }

    private List<ParamPlan> params(String culprit, List<ParamSpec> specs, boolean extras,
                                   Map<String, PipeConfig.ConfigParam> given, PlanScope scope, Location location,
                                   String path, PipeType owner, PlanScope childScope) {
        var out = new ArrayList<ParamPlan>();
        var used = new HashSet<String>();
        for (ParamSpec spec : specs) {
            Optional<PipeConfig.ConfigParam> param = find(spec, given);
            if (param.isEmpty()) {
                if (spec.required()) {
                    problems.error(location, path, culprit + ": missing required param '" + spec.name()
                            + "'; expected " + spec.expectation());
                } else if (spec.defaultValue() != null) {
                    out.add(new ParamPlan(spec, new ParamValue.Constant(spec.defaultValue()), Paths.child(path, spec.name()), location));
                }
                continue;
            }
            used.add(param.get().name());
            ParamValue value = spec.kind().holdsPipes()
                    ? pipes(culprit, spec, param.get(), childScope, owner)
                    : values.data(culprit, spec, param.get(), scope);
            if (value != null) {
                out.add(new ParamPlan(spec, value, param.get().path(), param.get().keyLocation()));
            }
        }
        for (PipeConfig.ConfigParam param : given.values()) {
            if (used.contains(param.name())) {
                continue;
            }
            if (!extras) {
                problems.error(param.keyLocation(), param.path(), culprit + ": unknown param '" + param.name() + "'; "
                        + suggestion(param.name(), specs));
                continue;
            }
            ParamSpec spec = ParamSpec.of(param.name(), ParamKind.ANY);
            ParamValue value = values.data(culprit, spec, param, scope);
            if (value != null) {
                out.add(new ParamPlan(spec, value, param.path(), param.keyLocation()));
            }
        }
        return List.copyOf(out);
    }

    private static String suggestion(String name, List<ParamSpec> specs) {
        var names = new ArrayList<String>();
        specs.forEach(spec -> {
            names.add(spec.name());
            names.addAll(spec.aliases());
        });
        return Similarity.closest(name, names).map(near -> "did you mean '" + near + "'? ").orElse("")
                + "expected one of: " + String.join(", ", specs.stream().map(ParamSpec::name).toList());
    }

    private static Optional<PipeConfig.ConfigParam> find(ParamSpec spec, Map<String, PipeConfig.ConfigParam> given) {
        if (given.containsKey(spec.name())) {
            return Optional.of(given.get(spec.name()));
        }
        return spec.aliases().stream().filter(given::containsKey).map(given::get).findFirst();
    }

    private ParamValue pipes(String culprit, ParamSpec spec, PipeConfig.ConfigParam param, PlanScope scope, PipeType owner) {
        ConfigNode node = param.value();
        return switch (spec.kind()) {
            case PIPE -> ConfigReader.pipe(node, param.path(), problems)
                    .map(child -> plan(child, scope))
                    .map(plan -> (ParamValue) new ParamValue.PlannedPipes(List.of(plan), List.of(), true))
                    .orElse(null);
            case PIPES -> sequence(culprit, spec, param, scope, owner != null && owner.independentChildren());
            case TRIGGERS -> triggerList(culprit, spec, param, scope);
            default -> throw new IllegalArgumentException(spec.kind().toString());
        };
    }

    private ParamValue sequence(String culprit, ParamSpec spec, PipeConfig.ConfigParam param, PlanScope scope, boolean independent) {
        if (param.value() instanceof ConfigNode.ScalarNode s && s.value() == null) {
            return new ParamValue.PlannedPipes(List.of(), List.of(), false);
        }
        if (!(param.value() instanceof ConfigNode.ListNode list)) {
            problems.error(param.value(), param.path(), culprit + ": param '" + spec.name() + "' was "
                    + param.value().describe() + "; expected " + spec.expectation());
            return null;
        }
        var plans = new ArrayList<NodePlan>();
        var siblings = new LinkedHashMap<String, PipeConfig>();
        for (int i = 0; i < list.items().size(); i++) {
            Optional<PipeConfig> child = ConfigReader.pipe(list.items().get(i), Paths.index(param.path(), i), problems);
            if (child.isEmpty()) {
                continue;
            }
            PipeConfig earlier = siblings.putIfAbsent(child.get().id(), child.get());
            if (earlier != null && child.get().idGiven()) {
                problems.error(child.get().idLocation(), Paths.child(child.get().path(), "id"), "duplicate id '"
                        + child.get().id() + "' (also at " + earlier.path() + ", line " + earlier.location().line()
                        + "); sibling pipes need unique ids so their results can be told apart");
            }
            NodePlan plan = plan(child.get(), independent ? scope : scope.withIds(previousIds(plans)));
            if (plan != null) {
                plans.add(plan);
            }
        }
        return new ParamValue.PlannedPipes(plans, List.of(), false);
    }

    private static Set<String> previousIds(List<NodePlan> plans) {
        var ids = new LinkedHashSet<String>();
        plans.forEach(plan -> ids.add(plan.config().id()));
        return ids;
    }

    private ParamValue triggerList(String culprit, ParamSpec spec, PipeConfig.ConfigParam param, PlanScope scope) {
        List<ConfigNode> items = switch (param.value()) {
            case ConfigNode.ListNode list -> list.items();
            case ConfigNode.ScalarNode s when s.value() == null -> List.of();
            default -> List.of(param.value());
        };
        boolean single = !(param.value() instanceof ConfigNode.ListNode);
        var plans = new ArrayList<NodePlan>();
        var references = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            String path = single ? param.path() : Paths.index(param.path(), i);
            if (item instanceof ConfigNode.ScalarNode s && s.value() instanceof String id) {
                var reference = new PipeConfig(id, true, "", item.location(), item.location(), path, Map.of(), Map.of(), true);
                triggerReferences.add(reference);
                references.add(id);
                continue;
            }
            Optional<PipeConfig> trigger = ConfigReader.pipe(item, path, problems);
            if (trigger.isEmpty()) {
                continue;
            }
            if (trigger.get().reference()) {
                triggerReferences.add(trigger.get());
                references.add(trigger.get().id());
                continue;
            }
            NodePlan plan = plan(trigger.get(), scope);
            if (plan == null) {
                continue;
            }
            if (!plan.type().isTrigger()) {
                problems.error(trigger.get().useLocation(), Paths.child(path, "use"), culprit + ": '" + spec.name()
                        + "' names " + plan.use() + ", which is not a trigger; expected a trigger such as base:IntervalTrigger"
                        + " (to gate a run on a condition, make it the first step of the 'run' pipe)");
                continue;
            }
            NodePlan earlier = triggers.putIfAbsent(trigger.get().id(), plan);
            if (earlier != null) {
                problems.error(trigger.get().idLocation(), Paths.child(path, "id"), "trigger id '" + trigger.get().id()
                        + "' is defined twice (first at " + earlier.config().path() + ", line "
                        + earlier.config().location().line() + "); define it once and refer to it elsewhere by id only");
                continue;
            }
            references.add(trigger.get().id());
        }
        return new ParamValue.PlannedPipes(plans, references, single);
    }
}
