package dev.otai.ml;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample ticket set, found from the module directory the tests run in. */
public final class SampleTickets {

    private SampleTickets() {
    }

    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/sample-tickets/tickets.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/sample-tickets/tickets.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
