package dev.otai.app;

import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.store.tickets.LocalTicketSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the quickstart shows: a progress bar (plain lines when the output is not a terminal) while the first pass
 * routes the sample tickets, then a summary: tickets per queue, accuracy against the sample's own labels, where
 * the data lives and how to look at it.
 */
final class QuickstartProgress implements StepListener {

    static final String TICKETS = "tickets";
    static final String FIRST_PASS = "first_pass";
    static final String NOTE_STEP = "note";

    private final PrintWriter out;
    private final Progress bar;
    private final Path dataDirectory;
    private final AtomicInteger routed = new AtomicInteger();
    private volatile int total;
    private volatile LocalTicketSystem tickets;
    private final long startNanos = System.nanoTime();

    private final boolean keepsRunning;
    private final String tokenHint;
    private final String launcher;
    private volatile String console;

    /**
     * {@code tokenHint} says how to sign in to the console: the token made for this session, or where the user's is;
     * {@code launcher} is the command the hints name ({@code ./otai} in the repository, {@code bin/otai} in a release).
     */
    QuickstartProgress(PrintWriter out, Path dataDirectory, boolean keepsRunning, String tokenHint, String launcher) {
        this.keepsRunning = keepsRunning;
        this.tokenHint = tokenHint;
        this.launcher = launcher;
        this.out = out;
        this.bar = Progress.on(out, "  Routed");
        this.dataDirectory = dataDirectory;
    }

    EngineSession.Hooks hooks() {
        return new EngineSession.Hooks(this::onEngineEvent, this, this::started, this::consoleAt);
    }

    private void started(Engine engine) {
        if (!(engine.assembly().services().get(TICKETS) instanceof LocalTicketSystem local)) {
            throw new IllegalStateException("the quickstart config must define service '" + TICKETS + "' as local:LocalTicketSystem");
        }
        tickets = local;
        total = incoming(local);
        out.println("Routing " + total + " tickets from queue Incoming (data in " + dataDirectory + ") ...");
        out.flush();
    }

    private void consoleAt(String address) {
        console = address;
        out.println("Web console: " + address + "  (" + tokenHint + ")");
        out.flush();
    }

    private static int incoming(TicketSystem tickets) {
        try {
            return tickets.find(TicketQuery.inQueue("Incoming", 100_000)).size();
        } catch (Exception e) {
            return 0;
        }
    }

    @Override
    public void finished(StepEvent step) {
        if (step.pipeId().equals(NOTE_STEP) && step.outcome().equals("succeeded") && step.run().runnerId().equals(FIRST_PASS)) {
            show(routed.incrementAndGet());
        }
    }

    private synchronized void show(int done) {
        bar.update(Math.min(done, total), total);
    }

    private void onEngineEvent(EngineEvent event) {
        if (event instanceof EngineEvent.RunFinished finished && finished.runnerId().equals(FIRST_PASS) && tickets != null) {
            summary(finished);
        }
    }

    private void summary(EngineEvent.RunFinished finished) {
        Map<String, Integer> perQueue = new TreeMap<>();
        int[] labelled = {0, 0};
        tickets.forEach(ticket -> {
            String queue = ticket.queue() == null ? "(none)" : ticket.queue().name();
            perQueue.merge(queue, 1, Integer::sum);
            Object expected = ticket.fields().get("label_queue");
            if (expected != null) {
                labelled[0]++;
                labelled[1] += expected.toString().equals(queue) ? 1 : 0;
            }
        });
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("%nFirst pass %s in %.1f s: %s%n", finished.result().outcome(), seconds, finished.result().message());
        out.println("Tickets per queue:");
        perQueue.forEach((queue, count) -> out.printf("  %-14s %5d%n", queue, count));
        if (labelled[0] > 0) {
            out.printf("Accuracy against the sample set's labels: %.1f %% (%d of %d)%n", 100.0 * labelled[1] / labelled[0],
                    labelled[1], labelled[0]);
        }
        out.println("Data: " + dataDirectory + " (tickets, run history, effect ledger)");
        out.println("Look around:  " + launcher + " tickets list --queue IT    " + launcher + " tickets show T-0001    "
                + launcher + " runs    " + launcher + " runs show RUN_ID");
        if (console != null) {
            out.println("See every run, ticket and classification in the web console: " + console);
        }
        if (keepsRunning) {
            out.println("Still running: tickets that arrive in Incoming are routed every minute"
                    + " (add some with " + launcher + " tickets import FILE). Ctrl-C stops.");
        }
        out.flush();
    }
}
