package dev.otai.support.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.HelpdeskException.Kind;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final ArrayList<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2),
            RetryTiming.of(waits::add, InstantSource.system()));

    private static HelpdeskException failure(Kind kind) {
        return new HelpdeskException("Desk", "op", kind == Kind.CONNECTION ? 0 : 503, null, kind, "boom");
    }

    @Test
    void backoff_grows_exponentially_with_jitter_and_stays_under_the_cap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(100L << (attempt - 1), 2000);
            assertThat(policy.backoff(attempt, Optional.empty()).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void retry_after_wins_when_longer_but_is_capped() {
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_shorter_server_wait_leaves_the_backoff_when_it_counts_only_as_a_floor() {
        var fixed = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2),
                new RetryTiming(waits::add, InstantSource.system(), () -> 0.0));

        assertThat(fixed.backoff(3, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_server_wait_replaces_the_backoff_when_it_is_obeyed_and_is_capped_at_its_own_limit() {
        var obeying = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2),
                RetryPolicy.ServerWait.INSTEAD_OF_BACKOFF, Duration.ofSeconds(60),
                new RetryTiming(waits::add, InstantSource.system(), () -> 0.0));

        assertThat(obeying.backoff(3, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(10));
        assertThat(obeying.backoff(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(obeying.backoff(3, Optional.empty())).isEqualTo(Duration.ofMillis(200));
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
