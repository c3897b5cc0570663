package dev.otai.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a config has errors; carries all of them. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
