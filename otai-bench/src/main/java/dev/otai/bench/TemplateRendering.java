package dev.otai.bench;

import dev.otai.api.PipeContext;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.template.RunScope;
import dev.otai.core.template.Template;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.InMemoryTicketSystem;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * µs per render of each of the 19 template strings of the OTAI demo pipeline, compiled once (as the engine does
 * at load time), rendered against the context its step had in a real run of the demo pipeline. The setup
 * renders every template once and refuses to run when a value differs from what the real run produced.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TemplateRendering {

    @Param({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"})
    public int index;

    private TemplateEngine templates;
    private Template template;
    private RunScope scope;
    private PipeContext stepContext;

    @Setup
    public void setUp() {
        templates = new TemplateEngine();
        PipeContext last = capturedRun();
        DemoTemplates.Entry entry = DemoTemplates.ALL.get(index);
        template = templates.compile(entry.source());
        stepContext = DemoTemplates.contextOf(entry.step(), last);
        scope = new RunScope(stepContext, DemoConfig.ENV);
    }

    /** Rendering alone, with the step's template scope already built (the engine builds one per pipe run). */
    @Benchmark
    public Object render() {
        return templates.render(template, scope);
    }

    /** Building the step's template scope and rendering: an upper bound for a pipe with one template param. */
    @Benchmark
    public Object scopeAndRender() {
        return templates.render(template, new RunScope(stepContext, DemoConfig.ENV));
    }

    /** Runs the demo pipeline once for one ticket, capturing the last step's context; checks all 19 renders. */
    static PipeContext capturedRun() {
        var capture = new BenchPlugin.Capture();
        String yaml = DemoConfig.yaml(PipelineBatch.TRIGGER, "WARN", "- { id: capture, use: \"bench:CaptureContext\" }");
        try (Engine engine = Engine.start(DemoConfig.blueprint(yaml), DemoConfig.TEMPLATES, InstantSource.system(),
                new Lifecycle(), EngineListener.NONE, Facilities.builder().add(BenchPlugin.Capture.class, capture))) {
            var system = (InMemoryTicketSystem) engine.assembly().services().get(DemoConfig.TICKET_SYSTEM);
            List<String> ids = DemoTickets.seed(system, 1, 1);
            var outcome = engine.runOnce().getFirst();
            List<String> problems = DemoTickets.verify(system, ids);
            if (!outcome.result().succeeded() || !problems.isEmpty()) {
                throw new IllegalStateException("the demo run failed; no number is reported: " + outcome.result() + " " + problems);
            }
            PipeContext last = capture.last();
            check(last, DemoTemplates.expected(last, system.ticket(ids.getFirst())));
            return last;
        }
    }

    private static void check(PipeContext last, List<Object> expected) {
        var templates = new TemplateEngine();
        for (int i = 0; i < DemoTemplates.ALL.size(); i++) {
            DemoTemplates.Entry entry = DemoTemplates.ALL.get(i);
            Object actual = templates.render(templates.compile(entry.source()),
                    new RunScope(DemoTemplates.contextOf(entry.step(), last), DemoConfig.ENV));
            if (!Objects.equals(actual, expected.get(i))) {
                throw new IllegalStateException("CORRECTNESS CHECK FAILED; no number is reported: template " + i + " ("
                        + entry.step() + "." + entry.param() + ") rendered " + actual + "; expected " + expected.get(i));
            }
        }
    }
}
