package dev.otai.bench;

import dev.otai.core.template.TemplateEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TemplateRendering} with JMH and prints one row per template: median and range of the measured
 * iterations (every fork), in µs per render; then the sum over the 19 strings (one ticket's worth).
 */
public final class TemplateReport {

    private TemplateReport() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("forks", "1", "warmup", "3", "iterations", "5", "time-ms", "500",
                "java-opts", "", "benchmark", "render"));
        TemplateRendering.capturedRun(); // fails here, before JMH starts, when a render is wrong
        var options = new OptionsBuilder()
                .include(TemplateRendering.class.getName() + "\\." + args.text("benchmark") + "$")
                .forks(args.integer("forks"))
                .warmupIterations(args.integer("warmup"))
                .warmupTime(TimeValue.milliseconds(args.integer("time-ms")))
                .measurementIterations(args.integer("iterations"))
                .measurementTime(TimeValue.milliseconds(args.integer("time-ms")))
                .shouldFailOnError(true);
        if (!args.text("java-opts").isBlank()) {
            options.jvmArgsAppend(args.text("java-opts").trim().split("\\s+"));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, args);
    }

    private static void print(Collection<RunResult> results, Args args) {
        var table = new ResultTable("#", "step.param", "kind", "µs/render median (range)", "iterations");
        double sum = 0;
        for (RunResult result : results.stream()
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.getParams().getParam("index")))).toList()) {
            int index = Integer.parseInt(result.getParams().getParam("index"));
            var scores = new ArrayList<Double>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            Summary summary = Summary.of(scores);
            sum += summary.median();
            DemoTemplates.Entry entry = DemoTemplates.ALL.get(index);
            String kind = TemplateEngine.isTemplate(entry.source()) ? "template" : "plain text";
            table.row(Integer.toString(index), entry.step() + "." + entry.param(), kind, summary.format(3),
                    Integer.toString(summary.rounds()));
        }
        table.print(System.out);
        System.out.printf(Locale.ROOT, "benchmark %s, options %s: sum of medians over the 19 strings = %.2f µs per ticket%n",
                args.text("benchmark"), args, sum);
        System.out.println("OTAI 1.x: 449–526 µs per render as it renders (compiles every time); 13–22 µs compiled once (peers-and-limits §1.3)");
    }
}
