package dev.otai.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTest {

    private static final Param<Long> TOP_K = Param.integer("top_k").defaultsTo(3L).describedAs("how many labels");
    private static final Param<String> TEXT = Param.string("text").mandatory();
    private static final Param<Double> THRESHOLD = Param.number("threshold");
    private static final Param<Duration> TIMEOUT = Param.duration("timeout").defaultsTo(Duration.ofSeconds(5));

    @Test
    void a_key_reads_its_value_as_its_type() {
        Params params = Params.of(Map.of("text", "hello", "top_k", 7L));

        String text = params.get(TEXT);
        long topK = params.get(TOP_K);

        assertThat(text).isEqualTo("hello");
        assertThat(topK).isEqualTo(7L);
    }

    @Test
    void an_absent_param_reads_as_its_default() {
        Params params = Params.of(Map.of());

        assertThat(params.get(TOP_K)).isEqualTo(3L);
        assertThat(params.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(params.has(TOP_K)).isTrue();
    }

    @Test
    void an_absent_optional_param_is_empty_and_reading_it_as_set_names_it() {
        Params params = Params.of(Map.of());

        assertThat(params.find(THRESHOLD)).isEmpty();
        assertThat(params.has(THRESHOLD)).isFalse();
        assertThatThrownBy(() -> params.get(THRESHOLD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("param 'threshold' is not set");
    }

    @Test
    void fields_of_a_mapping_param_read_with_their_own_keys() {
        Param<Long> limit = Param.integer("limit").defaultsTo(10L);
        Param<Map<String, Object>> criteria = Param.map("criteria").withFields(limit, Param.string("queue"));
        Params params = Params.of(Map.of("criteria", Map.of("queue", "Inbox")));

        assertThat(params.fields(criteria).get(limit)).isEqualTo(10L);
        assertThat(params.fields(criteria).find(Param.string("queue"))).contains("Inbox");
    }

    @Test
    void the_spec_describes_nested_shapes_for_tools() {
        Param<Map<String, Object>> retry = Param.map("retry").withFields(
                Param.integer("attempts").mandatory(), Param.duration("delay").aliasedAs("initial_delay"));
        Param<List<Object>> tags = Param.list("tags").ofItems(Param.string("tag"));
        Param<Object> entity = Param.either("queue", Param.integer("id"), Param.string("name"));
        Param<String> sort = Param.string("sort").oneOf("created", "-created");

        assertThat(retry.spec().fields()).extracting(ParamSpec::name).containsExactly("attempts", "delay");
        assertThat(retry.spec().fields().getFirst().required()).isTrue();
        assertThat(retry.spec().field("initial_delay")).map(ParamSpec::name).contains("delay");
        assertThat(retry.spec().otherKeys()).isFalse();
        assertThat(retry.allowingOtherKeys().spec().otherKeys()).isTrue();
        assertThat(tags.spec().items().kind()).isEqualTo(ParamKind.STRING);
        assertThat(tags.spec().expectation()).isEqualTo("a list of strings");
        assertThat(entity.spec().alternatives()).extracting(ParamSpec::kind).containsExactly(ParamKind.INTEGER, ParamKind.STRING);
        assertThat(entity.spec().alternatives()).extracting(ParamSpec::name).containsOnly("queue");
        assertThat(entity.spec().expectation()).isEqualTo("an integer or a string");
        assertThat(sort.spec().choices()).containsExactly("created", "-created");
        assertThat(sort.spec().expectation()).isEqualTo("one of: created, -created");
    }

    @Test
    void fields_on_a_param_that_is_not_a_mapping_are_refused_naming_it() {
        assertThatThrownBy(() -> Param.string("text").withFields(Param.string("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("param 'text' is a string");
    }

    @Test
    void keys_are_immutable_so_a_shared_key_can_be_refined_safely() {
        Param<Long> base = Param.integer("n");
        Param<Long> required = base.mandatory();

        assertThat(base.spec().required()).isFalse();
        assertThat(required.spec().required()).isTrue();
    }
}
