package dev.otai.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * otai's templates against real Jinja2: every template of {@code conformance/corpus.txt}, rendered the way a config
 * value is (compiled once, rendered with a run scope over a pipe context), must give the value and native type that
 * Jinja2 3.1 with OTAI's helpers gives ({@code conformance/expected.json}, written by
 * {@code src/test/conformance/generate.py}), or be listed in {@code conformance/known-differences.txt} with its
 * reason, as docs/differences-from-open-ticket-ai.md explains it. Every template also passes load-time validation,
 * except those listed there because otai refuses their syntax.
 */
class JinjaConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateEngine templates = new TemplateEngine();

    @Test
    void every_template_renders_like_jinja2_or_its_difference_is_documented() throws IOException {
        JsonNode document = JSON.readTree(resource("conformance/expected.json"));
        Map<String, String> known = knownDifferences();
        JsonNode fixture = document.get("fixture");
        PipeContext context = context(fixture);
        Map<String, String> environment = JSON.convertValue(fixture.get("environment"), Map.class);

        var unlisted = new ArrayList<String>();
        var stale = new ArrayList<String>();
        int equal = 0;
        int documented = 0;
        for (JsonNode entry : document.get("expressions")) {
            String source = entry.get("template").asText();
            Object expected = expected(entry);
            String outcome = outcome(source, context, environment);
            boolean same = outcome.equals(describe(expected));
            if (same) {
                equal++;
                if (known.containsKey(source)) {
                    stale.add(source);
                }
            } else if (known.containsKey(source)) {
                documented++;
            } else {
                unlisted.add(source + "\n    jinja2: " + describe(expected) + "\n    otai:   " + outcome);
            }
        }
        int total = document.get("expressions").size();
        System.out.printf("Jinja2 %s conformance: %d of %d templates equal (%.1f %%), %d documented differences,"
                        + " %d unlisted%n", document.get("jinja2").asText(), equal, total, 100.0 * equal / total,
                documented, unlisted.size());

        assertThat(unlisted).as("templates whose value differs from Jinja2's and are not in known-differences.txt")
                .isEmpty();
        assertThat(stale).as("templates in known-differences.txt that now render like Jinja2; remove them").isEmpty();
        assertThat(equal + documented).isEqualTo(total);
    }

    @Test
    void every_template_passes_validation_unless_otai_documents_refusing_it() throws IOException {
        JsonNode document = JSON.readTree(resource("conformance/expected.json"));
        Map<String, String> known = knownDifferences();
        JsonNode fixture = document.get("fixture");
        Map<String, String> environment = JSON.convertValue(fixture.get("environment"), Map.class);
        Set<String> pipeIds = JSON.convertValue(fixture.get("pipe_results"), Map.class).keySet();
        Set<String> values = JSON.convertValue(fixture.get("values"), Map.class).keySet();

        var refused = new ArrayList<String>();
        var unlisted = new ArrayList<String>();
        for (JsonNode entry : document.get("expressions")) {
            String source = entry.get("template").asText();
            var scope = new ValidationScope(pipeIds, null, values, environment);
            List<String> problems = templates.check(templates.compile(source), scope);
            if (!problems.isEmpty()) {
                refused.add(source);
                if (!known.containsKey(source)) {
                    unlisted.add(source + "\n    " + String.join("\n    ", problems));
                }
            }
        }
        System.out.printf("Jinja2 conformance: %d of %d templates validate; %d refused, as documented%n",
                document.get("expressions").size() - refused.size(), document.get("expressions").size(), refused.size());
        assertThat(unlisted).as("templates refused by validation although Jinja2 renders them").isEmpty();
    }

    /** What otai makes of a template: its value described with types, or the error it gives. */
    private String outcome(String source, PipeContext context, Map<String, String> environment) {
        try {
            return describe(templates.render(templates.compile(source), new RunScope(context, environment)));
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    /** A value with the Python type of every part, so that 2 and 2.0, or "1" and 1, never compare equal. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "none";
            case Boolean b -> "bool " + (b ? "True" : "False");
            case Integer i -> "int " + i;
            case Long l -> "int " + l;
            case BigInteger b -> "int " + b;
            case Double d -> "float " + d;
            case Float f -> "float " + f.doubleValue();
            case String s -> "str '" + s + "'";
            case List<?> list -> "list " + list.stream().map(JinjaConformanceTest::describe).toList();
            case Map<?, ?> map -> {
                var parts = new ArrayList<String>();
                map.forEach((k, v) -> parts.add(describe(k) + ": " + describe(v)));
                yield "dict {" + String.join(", ", parts) + "}";
            }
            default -> value.getClass().getSimpleName() + " " + value;
        };
    }

    /** The typed value generate.py wrote: {"type": "int", "value": 1}, lists and dicts of such. */
    private static Object expected(JsonNode typed) {
        JsonNode value = typed.get("value");
        return switch (typed.get("type").asText()) {
            case "none" -> null;
            case "bool" -> value.asBoolean();
            case "int" -> value.asLong();
            case "float" -> value.asDouble();
            case "str" -> value.asText();
            case "list" -> {
                var list = new ArrayList<Object>();
                value.forEach(item -> list.add(expected(item)));
                yield list;
            }
            case "dict" -> {
                var map = new LinkedHashMap<String, Object>();
                value.fields().forEachRemaining(field -> map.put(field.getKey(), expected(field.getValue())));
                yield map;
            }
            default -> throw new IllegalArgumentException("unknown type in expected.json: " + typed);
        };
    }

    private static PipeContext context(JsonNode fixture) {
        PipeContext context = PipeContext.empty();
        for (var result : iterable(fixture.get("pipe_results").fields())) {
            JsonNode r = result.getValue();
            Map<String, Object> data = JSON.convertValue(r.get("data"), Map.class);
            PipeResult pipeResult = r.get("succeeded").asBoolean() ? PipeResult.success(r.get("message").asText(), data)
                    : r.get("was_skipped").asBoolean() ? PipeResult.skipped(r.get("message").asText())
                    : PipeResult.failed(r.get("message").asText());
            context = context.withResult(result.getKey(), pipeResult);
        }
        context = context.withParentParams(JSON.convertValue(fixture.get("parent_params"), Map.class));
        for (var value : iterable(fixture.get("values").fields())) {
            context = context.withValue(value.getKey(), JSON.convertValue(value.getValue(), Object.class));
        }
        return context;
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    /** template TAB reason, one a line; # starts a comment. */
    private static Map<String, String> knownDifferences() throws IOException {
        var known = new LinkedHashMap<String, String>();
        String text = new String(resource("conformance/known-differences.txt").readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            assertThat(tab).as("known-differences.txt line without a TAB before its reason: %s", line).isPositive();
            known.put(line.substring(0, tab), line.substring(tab + 1).strip());
        }
        return known;
    }

    private static InputStream resource(String name) {
        InputStream in = JinjaConformanceTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
