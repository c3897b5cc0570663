package dev.otai.app;

import dev.otai.api.ParamSpec;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.core.registry.PluginSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code otai plugins}: every registered pipe and service type with its params, under the jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every registered pipe and service type with its params and injects, under its plugin and"
                + " where that came from (built in, or a jar of the plugin path).")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Composition composition = Composition.fromSystem();
        for (Plugin plugin : composition.registry.plugins()) {
            out.println("plugin " + plugin.name() + " (" + composition.registry.source(plugin.name())
                    .map(PluginSource::origin).orElse("built in") + ")");
            for (PipeType type : plugin.pipes()) {
                out.println("  pipe " + plugin.name() + ":" + type.name() + (type.isTrigger() ? " (trigger)" : "")
                        + " - " + type.description());
                params(out, type.params());
                type.injects().forEach((slot, kind) -> out.println("      inject " + slot + ": a " + kind.getSimpleName() + " service"));
                if (type.acceptsExtraParams()) {
                    out.println("      (other params are accepted and passed to children as parent params)");
                }
            }
            for (ServiceType type : plugin.services()) {
                out.println("  service " + plugin.name() + ":" + type.name() + " (" + type.provides().getSimpleName()
                        + ") - " + type.description());
                params(out, type.params());
            }
        }
        out.flush();
        return 0;
    }

    private static void params(PrintWriter out, List<ParamSpec> params) {
        params.forEach(param -> param(out, param, "      "));
    }

    /** One param, then the keys a mapping declares (also inside a shape of several), indented below it. */
    private static void param(PrintWriter out, ParamSpec param, String indent) {
        String flags = param.required() ? "required" : param.defaultValue() != null ? "default " + param.defaultValue() : "optional";
        String aliases = param.aliases().isEmpty() ? "" : ", also " + String.join(", ", param.aliases());
        out.println(indent + param.name() + ": " + param.expectation() + " (" + flags + (param.secret() ? ", secret" : "")
                + aliases + ")" + (param.description().isEmpty() ? "" : " - " + param.description()));
        var shapes = new ArrayList<ParamSpec>(param.alternatives());
        shapes.add(param);
        shapes.stream().flatMap(shape -> shape.fields().stream()).forEach(field -> param(out, field, indent + "  "));
    }
}
