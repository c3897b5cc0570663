package dev.otai.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's evaluation sets (data/eval-sets/NAME/{train,test}.jsonl), found from the test's directory. */
public final class EvalSets {

    private EvalSets() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/eval-sets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/eval-sets not found above " + Path.of("").toAbsolutePath());
    }

    /** Every set's directory, by name. */
    public static List<Path> sets() throws IOException {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("train.jsonl"))).sorted().toList();
        }
    }
}
