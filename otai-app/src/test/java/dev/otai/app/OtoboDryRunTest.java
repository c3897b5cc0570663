package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.otobo.FakeOtobo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code otai run --once --dry-run} against a fake OTOBO server sends no write request, and prints exactly the
 * writes a real {@code otai run --once} then sends.
 */
class OtoboDryRunTest {

    private static final int TICKETS = 12;
    private static final Pattern PLANNED = Pattern.compile("^  ticket (\\S+): (\\w+) (\\{.*}) \\(step '[^']+', runner '[^']+'\\)$");

    /** One write to one ticket, in the ledger's terms: {@code update {"queue":…}} or {@code note {"subject":…}}. */
    record Write(String ticketId, String operation, Map<String, Object> detail) {
    }

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void dry_run_sends_no_write_and_prints_exactly_what_a_real_run_then_writes() throws Exception {
        OtoboRouting.seed(fake, TICKETS);
        String config = OtoboRouting.writeConfig(dir, fake).toString();

        var dry = new StringWriter();
        assertThat(otai(dry, "run", "--once", "--dry-run", "--config", config)).as(dry.toString()).isZero();
        assertThat(fake.requests()).as("requests during the dry run").isNotEmpty().noneMatch(OtoboRouting::isWrite);
        assertThat(fake.tickets()).allSatisfy(t -> assertThat(t.queue()).isEqualTo("Incoming"));
        List<Write> planned = planned(dry.toString());
        assertThat(dry.toString()).contains("Dry run: " + 2 * TICKETS + " writes planned, nothing was sent:");

        fake.clearRequests();
        var real = new StringWriter();
        assertThat(otai(real, "run", "--once", "--config", config)).as(real.toString()).isZero();
        List<Write> written = fake.requests().stream().filter(OtoboRouting::isWrite).flatMap(r -> sent(r).stream()).toList();

        assertThat(planned).hasSize(2 * TICKETS).containsExactlyInAnyOrderElementsOf(written);
        assertThat(fake.tickets()).noneSatisfy(t -> assertThat(t.queue()).isEqualTo("Incoming"));
    }

    private static int otai(StringWriter out, String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @SuppressWarnings("unchecked")
    private List<Write> planned(String output) throws Exception {
        var writes = new ArrayList<Write>();
        for (String line : output.lines().toList()) {
            Matcher m = PLANNED.matcher(line);
            if (m.matches()) {
                writes.add(new Write(m.group(1), m.group(2), json.readValue(m.group(3), Map.class)));
            }
        }
        return writes;
    }

    /** What a TicketUpdate request asks for, in the ledger's terms: a queue change, a note, or both. */
    @SuppressWarnings("unchecked")
    private List<Write> sent(RecordedRequest request) {
        Map<String, Object> body;
        try {
            body = json.readValue(request.body(), Map.class);
        } catch (Exception e) {
            throw new AssertionError("write request body is not JSON: " + request.body(), e);
        }
        String id = String.valueOf(body.get("TicketID"));
        var writes = new ArrayList<Write>();
        if (body.get("Ticket") instanceof Map<?, ?> ticket && !ticket.isEmpty()) {
            var detail = new LinkedHashMap<String, Object>();
            ((Map<String, Object>) ticket).forEach((key, value) -> detail.put(key.toLowerCase(Locale.ROOT), value));
            writes.add(new Write(id, "update", detail));
        }
        if (body.get("Article") instanceof Map<?, ?> article) {
            var detail = new LinkedHashMap<String, Object>();
            detail.put("subject", article.get("Subject"));
            detail.put("body", article.get("Body"));
            detail.put("content_type", String.valueOf(article.get("ContentType")).replace("; charset=utf-8", ""));
            detail.put("visible_to_customer", Integer.valueOf(1).equals(article.get("IsVisibleForCustomer")));
            writes.add(new Write(id, "note", detail));
        }
        return writes;
    }
}
