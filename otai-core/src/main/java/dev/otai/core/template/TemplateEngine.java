package dev.otai.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 templates (Jinjava) compiled once at load time and rendered many times, concurrently. Interpreters
 * are pooled, one per rendering thread at a time; the template scope lives in the interpreter's context for
 * the length of one render, so nothing is shared between renders. Unknown variables and filters are errors.
 */
public final class TemplateEngine {

    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("\\A\\s*\\{\\{(.*)}}\\s*\\z", Pattern.DOTALL);
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\A\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final Jinjava jinjava;
    private final ConcurrentLinkedQueue<JinjavaInterpreter> pool = new ConcurrentLinkedQueue<>();

    public TemplateEngine() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .build();
        jinjava = new Jinjava(config);
        var functions = jinjava.getGlobalContext();
        functions.registerFunction(new ELFunctionDefinition("", "get_pipe_result", TemplateFunctions.class,
                "getPipeResult", String.class, Object[].class));
        functions.registerFunction(new ELFunctionDefinition("", "has_failed", TemplateFunctions.class, "hasFailed", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "get_env", TemplateFunctions.class, "getEnv", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "get_parent_param", TemplateFunctions.class,
                "getParentParam", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "at_path", TemplateFunctions.class, "atPath",
                Object.class, String.class));
        functions.registerFunction(new ELFunctionDefinition("", "fail", TemplateFunctions.class, "fail"));
        MinMaxFilter.register(functions);
    }

    /** True when {@code text} contains template syntax. */
    public static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    /** Compiles a string value; never fails (syntax is reported by {@link #check}). */
    public Template compile(String source) {
        if (!isTemplate(source)) {
            return new Template.Literal(source);
        }
        Matcher single = SINGLE_EXPRESSION.matcher(source);
        if (single.matches() && !single.group(1).contains("{{") && !single.group(1).contains("}}")
                && !single.group(1).contains("{%")) {
            return new Template.Expression(source, single.group(1).strip());
        }
        return withInterpreter(interpreter -> new Template.Text(source, interpreter.parse(source)));
    }

    /** Renders a template: the native value for a single expression, a string otherwise. */
    public Object render(Template template, TemplateScope scope) {
        return switch (template) {
            case Template.Literal literal -> literal.source();
            case Template.Expression expression -> evaluate(expression, scope);
            case Template.Text text -> evaluate(text, scope);
        };
    }

    /**
     * Renders with a validation scope and returns what is wrong: syntax errors, unknown variables and filters,
     * and whatever the scope's functions reported. Errors that only say a placeholder had the wrong shape are
     * ignored, since placeholders stand for values that exist only at run time.
     */
    public List<String> check(Template template, ValidationScope scope) {
        if (template instanceof Template.Literal) {
            return List.of();
        }
        var problems = new ArrayList<String>();
        try {
            render(template, scope);
        } catch (TemplateException e) {
            boolean aboutPlaceholder = e.getMessage().contains(Placeholder.class.getName());
            if (!aboutPlaceholder && (e.getCause() instanceof UnknownTokenException || e.getMessage().contains("syntax")
                    || e.getMessage().contains("unknown"))) {
                problems.add(e.getMessage());
            }
        }
        problems.addAll(scope.problems());
        return problems;
    }

    private Object evaluate(Template template, TemplateScope scope) {
        return withInterpreter(interpreter -> {
            int errorsBefore = interpreter.getErrors().size();
            try (var ignored = interpreter.enterScope()) {
                var context = interpreter.getContext();
                context.putAll(scope.variables());
                context.put(TemplateFunctions.SCOPE_KEY, scope);
                Object value = switch (template) {
                    case Template.Expression e -> interpreter.resolveELExpression(e.expression(), 1);
                    case Template.Text t -> interpreter.render(t.tree());
                    case Template.Literal l -> l.source();
                };
                List<TemplateError> errors = interpreter.getErrors();
                if (errors.size() > errorsBefore) {
                    throw failure(template, errors.get(errorsBefore));
                }
                return nativeValue(value);
            } catch (UnknownTokenException e) {
                throw new TemplateException(unknown(template, e, interpreter), e);
            } catch (TemplateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TemplateException("template " + quote(template) + " failed: " + e.getMessage(), e);
            } finally {
                while (interpreter.getErrors().size() > errorsBefore) {
                    interpreter.removeLastError();
                }
            }
        });
    }

    private TemplateException failure(Template template, TemplateError error) {
        Throwable cause = error.getException();
        while (cause != null && cause.getCause() != null && !(cause instanceof TemplateException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TemplateException own) {
            return own;
        }
        String kind = error.getReason() == com.hubspot.jinjava.interpret.TemplateError.ErrorReason.SYNTAX_ERROR
                ? "has a syntax error" : "failed";
        return new TemplateException("template " + quote(template) + " " + kind + ": " + error.getMessage(), cause);
    }

    private String unknown(Template template, UnknownTokenException e, JinjavaInterpreter interpreter) {
        String token = e.getMessage().replaceFirst("^Unknown token found:\\s*", "").strip();
        Matcher filter = FILTER.matcher(token);
        while (filter.find()) {
            if (interpreter.getContext().getFilter(filter.group(1)) == null) {
                return "template " + quote(template) + " uses unknown filter '" + filter.group(1) + "'";
            }
        }
        Matcher identifier = IDENTIFIER.matcher(token);
        String name = identifier.find() ? identifier.group(1) : token;
        return "template " + quote(template) + " uses unknown variable '" + name + "'";
    }

    private static String quote(Template template) {
        return "\"" + template.source().strip() + "\"";
    }

    /** Converts Jinjava's number types to the ones the rest of the engine uses. */
    static Object nativeValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
        }
        return value;
    }

    private <T> T withInterpreter(java.util.function.Function<JinjavaInterpreter, T> work) {
        JinjavaInterpreter interpreter = pool.poll();
        if (interpreter == null) {
            interpreter = jinjava.newInterpreter();
        }
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return work.apply(interpreter);
        } finally {
            JinjavaInterpreter.popCurrent();
            pool.offer(interpreter);
        }
    }

    /** Renders plain values for tests and tools: a map of variables, no pipe context. */
    public Object renderWith(String source, Map<String, Object> variables) {
        return render(compile(source), new MapScope(new LinkedHashMap<>(variables)));
    }

    private record MapScope(Map<String, Object> variables) implements TemplateScope {
        @Override
        public Object pipeResult(String pipeId, String key) {
            throw new TemplateException("get_pipe_result('" + pipeId + "'): no pipe results here");
        }

        @Override
        public boolean hasFailed(String pipeId) {
            throw new TemplateException("has_failed('" + pipeId + "'): no pipe results here");
        }

        @Override
        public String env(String name) {
            throw new TemplateException("get_env('" + name + "'): no environment here");
        }

        @Override
        public Object parentParam(String key) {
            throw new TemplateException("get_parent_param('" + key + "'): no parent here");
        }
    }
}
