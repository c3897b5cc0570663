package dev.otai.app;

import dev.otai.core.assembly.Blueprint;
import dev.otai.core.engine.ConfigCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code otai validate}: checks the whole config and prints every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the whole config without running it; print every problem as file:line:col: path: message.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = TerminalText.out(spec);
        Composition composition = Composition.fromSystem();
        Path file = composition.configFile(config);
        ConfigCheck.Result result = composition.check(file);
        Composition.print(result, out);
        if (!result.valid()) {
            out.println(result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s") + " in " + file);
            out.flush();
            return 1;
        }
        Blueprint.Summary summary = result.blueprint().orElseThrow().summary();
        out.println(file + " is valid: " + summary.services() + " services, " + summary.runners() + " runners, "
                + summary.triggers() + " triggers, " + summary.pipes() + " pipes");
        out.flush();
        return 0;
    }
}
