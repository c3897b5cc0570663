package dev.otai.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateEngineTest {

    private final TemplateEngine templates = new TemplateEngine();

    private Object render(String source, PipeContext context, Map<String, String> env) {
        return templates.render(templates.compile(source), new RunScope(context, env));
    }

    private Object render(String source) {
        return render(source, context(), Map.of("PW", "1234"));
    }

    private static PipeContext context() {
        var nullable = new HashMap<String, Object>();
        nullable.put("value", null);
        return PipeContext.empty()
                .withResult("classify", PipeResult.success(Map.of("label", "IT", "confidence", 0.876)))
                .withResult("ticket", PipeResult.success(Map.of("value", Map.of("id", 7, "queue", Map.of("name", "Incoming")))))
                .withResult("empty", PipeResult.success(nullable))
                .withResult("broken", PipeResult.failed("boom"))
                .withParentParams(Map.of("threshold", 0.8))
                .withValue("item", Map.of("subject", "Printer"));
    }

    @Test
    void a_single_expression_yields_its_native_value() {
        assertThat(render("{{ 5 + 5 }}")).isEqualTo(10L);
        assertThat(render("{{ get_pipe_result('classify', 'confidence') >= 0.8 }}")).isEqualTo(true);
        assertThat(render("{{ get_pipe_result('ticket') }}")).isEqualTo(Map.of("id", 7, "queue", Map.of("name", "Incoming")));
        assertThat(render("{{ [1, 2] }}")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1e3", "True", "None", "[1,2]", "'quoted'", "PT0.5S"})
    void plain_text_is_never_reparsed_as_a_literal(String text) {
        assertThat(render(text)).isEqualTo(text);
    }

    @Test
    void mixed_text_renders_to_a_string() {
        assertThat(render("id-{{ 42 }}")).isEqualTo("id-42");
        assertThat(render("{{ get_pipe_result('classify', 'label') }} ({{ get_pipe_result('classify', 'confidence') | round(2) }})"))
                .isEqualTo("IT (0.88)");
    }

    @Test
    void get_env_yields_text_so_numeric_passwords_stay_text() {
        assertThat(render("{{ get_env('PW') }}")).isEqualTo("1234");
    }

    @Test
    void helper_functions_read_the_context() {
        assertThat(render("{{ has_failed('broken') }}")).isEqualTo(true);
        assertThat(render("{{ has_failed('classify') }}")).isEqualTo(false);
        assertThat(render("{{ get_parent_param('threshold') }}")).isEqualTo(0.8);
        assertThat(render("{{ at_path(get_pipe_result('ticket'), 'queue.name') }}")).isEqualTo("Incoming");
        assertThat(render("{{ item.subject }}")).isEqualTo("Printer");
        assertThat(render("{{ pipe_results.broken.message }}")).isEqualTo("boom");
        assertThat(render("{{ fail() }}")).isSameAs(Fail.MARKER);
        assertThat(render("{{ fail() if get_pipe_result('classify', 'confidence') < 0.5 else 'ok' }}")).isEqualTo("ok");
    }

    @Test
    void pipe_results_read_as_a_whole_list_every_earlier_result_in_the_order_they_ran() {
        assertThat(render("{% for id, result in pipe_results.items() %}{{ id }}={{ result.succeeded }};{% endfor %}"))
                .isEqualTo("classify=True;ticket=True;empty=True;broken=False;");
        assertThat(render("{{ pipe_results | length }} {{ 'broken' in pipe_results }} {{ 'later' in pipe_results }}"))
                .isEqualTo("4 True False");
        assertThat(render("{{ pipe_results.classify }}")).isEqualTo(Map.of("succeeded", true, "was_skipped", false,
                "failed", false, "message", "", "data", Map.of("label", "IT", "confidence", 0.876)));
        assertThat(render("{{ pipe_results.later is defined }}")).isEqualTo(false);
    }

    @Test
    void a_null_result_value_is_a_value_not_a_missing_key() {
        assertThat(render("{{ get_pipe_result('empty') is none }}")).isEqualTo(true);
    }

    @Test
    void jinja_filters_and_added_min_max_work() {
        assertThat(render("{{ [3, 1, 2] | max }}")).isEqualTo(3L);
        assertThat(render("{{ [3, 1, 2] | min }}")).isEqualTo(1L);
        assertThat(render("{{ missing | default('fallback') }}")).isEqualTo("fallback");
        assertThat(render("{{ {'a': 1} | tojson }}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void errors_name_the_template_and_the_culprit() {
        assertThatThrownBy(() -> render("{{ nope }}")).hasMessageContaining("unknown variable 'nope'").hasMessageContaining("{{ nope }}");
        assertThatThrownBy(() -> render("{{ 'x' | shout }}")).hasMessageContaining("unknown filter 'shout'");
        assertThatThrownBy(() -> render("{{ get_pipe_result('missing') }}")).hasMessageContaining("no pipe 'missing' has run");
        assertThatThrownBy(() -> render("{{ get_pipe_result('classify', 'score') }}")).hasMessageContaining("has no data 'score'")
                .hasMessageContaining("label");
        assertThatThrownBy(() -> render("{{ get_env('UNSET_VAR') }}")).hasMessageContaining("'UNSET_VAR' is not set");
        assertThatThrownBy(() -> render("{{ get_parent_param('nope') }}")).hasMessageContaining("parent has no param 'nope'");
    }

    @Test
    void renders_concurrently_without_sharing_state() throws Exception {
        Template template = templates.compile("{{ item.n * 2 }}");
        try (var executor = Executors.newFixedThreadPool(8)) {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(executor.submit(() -> templates.render(template,
                        new RunScope(PipeContext.empty().withValue("item", Map.of("n", n)), Map.of()))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(2L * i);
            }
        }
    }
}
