package dev.otai.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.Param;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.TicketUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoercionTest {

    private static Object ok(Param<?> param, Object value) {
        return switch (Coercion.coerce(param.spec(), value)) {
            case Coercion.Outcome.Ok ok -> ok.value();
            case Coercion.Outcome.Wrong wrong -> throw new AssertionError(wrong.problem());
        };
    }

    private static Coercion.Outcome.Wrong wrong(Param<?> param, Object value) {
        return (Coercion.Outcome.Wrong) Coercion.coerce(param.spec(), value);
    }

    @Test
    void text_that_looks_like_a_number_stays_a_name_and_a_number_stays_an_id() {
        Param<Object> queue = Entity.param("queue");

        assertThat(ok(queue, "3")).isEqualTo("3");
        assertThat(ok(queue, 3)).isEqualTo(3L);
        assertThat(ok(queue, Map.of("id", 3))).isEqualTo(Map.of("id", "3"));
    }

    @Test
    void an_alias_reaches_the_pipe_under_the_declared_name_and_both_together_are_refused() {
        Param<Map<String, Object>> update = TicketUpdate.param("updated_ticket");

        assertThat(ok(update, Map.of("subject", "New"))).isEqualTo(Map.of("title", "New"));
        Coercion.Outcome.Wrong both = wrong(update, new LinkedHashMap<>(Map.of("title", "A", "subject", "B")));
        assertThat(both.problem()).contains("has both").contains("which mean the same");
        assertThat(both.atKey()).isTrue();
    }

    @Test
    void absent_nested_fields_get_their_defaults_and_values_their_kinds() {
        Param<Map<String, Object>> retry = Param.map("retry").withFields(Param.integer("attempts").defaultsTo(3L),
                Param.number("factor").defaultsTo(2.0));

        assertThat(ok(retry, Map.of("factor", "1.5"))).isEqualTo(Map.of("attempts", 3L, "factor", 1.5));
    }

    @Test
    void the_literal_parts_beside_a_template_are_checked_and_the_template_waits_for_its_value() {
        Param<Map<String, Object>> update = TicketUpdate.param("updated_ticket");

        assertThat(ok(update, Map.of("queue", Coercion.UNRENDERED))).isEqualTo(Map.of("queue", Coercion.UNRENDERED));
        Coercion.Outcome.Wrong wrong = wrong(update, Map.of("queue", Coercion.UNRENDERED, "add_tags", List.of("a", Map.of())));
        assertThat(wrong.label("updated_ticket")).isEqualTo("updated_ticket.add_tags[1]");
        assertThat(wrong.problem()).isEqualTo("was a mapping; expected a string");
    }
}
