package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TicketsWithEffectsTest {

    private final TicketsWithEffects tickets = new TicketsWithEffects();

    @Test
    void every_marked_ticket_may_have_rows_and_an_unmarked_one_almost_never_does() {
        IntStream.range(0, 100_000).forEach(i -> tickets.mark("T" + i));

        assertThat(IntStream.range(0, 100_000).allMatch(i -> tickets.mayHave("T" + i))).isTrue();
        long mistaken = IntStream.range(0, 100_000).filter(i -> tickets.mayHave("U" + i)).count();
        assertThat(mistaken).isLessThan(1_000);
    }

    @Test
    void a_ticket_nothing_was_marked_for_certainly_has_no_rows() {
        assertThat(tickets.mayHave("42")).isFalse();

        tickets.mark("42");

        assertThat(tickets.mayHave("42")).isTrue();
        assertThat(tickets.mayHave("43")).isFalse();
    }
}
