package dev.otai.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.Command;

/** {@code otai model}: train and evaluate classifiers on labelled tickets. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Train and evaluate ticket classifiers on labelled tickets (CSV or JSON Lines).",
        subcommands = {ModelTrainCommand.class, ModelEvalCommand.class})
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

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "file " + missing.getFile() + " does not exist";
        }
        return e.getMessage();
    }
}
