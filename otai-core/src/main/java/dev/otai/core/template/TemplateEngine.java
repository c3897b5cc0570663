package dev.otai.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.CollectionTooBigException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.objects.date.PyishDate;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 templates (Jinjava) compiled once at load time and rendered many times, concurrently, in a sandbox
 * ({@link SandboxedJinjava}): what a template puts out is never run again, it reads data only, it cannot read
 * files or other templates, and each render has limits ({@link TemplateLimits}). Interpreters are pooled, one
 * per rendering thread at a time; a render's variables live in the interpreter's context and its scope and
 * budget in the interpreter itself, for the length of that render only. Unknown variables and filters are errors.
 */
public final class TemplateEngine {

    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("\\A\\s*\\{\\{(.*)}}\\s*\\z", Pattern.DOTALL);
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\A\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final TemplateLimits limits;
    private final InstantSource clock;
    private final Jinjava jinjava;
    private final ConcurrentLinkedQueue<SandboxedInterpreter> pool = new ConcurrentLinkedQueue<>();

    /** An engine with the default limits ({@link TemplateLimits#DEFAULTS}) on the system clock. */
    public TemplateEngine() {
        this(TemplateLimits.DEFAULTS, InstantSource.system());
    }

    /** @param clock what render time limits are measured with */
    public TemplateEngine(TemplateLimits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
        this.jinjava = SandboxedJinjava.create(limits);
    }

    /** This engine with other limits; templates compiled by either render with both. */
    public TemplateEngine withLimits(TemplateLimits other) {
        return other.equals(limits) ? this : new TemplateEngine(other, clock);
    }

    public TemplateLimits limits() {
        return limits;
    }

    /** True when {@code text} contains template syntax. */
    public static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    /**
     * Compiles a string value; never fails. Syntax errors and refused tags ({@code include}, {@code import}…)
     * are kept with the template: {@link #check} reports them and rendering refuses the template.
     */
    public Template compile(String source) {
        if (!isTemplate(source)) {
            return new Template.Literal(source);
        }
        Matcher single = SINGLE_EXPRESSION.matcher(source);
        if (single.matches() && isOneExpression(single.group(1))) {
            return new Template.Expression(source, single.group(1).strip());
        }
        return withInterpreter(interpreter -> {
            int errorsBefore = interpreter.getErrors().size();
            Node tree = interpreter.parse(source);
            var problems = new ArrayList<String>();
            for (TemplateError error : interpreter.getErrors().subList(errorsBefore, interpreter.getErrors().size())) {
                problems.add("template \"" + source.strip() + "\" has a syntax error: " + error.getMessage());
            }
            removeErrorsAfter(interpreter, errorsBefore);
            refusedTags(tree, source, problems);
            return new Template.Text(source, tree, List.copyOf(problems));
        });
    }

    /**
     * Whether the text between an outer {@code {{} and {@code }}} is one expression: no other template tags, and
     * every brace outside string literals closed ({@code {{ {'a': {'b': 1}} }}} is one expression, as in Jinja2).
     */
    private static boolean isOneExpression(String inner) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                if (i + 1 < inner.length() && (inner.charAt(i + 1) == '%' || inner.charAt(i + 1) == '#')) {
                    return false;
                }
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    private static void refusedTags(Node node, String source, List<String> problems) {
        if (node instanceof TagNode tag && tag.getTag() instanceof RefusedTag refused) {
            problems.add("template \"" + source.strip() + "\" " + refused.problem() + " (line " + node.getLineNumber() + ")");
        }
        for (Node child : node.getChildren()) {
            refusedTags(child, source, problems);
        }
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
        if (template instanceof Template.Text text && !text.problems().isEmpty()) {
            return text.problems();
        }
        var problems = new ArrayList<String>();
        try {
            render(template, scope);
        } catch (TemplateException e) {
            if (reportable(e, scope)) {
                problems.add(e.getMessage());
            }
        }
        problems.addAll(scope.problems());
        return problems;
    }

    /**
     * Whether a failed validation render shows a real problem: unknown names and syntax errors are; an error of a
     * template that read a placeholder is not when it only says the placeholder is not a number, a text or a list
     * (a comparison, subscript or arithmetic on a value that exists at run time).
     */
    private static boolean reportable(TemplateException e, ValidationScope scope) {
        String message = e.getMessage();
        boolean unknown = e.getCause() instanceof UnknownTokenException || message.contains("unknown");
        boolean parse = message.contains("Error parsing") || message.contains("syntax error at position");
        if (unknown || parse) {
            return true;
        }
        return message.contains("syntax") && !scope.readPlaceholder();
    }

    private Object evaluate(Template template, TemplateScope scope) {
        if (template instanceof Template.Text text && !text.problems().isEmpty()) {
            throw new TemplateException(text.problems().getFirst());
        }
        return withInterpreter(interpreter -> {
            var budget = new RenderBudget(scope, template, limits, clock);
            int errorsBefore = interpreter.getErrors().size();
            interpreter.begin(budget);
            try (var ignored = interpreter.enterScope()) {
                interpreter.getContext().putAll(scope.variables());
                Object value = switch (template) {
                    case Template.Expression e -> interpreter.resolveELExpression(e.expression(), 1);
                    case Template.Text t -> interpreter.render(t.tree());
                    case Template.Literal l -> l.source();
                };
                if (budget.breach().isPresent()) {
                    throw budget.breach().get();
                }
                List<TemplateError> errors = interpreter.getErrors();
                if (errors.size() > errorsBefore) {
                    throw failure(template, errors.get(errorsBefore), budget);
                }
                return data(nativeValue(value), budget);
            } catch (UnknownTokenException e) {
                if (budget.breach().isEmpty() && interpreter.getErrors().size() > errorsBefore) {
                    // an earlier error (a {% set %} that failed, say) is why this name is unknown; report that one
                    throw failure(template, interpreter.getErrors().get(errorsBefore), budget);
                }
                throw budget.breach().orElseGet(() -> new TemplateException(unknown(template, e, interpreter), e));
            } catch (TemplateException e) {
                throw budget.breach().orElse(e);
            } catch (RuntimeException e) {
                throw budget.breach().or(() -> own(e)).or(() -> limitHit(e, budget)).orElseGet(() ->
                        new TemplateException("template " + quote(template) + " failed: " + e.getMessage(), e));
            } finally {
                interpreter.end();
                removeErrorsAfter(interpreter, errorsBefore);
            }
        });
    }

    private static void removeErrorsAfter(JinjavaInterpreter interpreter, int count) {
        while (interpreter.getErrors().size() > count) {
            interpreter.removeLastError();
        }
    }

    private TemplateException failure(Template template, TemplateError error, RenderBudget budget) {
        Throwable cause = error.getException();
        Optional<TemplateException> known = own(cause).or(() -> limitHit(cause, budget));
        if (known.isPresent()) {
            return known.get();
        }
        return switch (error.getReason()) {
            case OUTPUT_TOO_BIG -> budget.outputTooLong("the rendered text");
            case COLLECTION_TOO_BIG -> tooManyElements(budget);
            case SYNTAX_ERROR -> new TemplateException("template " + quote(template) + " has a syntax error: "
                    + error.getMessage(), cause);
            default -> new TemplateException("template " + quote(template) + " failed: " + error.getMessage(), cause);
        };
    }

    /** Jinjava's own size limits, which otai sets from {@link TemplateLimits}, as errors that name the limit. */
    private Optional<TemplateException> limitHit(Throwable thrown, RenderBudget budget) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutputTooBigException) {
                return Optional.of(budget.outputTooLong("a text it built"));
            }
            if (cause instanceof CollectionTooBigException) {
                return Optional.of(tooManyElements(budget));
            }
        }
        return Optional.empty();
    }

    private TemplateException tooManyElements(RenderBudget budget) {
        return budget.refuse("stopped: it built a list or mapping of more than " + limits.maxLoopIterations()
                + " elements; limit infrastructure.templates.max_loop_iterations");
    }

    /** The otai error somewhere in the causes of {@code thrown}, if any. */
    private static Optional<TemplateException> own(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateException own) {
                return Optional.of(own);
            }
        }
        return Optional.empty();
    }

    /** What a render yields must be data: text, numbers, booleans, mappings, lists, none, or {@code fail()}. */
    private static Object data(Object value, RenderBudget budget) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> m -> m;
            case Collection<?> c -> pythonItems(c);
            case Fail f -> f;
            case CharSequence text -> text.toString();
            case Character c -> c.toString();
            case PyishDate date -> date.toString();
            case Map.Entry<?, ?> entry -> Arrays.asList(entry.getKey(), entry.getValue());
            default -> throw budget.refuse("yields an object that is not data; templates yield text, numbers,"
                    + " booleans, mappings, lists or none");
        };
    }

    /**
     * A list as Jinja2 yields it: the pairs of {@code items()} and {@code dictsort} as two-element lists, the
     * characters of {@code 'abc' | list} as texts. Copies only when something changes.
     */
    private static Collection<?> pythonItems(Collection<?> items) {
        boolean changes = false;
        for (Object item : items) {
            if (item instanceof Map.Entry<?, ?> || item instanceof Character || item instanceof Collection<?>) {
                changes = true;
                break;
            }
        }
        if (!changes) {
            return items;
        }
        var out = new ArrayList<Object>(items.size());
        for (Object item : items) {
            out.add(switch (item) {
                case Map.Entry<?, ?> entry -> Arrays.asList(entry.getKey(), entry.getValue());
                case Character c -> c.toString();
                case Collection<?> nested -> pythonItems(nested);
                case null, default -> item;
            });
        }
        return out;
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

    static String quote(Template template) {
        return "\"" + template.source().strip() + "\"";
    }

    /** Converts Jinjava's number types to the ones the rest of the engine uses. */
    static Object nativeValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
        }
        return value;
    }

    private <T> T withInterpreter(Function<SandboxedInterpreter, T> work) {
        SandboxedInterpreter interpreter = pool.poll();
        if (interpreter == null) {
            interpreter = (SandboxedInterpreter) jinjava.newInterpreter();
        }
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return work.apply(interpreter);
        } finally {
            JinjavaInterpreter.popCurrent();
            pool.offer(interpreter);
        }
    }
}
