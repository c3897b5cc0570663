package dev.otai.app;

import dev.otai.core.schema.ConfigSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai schema}: the JSON Schema of a config, for editors, from the plugins installed here. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Write the JSON Schema (draft-07) of an otai config, with every pipe and service type of the "
                + "installed plugins, for editors with YAML language support (see docs/configuration.md)."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the schema to FILE instead of standard output")
    Path output;

    @Override
    public Integer call() {
        String schema = ConfigSchema.json(Composition.fromSystem().registry) + System.lineSeparator();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(schema);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(output, schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cannot write the schema to " + output + ": " + e.getMessage()
                    + "; expected a writable file path");
            err.flush();
            return 1;
        }
        return 0;
    }
}
