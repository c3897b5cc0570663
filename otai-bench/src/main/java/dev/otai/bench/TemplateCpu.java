package dev.otai.bench;

import dev.otai.api.PipeContext;
import dev.otai.core.template.RunScope;
import dev.otai.core.template.Template;
import dev.otai.core.template.TemplateEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template benchmark measured in CPU time of the rendering thread instead of JMH's wall-clock time, for
 * machines where other work competes for the cores: each of the 19 demo strings rendered {@code renders} times
 * per round against its step's context from a real run (same setup and check as {@link TemplateRendering}).
 */
public final class TemplateCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TemplateCpu() {
    }

    public static void main(String[] argv) {
        var args = new Args(argv, Map.of("renders", "20000", "warmup", "2", "rounds", "5"));
        PipeContext last = TemplateRendering.capturedRun();
        var templates = new TemplateEngine();
        var compiled = new ArrayList<Template>();
        var scopes = new ArrayList<RunScope>();
        for (DemoTemplates.Entry entry : DemoTemplates.ALL) {
            compiled.add(templates.compile(entry.source()));
            scopes.add(new RunScope(DemoTemplates.contextOf(entry.step(), last), DemoConfig.ENV));
        }
        var perTemplate = new ArrayList<List<Double>>();
        compiled.forEach(t -> perTemplate.add(new ArrayList<>()));
        int renders = args.integer("renders");
        for (int round = 0; round < args.integer("warmup") + args.integer("rounds"); round++) {
            for (int i = 0; i < compiled.size(); i++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                for (int n = 0; n < renders; n++) {
                    templates.render(compiled.get(i), scopes.get(i));
                }
                cpu = THREADS.getCurrentThreadCpuTime() - cpu;
                if (round >= args.integer("warmup")) {
                    perTemplate.get(i).add(cpu / 1e3 / renders);
                }
            }
        }
        print(perTemplate, args);
    }

    private static void print(List<List<Double>> perTemplate, Args args) {
        var table = new ResultTable("#", "step.param", "CPU µs/render median (range)");
        double sum = 0;
        for (int i = 0; i < perTemplate.size(); i++) {
            Summary summary = Summary.of(perTemplate.get(i));
            sum += summary.median();
            DemoTemplates.Entry entry = DemoTemplates.ALL.get(i);
            table.row(Integer.toString(i), entry.step() + "." + entry.param(), summary.format(3));
        }
        table.print(System.out);
        System.out.printf(Locale.ROOT, "%s, JVM %s %s: sum of medians over the 19 strings = %.1f µs CPU per ticket%n", args,
                Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments(), sum);
    }
}
