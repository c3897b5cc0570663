package dev.otai.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.PipeContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's string methods, text formatting and repetition, which templates may now use, stay inside the render's
 * limits: whatever would grow past the output or iteration limit is refused before it is built, with the limit
 * named, and ticket text passed through them is still never rendered as a template.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostilePythonStringMethodTest {

    private static final String HOSTILE_SUBJECT = "{{ get_env('SECRET_X') }} {% for x in range(99999) %}x{% endfor %}";

    private final TemplateEngine templates = new TemplateEngine(new TemplateLimits(10_000, 1_000, Duration.ofSeconds(5)),
            InstantSource.system());

    private Object render(String source) {
        var context = PipeContext.empty().withValue("ticket", Map.of("subject", HOSTILE_SUBJECT, "body", "ab".repeat(100)));
        return templates.render(templates.compile(source), new RunScope(context, Map.of("SECRET_X", "s3cr3t-value")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ 'x' * 100000000 }}", "{{ 100000000 * 'x' }}", "{{ 'x'.center(2000000000) }}",
            "{{ 'x'.ljust(20000) }}", "{{ 'x'.rjust(20000) }}", "{{ '7'.zfill(20000) }}",
            "{{ ticket.body.replace('', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') }}",
            "{{ ticket.body.replace('a', 'a' * 9000) }}", "{{ '{:>999999999}'.format('x') }}",
            "{{ '%999999999s' % 'x' }}", "{{ ','.join(['xxxxxxxxxx'] * 900) * 2 }}", "x{{ 'x' * 100000000 }}"})
    void text_that_would_pass_the_output_limit_is_refused_before_it_is_built(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("infrastructure.templates.max_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ [1] * 100000000 }}", "{{ [1, 2] * 1000 }}", "{{ 'ab'.split('') if false else ['x'] * 5000 }}"})
    void lists_that_would_pass_the_iteration_limit_are_refused(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("infrastructure.templates.max_loop_iterations");
    }

    @Test
    void ticket_text_through_string_methods_stays_text() {
        assertThat(render("{{ ticket.subject.lower() }}")).isEqualTo(HOSTILE_SUBJECT.toLowerCase(Locale.ROOT));
        assertThat(render("{{ '{}'.format(ticket.subject) }}")).isEqualTo(HOSTILE_SUBJECT);
        assertThat(render("{{ '%s!' % ticket.subject }}")).isEqualTo(HOSTILE_SUBJECT + "!");
        assertThat(render("{{ ticket.subject.split(' ')[0] }}")).isEqualTo("{{");
    }

    @Test
    void a_format_field_cannot_reach_into_its_argument() {
        assertThatThrownBy(() -> render("{{ '{0.__class__}'.format(ticket) }}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("no argument named");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ ticket.subject.getClass() }}", "{{ 'x'.getBytes() }}", "{{ 'x'.repeat(5) }}",
            "{{ 'x'.matches('.*') }}", "{{ 'x'.intern() }}", "{{ 'x'.encode('utf-8') }}"})
    void methods_outside_the_allow_list_are_refused(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("not methods of values");
    }
}
