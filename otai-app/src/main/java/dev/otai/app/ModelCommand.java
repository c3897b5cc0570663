package dev.otai.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.Command;

/** {@code otai model}: train and evaluate classifiers on labelled tickets. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Train and evaluate ticket classifiers on labelled tickets (CSV or JSON Lines).",
        subcommands = {ModelTrainCommand.class, ModelEvalCommand.class, ModelCorrectionsCommand.class})
final class ModelCommand {

    /** Bad input (a missing file, an unknown field) is reported as one line on stderr with exit code 2. */
    @FunctionalInterface
    interface Action {
        Integer run() throws Exception;
    }

    static Integer reporting(picocli.CommandLine.Model.CommandSpec spec, Action action) throws Exception {
        try {
            return action.run();
        } catch (IllegalArgumentException | IOException e) {
            var err = spec.commandLine().getErr();
            err.println("otai " + spec.qualifiedName(" ").replaceFirst("^otai ", "") + ": " + describe(e));
            err.flush();
            return 2;
        }
    }

    @FunctionalInterface
    interface HelpdeskRead<T> {
        T read() throws Exception;
    }

    /**
     * Runs {@code read} against service {@code id}'s helpdesk; when it cannot be reached, throws an
     * {@link IOException} that says so, with the helpdesk's error redacted.
     */
    static <T> T fromHelpdesk(String id, Composition composition, HelpdeskRead<T> read) throws IOException {
        try {
            return read.read();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the helpdesk of service '" + id + "' could not be reached: "
                    + composition.redactor.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "file " + missing.getFile() + " does not exist";
        }
        return e.getMessage();
    }
}
