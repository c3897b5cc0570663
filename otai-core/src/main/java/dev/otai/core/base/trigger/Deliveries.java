package dev.otai.core.base.trigger;

import dev.otai.api.EventTrigger;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The delivery ids a webhook trigger has queued (Zammad's {@code X-Zammad-Delivery}, Zendesk's invocation id),
 * so that a sender's retry of a queued delivery is acknowledged instead of run twice. An id is remembered only
 * once its event is queued: a delivery refused with 503 may come again and is then accepted. The most recent
 * {@code capacity} ids are kept.
 */
final class Deliveries {

    /** What a delivery id is to this trigger right now. */
    enum Claim { NEW, QUEUED_BEFORE, IN_PROGRESS }

    private final int capacity;
    private final Set<String> queued = new LinkedHashSet<>();
    private final Set<String> inProgress = new HashSet<>();

    Deliveries(int capacity) {
        this.capacity = capacity;
    }

    /** Claims {@code id} for one request; a {@link Claim#NEW} claim must end with its receipt. */
    synchronized Claim claim(String id) {
        if (queued.contains(id)) {
            return Claim.QUEUED_BEFORE;
        }
        return inProgress.add(id) ? Claim.NEW : Claim.IN_PROGRESS;
    }

    /** The receipt that ends a {@link Claim#NEW} claim: remembers the id when queued, forgets it when refused. */
    EventTrigger.Receipt receipt(String id) {
        return new EventTrigger.Receipt() {
            @Override
            public void queued() {
                remember(id);
            }

            @Override
            public void refused() {
                forget(id);
            }
        };
    }

    private synchronized void remember(String id) {
        inProgress.remove(id);
        queued.add(id);
        if (queued.size() > capacity) {
            queued.remove(queued.iterator().next());
        }
    }

    private synchronized void forget(String id) {
        inProgress.remove(id);
    }
}
