package dev.otai.api.ticket;

import java.time.Instant;

/**
 * What a helpdesk's answer to a write says about the ticket afterwards. The effect ledger keys later writes by
 * it, so an adapter that can read the ticket's updated-at from the answer spares the engine a read per write.
 *
 * @param updated the ticket's updated-at after the write, or {@code null} when the answer does not carry it
 */
public record WriteReceipt(Instant updated) {

    private static final WriteReceipt UNKNOWN = new WriteReceipt(null);

    /** A receipt for an answer that does not say how the ticket looks now. */
    public static WriteReceipt unknown() {
        return UNKNOWN;
    }
}
