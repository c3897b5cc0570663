package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeSetup;
import dev.otai.api.ServiceSetup;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.template.TemplateEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Creates the services and pipes of a valid {@link Blueprint}: each service once, each pipe once. */
public final class Instantiator {

    private final Blueprint blueprint;
    private final TemplateEngine templates;
    private final Facilities facilities;
    private final Map<String, Assembly.Held> services = new LinkedHashMap<>();
    private final Map<String, Assembly.Held> carried;
    private final Map<String, Object> injectable = new LinkedHashMap<>();
    private final Map<NodePlan, Node> nodes = new IdentityHashMap<>();
    private final Secrets secrets;
    private final StepListener steps;
    private final RunJournal journal;
    private final ServiceDecorator decorator;

    private Instantiator(Blueprint blueprint, TemplateEngine templates, Facilities facilities,
                         Map<String, Assembly.Held> carried) {
        this.blueprint = blueprint;
        this.carried = carried;
        this.templates = templates;
        this.facilities = facilities;
        this.secrets = new Secrets(facilities.find(Redactor.class).orElseGet(Redactor::new), blueprint.config().environment());
        this.steps = facilities.find(StepListener.class).orElse(StepListener.NONE);
        this.journal = facilities.find(RunJournal.class).orElse(RunJournal.NONE);
        this.decorator = facilities.find(ServiceDecorator.class).orElse((id, service) -> service);
    }

    public static Assembly instantiate(Blueprint blueprint, TemplateEngine templates, Facilities facilities) {
        return instantiate(blueprint, templates, facilities, Map.of());
    }

    /**
     * As {@link #instantiate(Blueprint, TemplateEngine, Facilities)}, but the services in {@code carried} (by id) are
     * used as they are instead of being created; the new assembly does not own them until they are handed over
     * ({@link Assembly#handOver}), and a failure closes only the services it created.
     */
    public static Assembly instantiate(Blueprint blueprint, TemplateEngine templates, Facilities facilities,
                                       Map<String, Assembly.Held> carried) {
        if (!blueprint.valid()) {
            throw new IllegalArgumentException("cannot instantiate a config with errors");
        }
        var instantiator = new Instantiator(blueprint, templates, facilities, Map.copyOf(carried));
        try {
            blueprint.services().keySet().stream()
                    .sorted(Comparator.comparing(id -> order(blueprint, id)))
                    .forEach(id -> instantiator.service(id, new LinkedHashSet<>()));
            return new Assembly(instantiator.node(blueprint.root()), instantiator.services);
        } catch (RuntimeException e) {
            var created = new ArrayList<Map.Entry<String, Object>>();
            instantiator.services.forEach((id, held) -> created.add(Map.entry(id, held.instance())));
            Collections.reverse(created);
            Assembly.closeAll(created);
            throw e;
        }
    }

    private static int order(Blueprint blueprint, String id) {
        return new ArrayList<>(blueprint.config().services().keySet()).indexOf(id);
    }

    private Object service(String id, LinkedHashSet<String> creating) {
        Object existing = injectable.get(id);
        if (existing != null) {
            return existing;
        }
        Assembly.Held kept = carried.get(id);
        if (kept != null) {
            injectable.put(id, kept.injected());
            return kept.injected();
        }
        if (!creating.add(id)) {
            throw new ConfigException("services inject each other in a cycle: " + String.join(" -> ", creating) + " -> " + id);
        }
        ServicePlan plan = blueprint.services().get(id);
        var injected = new LinkedHashMap<String, Object>();
        plan.injects().forEach((slot, serviceId) -> injected.put(slot, service(serviceId, creating)));
        Params params = renderServiceParams(plan);
        Object instance;
        try {
            instance = plan.type().create(new Setup(id, plan.config().path(), injected, params));
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigException("service '" + id + "' (" + plan.use() + ") could not be created: " + e.getMessage(), e);
        }
        if (instance == null || !plan.type().provides().isInstance(instance)) {
            throw new IllegalStateException("service type " + plan.use() + " created " + instance + ", not a "
                    + plan.type().provides().getName());
        }
        Object decorated = decorator.decorate(id, instance);
        services.put(id, new Assembly.Held(instance, decorated));
        injectable.put(id, decorated);
        creating.remove(id);
        return decorated;
    }

    private Params renderServiceParams(ServicePlan plan) {
        String culprit = "service '" + plan.config().id() + "' (" + plan.use() + ")";
        return new ParamRenderer(culprit, plan.params(), templates, blueprint.config().environment(), secrets)
                .render(PipeContext.empty());
    }

    private Node node(NodePlan plan) {
        Node existing = nodes.get(plan);
        if (existing != null) {
            return existing;
        }
        var params = new ArrayList<ParamPlan>(plan.params().size());
        for (ParamPlan param : plan.params()) {
            params.add(param.value() instanceof ParamValue.PlannedPipes planned
                    ? param.withValue(new ParamValue.Pipes(children(planned), planned.single()))
                    : param);
        }
        var injected = new LinkedHashMap<String, Object>();
        plan.injects().forEach((slot, serviceId) -> injected.put(slot, injectable.get(serviceId)));
        Pipe pipe;
        try {
            pipe = plan.type().create(new Setup(plan.config().id(), plan.config().path(), injected, null));
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigException("pipe '" + plan.config().id() + "' (" + plan.use() + ") could not be created: "
                    + e.getMessage() + " at " + plan.config().path(), e);
        }
        Node node = new Node(plan, pipe, List.copyOf(params), templates, blueprint.config().environment(), steps, secrets, journal);
        nodes.put(plan, node);
        return node;
    }

    private List<PipeNode> children(ParamValue.PlannedPipes planned) {
        var children = new ArrayList<PipeNode>();
        planned.plans().forEach(plan -> children.add(node(plan)));
        planned.references().forEach(id -> children.add(node(blueprint.triggers().get(id))));
        return List.copyOf(children);
    }

    private final class Setup implements PipeSetup, ServiceSetup {
        private final String id;
        private final String path;
        private final Map<String, Object> injected;
        private final Params params;

        Setup(String id, String path, Map<String, Object> injected, Params params) {
            this.id = id;
            this.path = path;
            this.injected = injected;
            this.params = params;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Params params() {
            return params;
        }

        @Override
        public <T> T service(String slot, Class<T> type) {
            Object service = injected.get(slot);
            if (service == null) {
                throw new IllegalStateException("'" + id + "' has no inject '" + slot + "'");
            }
            return type.cast(service);
        }

        @Override
        public boolean hasService(String slot) {
            return injected.containsKey(slot);
        }

        @Override
        public <T> T facility(Class<T> type) {
            return facilities.require(type);
        }
    }
}
