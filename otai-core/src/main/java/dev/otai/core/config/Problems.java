package dev.otai.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a config, so that one validation reports all of them. */
public final class Problems {

    private final List<Problem> all = new ArrayList<>();

    public void error(ConfigNode node, String path, String message) {
        all.add(Problem.error(node.location(), path, message));
    }

    public void error(Location location, String path, String message) {
        all.add(Problem.error(location, path, message));
    }

    public void warning(Location location, String path, String message) {
        all.add(Problem.warning(location, path, message));
    }

    public void add(Problem problem) {
        all.add(problem);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(p -> !p.warning());
    }

    public List<Problem> errors() {
        return all.stream().filter(p -> !p.warning()).toList();
    }

    /** All problems, errors and warnings, in file order. */
    public List<Problem> sorted() {
        return all.stream()
                .sorted(Comparator.comparing((Problem p) -> p.location().source())
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }
}
