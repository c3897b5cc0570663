package dev.otai.core.base.flow;

import dev.otai.api.Param;
import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeSetup;
import dev.otai.api.PipeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.MDC;

/**
 * Runs {@code steps} once per entry of {@code items}, like a composite, with the entry visible to templates as
 * {@code item} (or {@code item_name}) and its 0-based position as {@code item_index}. Items run on virtual
 * threads, at most {@code parallelism} at once, each isolated: one failing item never stops the others.
 *
 * <p>Data: {@code total}, {@code succeeded}, {@code failed}, {@code skipped} and {@code items}, one
 * {@code {index, outcome, message, data}} per item in input order. An item fails when one of its steps fails
 * (the rest of its steps do not run), is skipped when every step it ran was skipped, and succeeds otherwise.
 * The for-each itself fails per {@code fail_when}: {@code all_failed} (the default: every item failed, and
 * there was at least one), {@code any_failed}, or {@code never}.
 *
 * <p>Each item runs in its own scope ({@code item <index>}), so the run journal records its steps apart from the
 * other items': after a crash, finished items are replayed and unfinished ones continue where they stopped.
 */
public final class ForEachPipe implements Pipe {

    static final String DEFAULT_ITEM_NAME = "item";

    private static final Param<List<Object>> ITEMS = Param.list("items").mandatory()
            .describedAs("the entries to process, usually a template such as {{ get_pipe_result('fetch','fetched_tickets') }}");
    private static final Param<List<PipeNode>> STEPS = Param.pipes("steps").mandatory()
            .describedAs("the pipes to run per item, in order");
    private static final Param<String> ITEM_NAME = Param.string("item_name").defaultsTo(DEFAULT_ITEM_NAME)
            .constrained(v -> v.matches("[A-Za-z_][A-Za-z0-9_]*"), "an identifier such as ticket")
            .describedAs("the name templates use for the current item; its position is <name>_index");
    private static final Param<Long> PARALLELISM = Param.integer("parallelism").defaultsTo(1L)
            .constrained(v -> v >= 1 && v <= 1024, "an integer from 1 to 1024").describedAs("items processed at once");
    private static final Param<String> FAIL_WHEN = Param.string("fail_when").defaultsTo("all_failed")
            .oneOf("all_failed", "any_failed", "never").describedAs("when the for-each itself fails");

    public static final PipeType TYPE = new PipeType() {
        @Override
        public String name() {
            return "ForEachPipe";
        }

        @Override
        public String description() {
            return "Runs 'steps' once per entry of 'items', up to 'parallelism' at once; one failing item never stops the others.";
        }

        @Override
        public List<ParamSpec> params() {
            return PipeType.specs(List.of(ITEMS, STEPS, ITEM_NAME, PARALLELISM, FAIL_WHEN));
        }

        @Override
        public boolean acceptsExtraParams() {
            return true;
        }

        @Override
        public Set<String> valuesForChildren(Map<String, Object> given) {
            String name = given.get(ITEM_NAME.name()) instanceof String s && !s.contains("{") ? s : DEFAULT_ITEM_NAME;
            return Set.of(name, name + "_index");
        }

        @Override
        public Pipe create(PipeSetup setup) {
            return new ForEachPipe();
        }
    };

    @Override
    public PipeResult execute(PipeContext context, Params params) throws InterruptedException {
        List<Object> items = params.get(ITEMS);
        String name = params.get(ITEM_NAME);
        var steps = new ItemSteps(params.get(STEPS), context.withParentParams(params.asMap()), name);
        var outcomes = new AtomicReferenceArray<PipeResult>(items.size());
        runAll(items, steps, Math.toIntExact(params.get(PARALLELISM)), outcomes);
        return ForEachSummary.of(outcomes, params.get(FAIL_WHEN));
    }

    private static void runAll(List<Object> items, ItemSteps steps, int parallelism,
                               AtomicReferenceArray<PipeResult> outcomes) throws InterruptedException {
        if (parallelism == 1) {
            for (int i = 0; i < items.size(); i++) {
                outcomes.set(i, steps.run(i, items.get(i)));
            }
            return;
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        var permits = new Semaphore(parallelism);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < items.size(); i++) {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    threads.shutdownNow(); // the run was cancelled: interrupt the items in flight, start no more
                    throw e;
                }
                int index = i;
                threads.submit(() -> {
                    try {
                        if (mdc != null) {
                            MDC.setContextMap(mdc);
                        }
                        outcomes.set(index, steps.run(index, items.get(index)));
                    } finally {
                        MDC.clear();
                        permits.release();
                    }
                });
            }
        }
    }

    /** The steps of one item, run like a composite's. */
    record ItemSteps(List<PipeNode> steps, PipeContext base, String name) {

        PipeResult run(int index, Object item) {
            // the scope keys the run journal's records of this item's steps: a resumed run continues each item
            // from its first unfinished step
            PipeContext current = base.withinScope("item " + index).withValue(name, item).withValue(name + "_index", index);
            var data = new LinkedHashMap<String, Object>();
            boolean allSkipped = !steps.isEmpty();
            for (var step : steps) {
                PipeResult result = step.run(current);
                current = current.withResult(step.id(), result);
                switch (result) {
                    case PipeResult.Failed failed -> {
                        return PipeResult.failed("step '" + step.id() + "' failed: " + failed.message(), failed.cause());
                    }
                    case PipeResult.Succeeded succeeded -> {
                        data.putAll(succeeded.data());
                        allSkipped = false;
                    }
                    case PipeResult.Skipped skipped -> { }
                }
            }
            return allSkipped ? PipeResult.skipped("every step was skipped") : PipeResult.success(data);
        }
    }
}
