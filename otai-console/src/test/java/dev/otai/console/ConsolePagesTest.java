package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.store.tickets.LocalTicketSystem;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each page shows of a quickstart-like engine that routed four tickets. */
class ConsolePagesTest {

    @TempDir
    static Path dir;
    static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        console = RunningConsole.quickstartLike(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
    }

    private static String firstPass() {
        return console.finished.stream().filter(f -> f.runnerId().equals("first_pass")).findFirst().orElseThrow().runId();
    }

    @Test
    void overview_shows_each_runner_with_its_triggers_last_run_and_next_fire() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String page = client.get("/console").body();
            assertThat(page).contains("up</span> 2 runners, 0 runs in flight")
                    .contains("minute <span class=\"muted\">base:IntervalTrigger</span>, next <time")
                    .contains("route_now <span class=\"muted\">base:ManualTrigger</span>")
                    .contains("once at startup")
                    .contains(">" + firstPass() + "</a>")
                    .contains("<h2 id=\"failed\">Failed runs, last 24 hours</h2><p>None.</p>");
        }
    }

    @Test
    void run_page_shows_the_steps_each_item_with_its_ticket_and_the_writes() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String page = client.get("/console/runs/" + firstPass()).body();
            assertThat(page).contains("<h1>Run " + firstPass() + "</h1>")
                    .contains("each_ticket").contains("For-each items")
                    .contains("ticket T-0001").contains("ticket T-0004")
                    .contains("base:ClassificationPipe")
                    .contains("Writes recorded in the effect ledger")
                    .contains("{&quot;queue&quot;:&quot;Billing&quot;}")
                    .contains("Routed by otai");
        }
    }

    @Test
    void ticket_timeline_shows_the_classification_decision_top_labels_and_the_writes_in_order() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String page = client.get("/console/tickets?id=T-0001").body();
            assertThat(page).contains("<h1>Ticket T-0001</h1>")
                    .contains("<dt>Subject</dt><dd>Invoice INV-3040 is wrong</dd><dt>Queue</dt><dd>Billing</dd>")
                    .contains("≥ threshold 90.0 %: Billing")
                    .contains("<caption>Top labels</caption>");
            assertThat(page.indexOf("<td>update</td>")).isPositive().isLessThan(page.indexOf("<td>note</td>"));
            assertThat(client.get("/console/tickets?id=T-9999").body()).contains("otai recorded no writes to ticket T-9999")
                    .contains("The helpdesk has no ticket T-9999");
        }
    }

    @Test
    void runs_can_be_filtered_by_ticket_runner_and_outcome() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            assertThat(client.get("/console/runs?ticket=T-0002").body()).contains(firstPass());
            assertThat(client.get("/console/runs?ticket=T-9999").body()).contains("No runs match.");
            assertThat(client.get("/console/runs?runner=first_pass&outcome=succeeded").body()).contains(firstPass());
            assertThat(client.get("/console/runs?outcome=failed").body()).contains("No runs match.");
        }
    }

    @Test
    void classification_page_counts_labels_per_day_and_the_fallback_share() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String page = client.get("/console/classification").body();
            assertThat(page).contains("4 classifications in the last 14 days")
                    .contains("<th scope=\"col\">Billing</th>")
                    .contains("went to the fallback label")
                    .contains("<h2 id=\"confidence\">Confidence</h2>");
        }
    }

    @Test
    void corrections_show_a_ticket_a_person_moved_after_otai_routed_it() throws Exception {
        var tickets = new LocalTicketSystem(console.store);
        tickets.update("T-0003", new TicketUpdate(null, Entity.named("Sales"), null, null, null, null, null, null, null, null));
        try (var client = new ConsoleClient(console).signedIn()) {
            String page = client.get("/console/classification/corrections").body();
            assertThat(page).contains("<strong>1 of 4</strong> were moved after otai routed them")
                    .contains("<td>Shipping</td><td>92.0 %</td><td>Sales</td><td>moved by a person</td>");
        }
    }

    @Test
    void a_dry_run_lists_the_writes_it_would_make_and_sends_none() throws Exception {
        var tickets = new LocalTicketSystem(console.store);
        Ticket fresh = tickets.create(new NewTicket("Another invoice question", "about INV-1", Entity.named("Incoming"), null, null,
                null, null, null));
        // the interval runner must not route it first: the dry run should see it in Incoming
        try (var client = new ConsoleClient(console).signedIn()) {
            HttpResponse<String> started = client.post("/console/actions/dry-run",
                    Map.of("runner", "first_pass", "csrf", client.csrf("/console/actions")));
            assertThat(started.statusCode()).isEqualTo(303);
            String location = started.headers().firstValue("Location").orElseThrow();
            var page = new AtomicReference<String>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                page.set(client.get(location).body());
                return !page.get().contains("Running…");
            });
            assertThat(page.get()).contains("2 writes planned, nothing was sent")
                    .contains("<td>update</td>").contains("Routed by otai").contains("(ref ***)")
                    .doesNotContain(RunningConsole.NOTE_SECRET);
            assertThat(tickets.get(fresh.id()).orElseThrow().queue().name()).isEqualTo("Incoming");
            assertThat(client.get("/console/runs?runner=first_pass").body()).contains(" *</a>");
        }
    }
}
