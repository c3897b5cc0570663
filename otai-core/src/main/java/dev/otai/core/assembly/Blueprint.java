package dev.otai.core.assembly;

import dev.otai.api.ticket.WebhookReader;
import dev.otai.core.config.EngineConfig;
import dev.otai.core.config.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A config that has been checked completely: every type resolved, every param checked or compiled, every
 * inject and trigger reference resolved; with the plugins' webhook readers. {@link #problems()} lists what is
 * wrong; a blueprint without errors can be instantiated.
 */
public record Blueprint(EngineConfig config, NodePlan root, Map<String, ServicePlan> services,
                        Map<String, NodePlan> triggers, List<WebhookReader> webhookReaders, List<Problem> problems) {

    public boolean valid() {
        return problems.stream().noneMatch(p -> !p.warning());
    }

    /** Counts for the one-line summary of {@code otai validate}. */
    public Summary summary() {
        int[] pipes = {0};
        int runners = root == null ? 0 : countRunners(root);
        walk(root, plan -> pipes[0]++);
        return new Summary(services.size(), runners, triggers.size(), pipes[0]);
    }

    private static int countRunners(NodePlan root) {
        return root.params().stream()
                .filter(p -> p.name().equals("steps") && p.value() instanceof ParamValue.PlannedPipes)
                .mapToInt(p -> ((ParamValue.PlannedPipes) p.value()).plans().size())
                .sum();
    }

    private static void walk(NodePlan plan, Consumer<NodePlan> visit) {
        if (plan == null) {
            return;
        }
        visit.accept(plan);
        for (ParamPlan param : plan.params()) {
            if (param.value() instanceof ParamValue.PlannedPipes pipes) {
                pipes.plans().forEach(child -> walk(child, visit));
            }
        }
    }

    public record Summary(int services, int runners, int triggers, int pipes) {
    }
}
