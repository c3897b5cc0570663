package dev.otai.store.ledger;

import dev.otai.api.RunInfo;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.api.ticket.WriteReceipt;
import dev.otai.core.orchestration.LeaseLost;
import dev.otai.store.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket system whose writes go through the effect ledger. Reads pass straight through, and the run remembers
 * the versions they returned. Each write inside a run gets an idempotency key (runner, step, ticket, the ticket's
 * base version, a hash of the content), built from what the run already holds: the fetched ticket, then the
 * answer to its own last write; no read is made in the normal case. A key already applied is skipped (unless the
 * fetched ticket shows none of our writes), a key left pending by a crash is checked against the ticket first,
 * and caps per run and per ticket stop runaway loops. In a dry run the write is recorded as planned and not sent.
 */
final class LedgerTicketSystem implements TicketSystem {

    private static final Logger log = LoggerFactory.getLogger(LedgerTicketSystem.class);

    private final TicketSystem delegate;
    private final String serviceId;
    private final LedgerDecorator decorator;
    /** Cloned per key: looking the algorithm up per write cost as much as hashing (runs use virtual threads). */
    private final MessageDigest sha256 = sha256();

    LedgerTicketSystem(TicketSystem delegate, String serviceId, LedgerDecorator decorator) {
        this.delegate = delegate;
        this.serviceId = serviceId;
        this.decorator = decorator;
    }

    @Override
    public List<Ticket> find(TicketQuery query) throws Exception {
        List<Ticket> found = delegate.find(query);
        found.forEach(this::saw);
        decorator.step().ifPresent(step -> step.run().tally().countFetched(found.size()));
        return found;
    }

    @Override
    public Optional<Ticket> get(String ticketId) throws Exception {
        Optional<Ticket> found = delegate.get(ticketId);
        found.ifPresent(this::saw);
        return found;
    }

    /** Remembers a ticket this run read, so its writes are keyed by the version it already holds. */
    private void saw(Ticket ticket) {
        decorator.step().ifPresent(step -> decorator.counts(step.run().runId()).seen()
                .put(ticket.id(), new LedgerDecorator.SeenTicket(version(ticket.id(), ticket), ticket)));
    }

    @Override
    public WriteReceipt update(String ticketId, TicketUpdate update) throws Exception {
        WriteReceipt receipt = write(ticketId, "update", Changes.of(update), t -> Changes.present(t, update),
                () -> delegate.update(ticketId, update));
        return receipt != null ? receipt : WriteReceipt.unknown();
    }

    @Override
    public WriteReceipt addNote(String ticketId, Note note) throws Exception {
        WriteReceipt receipt = write(ticketId, "note", Changes.of(note), t -> Changes.hasNote(t, note),
                () -> delegate.addNote(ticketId, note));
        return receipt != null ? receipt : WriteReceipt.unknown();
    }

    @Override
    public Ticket create(NewTicket ticket) throws Exception {
        Ticket created = write(null, "create", Changes.of(ticket), t -> false, () -> delegate.create(ticket));
        return created != null ? created : Changes.planned(ticket);
    }

    private <T> T write(String ticketId, String operation, Map<String, Object> detail, Predicate<Ticket> alreadyThere,
                        Callable<T> action) throws Exception {
        Optional<LedgerDecorator.Step> step = decorator.step();
        if (step.isEmpty()) {
            return decorator.dryRun() ? null : action.call();
        }
        var run = step.get().run();
        LedgerDecorator.RunCounts counts = decorator.counts(run.runId());
        EffectLedger ledger = decorator.ledger();
        if (counts.writes().get() >= ledger.settings().maxWritesPerRun()) {
            if (counts.capReported().compareAndSet(false, true)) {
                log.warn("Run {} of runner '{}' reached infrastructure.storage.ledger.max_writes_per_run ({} writes): this and "
                        + "every later write of the run are refused and their steps fail; raise the setting when one run "
                        + "should write more (a for-each over many tickets)", run.runId(), run.runnerId(),
                        ledger.settings().maxWritesPerRun());
            }
            throw new WriteRefused("runner '" + run.runnerId() + "' run " + run.runId() + ": step '" + step.get().stepId()
                    + "' would make write number " + (counts.writes().get() + 1) + "; the cap is "
                    + ledger.settings().maxWritesPerRun() + " (infrastructure.storage.ledger.max_writes_per_run)");
        }
        LedgerDecorator.SeenTicket seen = ticketId == null ? null : seenBefore(ticketId, counts);
        TicketEffects effects = ticketId == null ? null : counts.held().computeIfAbsent(ticketId, ledger::hold);
        String base = ticketId == null ? "-" : effects.baseVersion(seen.version());
        String target = ticketId == null ? "new" : ticketId;
        String detailJson = Json.write(detail);
        var effect = new Effect(key(run.runnerId(), step.get().stepId(), target, base, operation, detailJson), run.runId(),
                run.runnerId(), step.get().stepId(), target, operation, detail, "pending");
        if (!ledger.settings().alwaysWrite().contains(step.get().stepId()) && alreadyApplied(effect, seen, alreadyThere, base, counts, effects)) {
            counts.skipped().incrementAndGet();
            run.tally().countAlreadyApplied();
            return null;
        }
        if (decorator.dryRun()) {
            ledger.record(effect.withStatus("planned"), detailJson, base, effects);
            decorator.planned(effect.withStatus("planned"));
            counts.writes().incrementAndGet();
            run.tally().countWritten();
            log.info("Dry run: would write {}", effect.describe());
            return null;
        }
        T result = apply(effect, detailJson, base, ticketId, action, counts, effects);
        run.tally().countWritten();
        return result;
    }

    /**
     * The ticket as this run holds it: its version from the ticket system's own counter, else from this run's
     * fetch or its last write's answer; read from the helpdesk only when the run holds neither.
     */
    private LedgerDecorator.SeenTicket seenBefore(String ticketId, LedgerDecorator.RunCounts counts) throws Exception {
        LedgerDecorator.SeenTicket seen = counts.seen().get(ticketId);
        if (delegate instanceof VersionedTickets) {
            return new LedgerDecorator.SeenTicket(version(ticketId, null), seen == null ? null : seen.fetched());
        }
        if (seen != null) {
            return seen;
        }
        Ticket current = delegate.get(ticketId).orElse(null);
        return new LedgerDecorator.SeenTicket(version(ticketId, current), current);
    }

    private boolean alreadyApplied(Effect effect, LedgerDecorator.SeenTicket seen, Predicate<Ticket> alreadyThere, String base,
                                   LedgerDecorator.RunCounts counts, TicketEffects effects) throws Exception {
        Optional<String> status = effects == null ? decorator.ledger().status(effect.key()) : effects.status(effect.key());
        if (status.isEmpty()) {
            return false;
        }
        if (status.get().equals("pending")) {
            return settlePending(effect, alreadyThere, base, effects);
        }
        if (shownNowhere(effect, seen, alreadyThere, effects)) {
            counts.restored().add(effect.ticketId());
            log.warn("{}: recorded as applied, but the ticket as fetched shows neither it nor any later write of ours "
                    + "(version {}: the helpdesk lost it, and is back at a state before it); writing again", effect.describe(),
                    seen.version());
            return false;
        }
        if (counts.restored().contains(effect.ticketId())) {
            log.warn("{}: recorded as applied, but the ticket was found back at a state before our writes earlier in this "
                    + "run; writing again", effect.describe());
            return false;
        }
        log.debug("Skipped (already applied): {}", effect.describe());
        return true;
    }

    /** A crash left the write unconfirmed: the one read the ledger makes, to see whether the helpdesk has it. */
    private boolean settlePending(Effect effect, Predicate<Ticket> alreadyThere, String base, TicketEffects effects)
            throws Exception {
        Ticket current = effect.ticketId().equals("new") ? null : delegate.get(effect.ticketId()).orElse(null);
        if (current == null || !alreadyThere.test(current)) {
            log.warn("{}: an earlier attempt did not finish and the ticket does not show it; writing again", effect.describe());
            return false;
        }
        EffectLedger ledger = decorator.ledger();
        long id = ledger.record(effect.withStatus("pending"), null, base, effects);
        ledger.settle(id, "applied", version(effect.ticketId(), current), effects);
        log.debug("Skipped (already applied): {}", effect.describe());
        return true;
    }

    /**
     * Whether an applied write is missing from the ticket as this run fetched it: the ticket does not show it, and
     * it is at a version that neither this write nor a later one of ours produced. The key of an applied write names
     * the version it was made on, so such a ticket is back where it was before the write: at the start of the chain
     * (a helpdesk restored from a backup, a fake that was reset) or after an earlier write of ours (a helpdesk that
     * lost its latest commits in a crash). A ticket whose version a later write of ours produced may show that
     * write instead of this one, and keeps it. A note is shown when the fetch carried its article; a fetch without
     * articles (or with only the first ones) is judged by the version alone. No read is made for this.
     */
    private boolean shownNowhere(Effect effect, LedgerDecorator.SeenTicket seen, Predicate<Ticket> alreadyThere,
                                 TicketEffects effects) {
        return (effect.operation().equals("update") || effect.operation().equals("note")) && seen != null
                && seen.fetched() != null && !alreadyThere.test(seen.fetched())
                && effects != null && !effects.reachedBy(effect.key(), seen.version());
    }

    private <T> T apply(Effect effect, String detailJson, String base, String ticketId, Callable<T> action, LedgerDecorator.RunCounts counts,
                        TicketEffects effects) throws Exception {
        EffectLedger ledger = decorator.ledger();
        if (effects != null && ledger.recentWrites(effects) >= ledger.settings().maxWritesPerTicket()) {
            throw new WriteRefused("ticket '" + ticketId + "' already had " + ledger.settings().maxWritesPerTicket()
                    + " writes within " + ledger.settings().window() + "; step '" + effect.stepId()
                    + "' was refused (infrastructure.storage.ledger.max_writes_per_ticket)");
        }
        RunInfo run = decorator.step().orElseThrow().run();
        WriteFence fence = decorator.fence();
        long epoch = fence.check(run, effect::describe);
        long id = fence.clustered() ? recordFenced(effect, detailJson, base, effects, run, epoch)
                : ledger.record(effect, detailJson, base, effects);
        decorator.fault().at("after-intent");
        fence.check(run, effect::describe); // again after the database's answer, right before the helpdesk call
        T result;
        try {
            result = action.call();
        } catch (Exception | Error e) {
            ledger.settle(id, "failed", null, effects);
            throw e;
        }
        decorator.fault().at("after-call");
        counts.writes().incrementAndGet();
        String after = result instanceof Ticket created ? created.id() : versionAfter(ticketId, result);
        if (ticketId != null) {
            counts.seen().put(ticketId, new LedgerDecorator.SeenTicket(after, null));
        }
        ledger.settle(id, "applied", after, effects);
        decorator.fault().at("after-settle");
        return result;
    }

    private long recordFenced(Effect effect, String detailJson, String base, TicketEffects effects, RunInfo run, long epoch) {
        try {
            return decorator.ledger().recordFenced(effect, detailJson, base, effects, epoch);
        } catch (LeaseLost e) {
            decorator.fence().refusedByDatabase(run, epoch);
            throw e;
        }
    }

    /** The ticket's version after our write: from the write's answer; read back only when the answer lacks it. */
    private String versionAfter(String ticketId, Object result) throws Exception {
        if (!(delegate instanceof VersionedTickets) && result instanceof WriteReceipt receipt && receipt.updated() != null) {
            return VersionText.of(receipt.updated());
        }
        return version(ticketId, delegate instanceof VersionedTickets ? null : delegate.get(ticketId).orElse(null));
    }

    /** The ticket's version as the key uses it: the ticket system's own counter when it keeps one, else its updated-at. */
    private String version(String ticketId, Ticket ticket) {
        if (delegate instanceof VersionedTickets versioned) {
            return "v" + versioned.version(ticketId);
        }
        return ticket == null || ticket.updated() == null ? "unknown" : VersionText.of(ticket.updated());
    }

    /** The idempotency key; {@code detailJson} is the write's detail as {@link Json#write} gives it. */
    private String key(String runner, String step, String ticket, String base, String operation, String detailJson) {
        byte[] hash = fresh().digest((operation + detailJson).getBytes(StandardCharsets.UTF_8));
        return String.join("|", runner, step, ticket, base, HexFormat.of().formatHex(hash, 0, 12));
    }

    private MessageDigest fresh() {
        try {
            return (MessageDigest) sha256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ledger(" + serviceId + ": " + delegate + ")";
    }
}
