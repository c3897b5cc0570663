package dev.otai.support.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.HelpdeskException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final ArrayList<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), waits::add);

    private static HelpdeskException failure(Kind kind) {
        return new HelpdeskException("Desk", "op", kind == Kind.CONNECTION ? 0 : 503, null, kind, "boom");
    }

    @Test
    void backoff_grows_exponentially_with_jitter_and_stays_under_the_cap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(100L << (attempt - 1), 2000);
            assertThat(policy.backoff(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void retry_after_wins_when_longer_but_is_capped() {
        assertThat(policy.backoff(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryable_failures_are_tried_again_until_success() throws Exception {
        var calls = new AtomicInteger();

        String result = Retrying.idempotent(policy, () -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(Kind.UNAVAILABLE);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(waits).hasSize(2);
    }

    @Test
    void rejections_are_not_retried() {
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> Retrying.idempotent(policy, () -> {
            calls.incrementAndGet();
            throw failure(Kind.REJECTED);
        })).isInstanceOf(HelpdeskException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_non_idempotent_call_that_took_effect_is_not_sent_again() throws Exception {
        var calls = new AtomicInteger();

        String result = Retrying.nonIdempotent(policy, () -> {
            calls.incrementAndGet();
            throw failure(Kind.CONNECTION);
        }, () -> "found");

        assertThat(result).isEqualTo("found");
        assertThat(calls).hasValue(1);
    }

    @Test
    void helpdesk_errors_name_helpdesk_operation_status_and_code() {
        var e = new HelpdeskException("OTOBO/Znuny", "TicketGet", 200, "TicketGet.AccessDenied", Kind.REJECTED, "no access");

        assertThat(e).hasMessage("OTOBO/Znuny TicketGet failed (HTTP 200, error code TicketGet.AccessDenied): no access");
        assertThat(failure(Kind.CONNECTION)).hasMessage("Desk op failed (no HTTP response): boom");
    }
}
