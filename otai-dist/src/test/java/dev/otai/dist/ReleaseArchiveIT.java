package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.dist.Installation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a new operator gets it: unpacked into an empty folder outside the repository, with the
 * example plugin's jar dropped into {@code plugins/}, then validate, run once on the local ticket system, and the
 * run history, all through {@code bin/otai}.
 */
class ReleaseArchiveIT {

    /** The example plugin's two types at work: tag each Incoming ticket and move it to the queue of its tag. */
    private static final String TAGGING_CONFIG = """
            otai:
              infrastructure:
                storage: { data_dir: tagging-data }
              services:
                tickets:
                  use: local:LocalTicketSystem
                  params: { seed: data/sample-tickets/tickets.jsonl, seed_queue: Incoming }
                tagger:
                  use: keywords:KeywordTagger
                  params:
                    tags: { Printer: [printer, drucker, toner], Other: [e] }
              orchestrator:
                runners:
                  - id: tag_incoming
                    run:
                      id: route
                      use: base:CompositePipe
                      steps:
                        - id: fetch
                          use: base:FetchTicketsPipe
                          injects: { ticket_system: tickets }
                          params: { ticket_search_criteria: { queue: { name: Incoming }, limit: 1000 } }
                        - id: each
                          use: base:ForEachPipe
                          params:
                            items: "{{ get_pipe_result('fetch', 'fetched_tickets') }}"
                            item_name: ticket
                            steps:
                              - id: tag
                                use: keywords:TagText
                                injects: { tagger: tagger }
                                params: { text: "{{ ticket.subject }} {{ ticket.body }}" }
                              - id: move
                                use: base:UpdateTicketPipe
                                injects: { ticket_system: tickets }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket: { queue: { name: "{{ get_pipe_result('tag') }}" } }
            """;

    @TempDir
    Path empty;

    Installation installation;

    @BeforeEach
    void unpack() throws Exception {
        installation = Installation.unpack(empty);
    }

    @Test
    void the_archive_holds_launcher_jar_plugins_config_examples_licence_and_readme() throws Exception {
        assertThat(installation.path("bin/otai")).isExecutable();
        assertThat(installation.path("lib/otai.jar")).isRegularFile();
        assertThat(installation.path("plugins")).isDirectory();
        assertThat(installation.path("config/config.yml")).isRegularFile();
        assertThat(installation.path("examples/quickstart/config.yml")).isRegularFile();
        assertThat(installation.path("examples/plugin/pom.xml")).isRegularFile();
        assertThat(installation.path("data/sample-tickets/tickets.jsonl")).isRegularFile();
        assertThat(installation.path("LICENSE")).isRegularFile();
        assertThat(installation.path("README.md")).content().contains("bin/otai validate --config config/config.yml");
        assertThat(installation.home.getFileName().toString()).matches("otai-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void the_zip_holds_the_same_files_as_the_tarball() throws Exception {
        Path tarball = Path.of(System.getProperty("otai.archive"));
        Path zip = tarball.resolveSibling(tarball.getFileName().toString().replace(".tar.gz", ".zip"));
        List<String> zipped;
        try (var file = new ZipFile(zip.toFile())) {
            zipped = Collections.list(file.entries()).stream().filter(entry -> !entry.isDirectory())
                    .map(entry -> entry.getName()).sorted().toList();
        }
        Outcome listing = Installation.exec(empty, java.util.Map.of(), List.of("tar", "tzf", tarball.toString()));
        List<String> tarred = listing.out().lines().filter(name -> !name.endsWith("/")).sorted().toList();

        assertThat(zipped).isEqualTo(tarred).contains(installation.home.getFileName() + "/bin/otai");
    }

    @Test
    void the_shipped_config_validates_runs_once_and_shows_in_the_run_history() throws Exception {
        Outcome validate = installation.otai("validate", "--config", "config/config.yml");
        assertThat(validate.code()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("config/config.yml is valid: 1 services, 1 runners");

        Outcome run = installation.otai("run", "--once", "--config", "config/config.yml");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("triage").contains("100 items: 100 succeeded, 0 failed, 0 skipped");

        Outcome runs = installation.otai("runs", "--config", "config/config.yml");
        assertThat(runs.code()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("triage").contains("succeeded").contains("1 runs");
        assertThat(installation.path("otai-data")).isDirectory();
    }

    @Test
    void the_quickstart_hints_name_the_launcher_the_user_started() throws Exception {
        Outcome quickstart = Installation.exec(installation.home, java.util.Map.of(),
                List.of("/bin/sh", "-c", "bin/otai quickstart --once"));

        assertThat(quickstart.code()).as(quickstart.err()).isZero();
        assertThat(quickstart.out()).contains("Look around:  bin/otai tickets list --queue IT    bin/otai tickets show T-0001")
                .doesNotContain("./otai");
    }

    @Test
    void a_plugin_jar_in_plugins_is_loaded_and_its_pipe_and_service_run() throws Exception {
        Path jar = Files.copy(Installation.examplePlugin(), installation.path("plugins/otai-example-plugin.jar"));
        Files.writeString(installation.path("tagging.yml"), TAGGING_CONFIG);

        Outcome plugins = installation.otai("plugins");
        assertThat(plugins.code()).as(plugins.err()).isZero();
        assertThat(plugins.out()).contains("plugin keywords (" + jar + ")\n  pipe keywords:TagText")
                .contains("service keywords:KeywordTagger").contains("plugin base (built in)");

        Outcome validate = installation.otai("validate", "--config", "tagging.yml");
        assertThat(validate.code()).as(validate.out() + validate.err()).isZero();

        Outcome run = installation.otai("run", "--once", "--config", "tagging.yml");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("tag_incoming").contains("720 items: 720 succeeded, 0 failed, 0 skipped");

        Outcome printers = installation.otai("tickets", "list", "--config", "tagging.yml", "--queue", "Printer", "--limit", "1000");
        Outcome others = installation.otai("tickets", "list", "--config", "tagging.yml", "--queue", "Other", "--limit", "1000");
        Outcome incoming = installation.otai("tickets", "list", "--config", "tagging.yml", "--queue", "Incoming");
        long printerTickets = printers.out().lines().filter(line -> line.contains(" Printer ")).count();
        long otherTickets = others.out().lines().filter(line -> line.contains(" Other ")).count();
        assertThat(printerTickets).isPositive();
        assertThat(printerTickets + otherTickets).isEqualTo(720);
        assertThat(incoming.out().lines().filter(line -> line.startsWith("T-"))).isEmpty();

        Outcome runs = installation.otai("runs", "--config", "tagging.yml");
        assertThat(runs.out()).contains("tag_incoming").contains("succeeded");
    }
}
