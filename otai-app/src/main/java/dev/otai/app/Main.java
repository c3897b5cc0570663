package dev.otai.app;

import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.app.redaction.RedactingWriter;
import dev.otai.core.config.VersionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code otai} command. */
@Command(name = "otai", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Config-driven automation for helpdesks: watch tickets, classify them, route them.",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, TriggerCommand.class,
                CheckConnectionCommand.class, ModelCommand.class, TicketsCommand.class, RunsCommand.class,
                QuickstartCommand.class, SchemaCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line; whatever writers it is given, a command's output and errors pass the process's secret
     * redaction (see {@link ProcessRedaction}) and have their terminal control characters escaped ({@link TerminalText}).
     */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    CommandLine root = parsed.commandSpec().commandLine();
                    root.setOut(TerminalText.guard(RedactingWriter.wrap(root.getOut())));
                    root.setErr(TerminalText.guard(RedactingWriter.wrap(root.getErr())));
                    return new CommandLine.RunLast().execute(parsed);
                });
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/otai-version.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"otai " + version() + " (config API " + VersionSpec.CONFIG_API_VERSION
                    + ", Java " + Runtime.version() + ")"};
        }
    }
}
