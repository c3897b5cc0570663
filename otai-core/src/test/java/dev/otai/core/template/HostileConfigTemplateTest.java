package dev.otai.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.PipeContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a config template may not do: reach internals, read files or other templates, or run away. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileConfigTemplateTest {

    private static final Map<String, String> ENV = Map.of("SECRET_X", "s3cr3t-value");

    private final TemplateEngine templates = new TemplateEngine();

    private Object render(TemplateEngine engine, String source) {
        var context = PipeContext.empty().withValue("ticket", Map.of("subject", "Printer", "tags", List.of("a", "b")));
        return engine.render(engine.compile(source), new RunScope(context, ENV));
    }

    private Object render(String source) {
        return render(templates, source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ __otai_scope__.env('SECRET_X') }}", "x {{ __otai_scope__ }}", "{{ __otai_scope__ }}"})
    void the_internal_scope_is_no_variable(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown variable '__otai_scope__'")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ ''.getClass() }}", "{{ ticket.subject.getClass() }}", "{{ ticket.hashCode() }}",
            "{{ ticket.subject.getBytes() }}", "{{ ticket.subject.repeat(1000000000) }}", "x{{ ticket.tags.getClass() }}",
            "{{ ticket.tags.append(1) }}", "{{ ticket.subject.class }}", "{{ (1).getClass() }}", "{{ ticket.subject.bytes }}"})
    void methods_and_properties_of_java_objects_are_refused(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining(source.strip());
    }

    @Test
    void the_interpreter_jinjava_keeps_in_every_context_is_not_data() {
        assertThatThrownBy(() -> render("{{ ____int3rpr3t3r____ }}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("not data");
        assertThatThrownBy(() -> render("{{ ____int3rpr3t3r____.context }}")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> render("{{ ____int3rpr3t3r____.getContext() }}")).isInstanceOf(TemplateException.class);
    }

    @Test
    void reading_data_with_jinja2_dict_and_loop_helpers_still_works() {
        assertThat(render("{% for k, v in {'a': 1}.items() %}{{ k }}={{ v }}{% endfor %}")).isEqualTo("a=1");
        assertThat(render("{{ {'a': 1}.get('a') }}")).isEqualTo(1L);
        assertThat(render("{% for t in ticket.tags %}{{ loop.index }}{{ t }}{{ loop.cycle('-', '+') }}{% endfor %}"))
                .isEqualTo("1a-2b+");
        assertThat(render("{{ ticket.tags | join(',') | upper }}:{% if ticket.subject == 'Printer' %}yes{% endif %}"))
                .isEqualTo("A,B:yes");
        assertThat(render("{% for i in range(3) %}{{ i }}{% endfor %}")).isEqualTo("012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{% include 'logback.xml' %}", "{% import 'macros.j2' as m %}",
            "{% from 'macros.j2' import m %}", "{% extends 'base.j2' %}", "a {% if true %}{% include '/etc/passwd' %}{% endif %}"})
    void including_importing_or_extending_is_refused_when_checked_and_when_rendered(String source) {
        Template template = templates.compile(source);
        List<String> problems = templates.check(template, new ValidationScope(Set.of(), null, Set.of("ticket"), ENV));

        assertThat(problems).singleElement().asString().contains("which otai does not allow")
                .contains("cannot include, import or extend");
        assertThatThrownBy(() -> templates.render(template, new RunScope(PipeContext.empty(), ENV)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("which otai does not allow");
    }

    @Test
    void the_render_filter_is_refused() {
        assertThatThrownBy(() -> render("x{{ '{{ 1 + 1 }}' | render }}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("'render', which otai does not allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
            "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
            "{{ range(100000000) | length }}",
            "x{% for i in range(1000000000) %}{% endfor %}",
            "{% for a in range(400) %}{{ range(400) | join(',') }}{% endfor %}"})
    void loop_bombs_stop_at_the_iteration_limit(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("more than 100000 loop iterations")
                .hasMessageContaining("max_loop_iterations")
                .hasMessageContaining(source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{% set s = 'xxxxxxxxxx' %}{% for i in range(20) %}{% set s = s ~ s %}{% endfor %}{{ s }}",
            "{{ 'x' | center(2000000000) }}",
            "y{{ 'x' | indent(2000000000) }}",
            "{% for i in range(2000) %}{{ 'x' | center(1000) }}{% endfor %}"})
    void output_bombs_stop_at_the_output_limit(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("1000000 characters")
                .hasMessageContaining("max_output_chars");
    }

    @Test
    void a_render_past_its_time_limit_stops_with_the_limit_named() {
        var limits = new TemplateLimits(100_000_000, 100_000_000, Duration.ofSeconds(1));
        var slow = new TemplateEngine(limits, new SteppingClock(Duration.ofMillis(10)));

        assertThatThrownBy(() -> render(slow, "{% for a in range(1000) %}{% for b in range(1000) %}x{% endfor %}{% endfor %}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("took longer than 1000 ms").hasMessageContaining("max_render_time");
    }

    @Test
    void limits_are_per_render_so_the_next_render_works() {
        assertThatThrownBy(() -> render("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}"))
                .isInstanceOf(TemplateException.class);

        assertThat(render("{% for a in range(300) %}{% for b in range(300) %}{% endfor %}{% endfor %}ok")).isEqualTo("ok");
    }

    /** A clock that moves on by a step each time it is read. */
    private static final class SteppingClock implements InstantSource {

        private final AtomicLong reads = new AtomicLong();
        private final Duration step;

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plus(step.multipliedBy(reads.incrementAndGet()));
        }
    }
}
