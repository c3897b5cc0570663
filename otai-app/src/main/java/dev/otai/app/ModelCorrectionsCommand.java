package dev.otai.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.store.corrections.Corrections;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code otai model corrections}: the tickets otai routed that a person then moved to another queue, with otai's
 * label, the person's label, otai's confidence and when otai routed them.
 */
@Command(name = "corrections", mixinStandardHelpOptions = true,
        description = "List the tickets otai routed (its effect ledger) that the helpdesk now shows in another queue.")
final class ModelCorrectionsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--from-service", paramLabel = "ID", required = true,
            description = "the ticket-system service of the config whose tickets otai routed")
    String fromService;

    @Mixin
    StoreOption store;

    @Option(names = "--since", paramLabel = "T", converter = RunsCommand.SinceConverter.class,
            description = "only tickets otai routed at or after T: an instant, a date, or an age such as 7d")
    Instant since;

    @Option(names = "--limit", defaultValue = "500",
            description = "how many of the tickets otai routed last are checked (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one JSON object a line instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return ModelCommand.reporting(spec, this::execute);
    }

    private Integer execute() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit was " + limit + "; expected at least 1");
        }
        Composition composition = Composition.fromSystem();
        List<Corrections.Correction> found;
        try (ConfiguredService service = ConfiguredService.open(composition, store, fromService)) {
            found = ModelCommand.fromHelpdesk(fromService, composition,
                    () -> new Corrections(service.store()).corrections(service.tickets(), since, limit));
        }
        PrintWriter out = TerminalText.out(spec);
        if (json) {
            for (Corrections.Correction c : found) {
                out.println(JSON.writeValueAsString(asMap(c)));
            }
        } else {
            out.printf("%-12s %-20s %-20s %10s  %-20s  %s%n", "TICKET", "OTAI", "PERSON", "CONFIDENCE", "ROUTED", "SUBJECT");
            for (Corrections.Correction c : found) {
                out.printf("%-12s %-20s %-20s %10s  %-20s  %s%n", TerminalText.oneLine(c.ticketId()),
                        TerminalText.oneLine(c.otaiLabel()), TerminalText.oneLine(c.personLabel()),
                        c.confidence() == null ? "-" : String.format("%.1f %%", c.confidence() * 100),
                        c.routedAt().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", ""),
                        RunsCommand.firstLine(TerminalText.oneLine(c.subject())));
            }
            out.println(found.size() + " correction" + (found.size() == 1 ? "" : "s") + " among the tickets otai routed"
                    + (since == null ? "" : " since " + since) + " (service '" + fromService + "')");
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> asMap(Corrections.Correction c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("ticket_id", c.ticketId());
        map.put("otai_label", c.otaiLabel());
        map.put("person_label", c.personLabel());
        map.put("confidence", c.confidence());
        map.put("routed_at", c.routedAt().toString());
        map.put("subject", c.subject());
        return map;
    }
}
