package dev.otai.app;

import dev.otai.api.ConfigException;
import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.app.redaction.RedactingWriter;
import dev.otai.core.config.VersionSpec;
import dev.otai.core.registry.PluginJarException;
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
                .setExecutionExceptionHandler(Main::startupProblem)
                .setExecutionStrategy(parsed -> {
                    CommandLine root = parsed.commandSpec().commandLine();
                    root.setOut(TerminalText.guard(RedactingWriter.wrap(root.getOut())));
                    root.setErr(TerminalText.guard(RedactingWriter.wrap(root.getErr())));
                    return new CommandLine.RunLast().execute(parsed);
                });
    }

    /**
     * A plugin jar, the environment or the config (a service that cannot be created from its params, such as a
     * seed file that is missing) keeps the command from starting: one line naming the culprit, exit 1. Any other
     * exception is a bug and keeps picocli's report with its stack trace.
     */
    private static int startupProblem(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof PluginJarException || e instanceof StartupProblem || e instanceof ConfigException) {
            cli.getErr().println("otai: " + e.getMessage());
            cli.getErr().flush();
            return 1;
        }
        throw e;
    }

    /** What the build baked into the jar: {@code version} and {@code commit}. */
    private static Properties build() {
        var properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/otai-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as an unknown build
        }
        // a build without git leaves the placeholders unfilled
        properties.entrySet().removeIf(entry -> entry.getValue().toString().startsWith("${"));
        return properties;
    }

    /** {@code otai --version}: the version, the commit it was built from, the config API and the JDK running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = build();
            return new String[] {
                "otai " + build.getProperty("version", "unknown"),
                "commit " + build.getProperty("commit", "unknown"),
                "config API " + VersionSpec.CONFIG_API_VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                        + System.getProperty("java.home") + ")"};
        }
    }
}
