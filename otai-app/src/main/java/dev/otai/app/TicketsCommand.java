package dev.otai.app;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.store.PrivateFiles;
import dev.otai.store.Store;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.store.tickets.TicketFiles;
import dev.otai.store.tickets.TicketImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otai tickets}: the local ticket system in the data directory. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = "Import, export, list and show the tickets of the local ticket system (local:LocalTicketSystem).",
        subcommands = {TicketsCommand.Import.class, TicketsCommand.Export.class, TicketsCommand.ListTickets.class,
                TicketsCommand.Show.class})
final class TicketsCommand {

    /** Runs {@code work} against the store, turning store and file errors into a message and exit code 1. */
    static int withStore(StoreOption option, CommandSpec spec, StoreWork work) {
        PrintWriter err = TerminalText.err(spec);
        try (Store store = option.open(Composition.fromSystem())) {
            return work.run(store, TerminalText.out(spec));
        } catch (IOException e) {
            err.println("cannot read or write a file: " + e.getMessage());
        } catch (RuntimeException e) {
            err.println(e.getMessage());
        }
        err.flush();
        return 1;
    }

    @FunctionalInterface
    interface StoreWork {
        int run(Store store, PrintWriter out) throws IOException;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import tickets from a .jsonl or .csv file; tickets with an id already stored are replaced.")
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE", description = "a .jsonl (one JSON object a line) or .csv (header row) file")
        Path file;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(store, spec, (s, out) -> {
                int count = TicketImport.importFile(file, new LocalTicketSystem(s), Progress.on(out, "Importing")::update);
                out.println("Imported " + count + " tickets from " + file + " into " + s.description());
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every ticket as JSON Lines (the format import reads) to standard output or a file.")
    static final class Export implements Callable<Integer> {
        @Mixin
        StoreOption store;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to this file instead of standard output")
        Path output;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(store, spec, (s, out) -> {
                if (output == null) {
                    write(s, out);
                    out.flush();
                    return 0;
                }
                if (Files.notExists(output)) {
                    PrivateFiles.createFile(output); // ticket data: readable by its owner only
                }
                try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    write(s, file);
                }
                return 0;
            });
        }

        private static void write(Store s, Writer writer) throws IOException {
            try {
                new LocalTicketSystem(s).forEach(ticket -> {
                    try {
                        TicketFiles.writeJsonLine(ticket, writer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets, oldest first.")
    static final class ListTickets implements Callable<Integer> {
        @Mixin
        StoreOption store;
        @Option(names = "--queue", paramLabel = "Q", description = "only tickets in this queue")
        String queue;
        @Option(names = "--state", paramLabel = "S", description = "only tickets in this state")
        String state;
        @Option(names = "--limit", defaultValue = "50", description = "the most tickets to list (default ${DEFAULT-VALUE})")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "skip this many matching tickets (paging)")
        int offset;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(store, spec, (s, out) -> {
                List<Ticket> found = new LocalTicketSystem(s).find(new TicketQuery(queue == null ? null : Entity.named(queue),
                        state == null ? List.of() : List.of(state), limit, offset, null, "created"));
                out.printf("%-10s %-24s %-12s %-10s %s%n", "ID", "QUEUE", "PRIORITY", "STATE", "SUBJECT");
                for (Ticket t : found) {
                    out.printf("%-10s %-24s %-12s %-10s %s%n", TerminalText.oneLine(t.id()), name(t.queue()),
                            name(t.priority()), name(t.state()), TerminalText.oneLine(t.title()));
                }
                out.println(found.size() + " tickets" + (found.size() == limit ? " (more with --offset " + (offset + limit) + ")" : ""));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one ticket with its fields and notes.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "ID", description = "the ticket's id")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(store, spec, (s, out) -> {
                var tickets = new LocalTicketSystem(s);
                var found = tickets.get(id);
                if (found.isEmpty()) {
                    TerminalText.err(spec).println("no ticket '" + id + "' in " + s.description());
                    return 1;
                }
                print(found.get(), tickets.version(id), out);
                return 0;
            });
        }

        private static void print(Ticket t, long version, PrintWriter out) {
            out.println("Ticket " + t.id() + ": " + t.title());
            out.println("  queue " + name(t.queue()) + ", priority " + name(t.priority()) + ", state " + name(t.state())
                    + (t.customer() == null ? "" : ", customer " + name(t.customer())));
            out.println("  created " + t.created() + ", updated " + t.updated() + ", version " + version);
            if (!t.tags().isEmpty()) {
                out.println("  tags " + String.join(", ", t.tags()));
            }
            t.fields().forEach((k, v) -> out.println("  field " + k + " = " + v));
            out.println();
            out.println(t.body());
            for (Note note : t.notes()) {
                out.println();
                out.println("--- note " + note.id() + " (" + (note.visibleToCustomer() ? "public" : "internal") + ", "
                        + note.created() + ")" + (note.subject().isEmpty() ? "" : ": " + note.subject()));
                out.println(note.body());
            }
            out.flush();
        }
    }

    static String name(Entity entity) {
        return entity == null ? "-" : TerminalText.oneLine(entity.toString());
    }
}
