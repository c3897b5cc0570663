package dev.otai.store.ledger;

/** A write stopped by a cap of the effect ledger; the step fails with this message and nothing is sent. */
public final class WriteRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WriteRefused(String message) {
        super(message);
    }
}
