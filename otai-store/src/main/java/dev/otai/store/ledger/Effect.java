package dev.otai.store.ledger;

import dev.otai.store.Json;
import java.util.Map;

/**
 * One write to a helpdesk, as the ledger records it.
 *
 * @param key       the idempotency key: runner, step, ticket, the ticket's base version and a hash of the content
 * @param operation {@code update}, {@code note} or {@code create}
 * @param detail    the exact fields or note text written
 * @param status    {@code pending} (written to the ledger, helpdesk not yet confirmed), {@code applied},
 *                  {@code failed}, {@code skipped} (already applied) or {@code planned} (dry run)
 */
public record Effect(String key, String runId, String runnerId, String stepId, String ticketId, String operation,
                     Map<String, Object> detail, String status) {

    public Effect withStatus(String newStatus) {
        return new Effect(key, runId, runnerId, stepId, ticketId, operation, detail, newStatus);
    }

    /** One line for the console: ticket, operation and the exact content. */
    public String describe() {
        return "ticket " + ticketId + ": " + operation + " " + Json.write(detail) + " (step '" + stepId
                + "', runner '" + runnerId + "')";
    }
}
