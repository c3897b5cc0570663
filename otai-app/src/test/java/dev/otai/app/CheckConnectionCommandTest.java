package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.zammad.FakeZammad;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConnectionCommandTest {

    private final FakeOtobo otobo = new FakeOtobo();
    private final FakeZammad zammad = new FakeZammad();
    private final StringWriter out = new StringWriter();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        otobo.close();
        zammad.close();
    }

    private int run(String otoboPassword, String... extra) throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  services:
                    otobo:
                      use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                      params: { base_url: "%s", password: "%s", max_attempts: 1 }
                    zammad:
                      use: "zammad:ZammadTicketsystemService"
                      params: { base_url: "%s", access_token: "%s" }
                  orchestrator:
                    use: "base:SimpleSequentialOrchestrator"
                    params: { steps: [] }
                """.formatted(otobo.baseUrl(), otoboPassword, zammad.baseUrl(), FakeZammad.TOKEN));
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        String[] args = new String[extra.length + 3];
        args[0] = "check-connection";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return cli.execute(args);
    }

    @Test
    void every_helpdesk_that_works_is_reported_ok() throws Exception {
        otobo.addTicket("a", "b", "Raw");

        assertThat(run(FakeOtobo.PASSWORD)).isZero();

        assertThat(out.toString()).contains("ok      otobo: authenticated as 'open_ticket_ai'")
                .contains("search returned 1 ticket").contains("ok      zammad: authenticated as 'admin@example.com'");
    }

    @Test
    void a_wrong_password_fails_naming_the_error_code_but_not_the_password() throws Exception {
        assertThat(run("Wrong-Pass-123")).isEqualTo(1);

        assertThat(out.toString()).contains("FAILED  otobo: OTOBO/Znuny TicketSearch failed (HTTP 200, error code TicketSearch.AuthFail)")
                .doesNotContain("Wrong-Pass-123").contains("ok      zammad");
    }

    @Test
    void service_selects_one_helpdesk_and_an_unknown_id_is_exit_code_2() throws Exception {
        assertThat(run(FakeOtobo.PASSWORD, "--service", "zammad")).isZero();
        assertThat(out.toString()).contains("zammad").doesNotContain("otobo:");

        assertThat(run(FakeOtobo.PASSWORD, "--service", "nope")).isEqualTo(2);
        assertThat(out.toString()).contains("no ticket-system service 'nope'; ticket systems: [otobo, zammad]");
    }
}
