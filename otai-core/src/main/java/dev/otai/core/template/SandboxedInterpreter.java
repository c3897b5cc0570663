package dev.otai.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.util.Variable;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Jinjava interpreter that knows the render it is doing: its {@link RenderBudget}, and through it the scope of
 * the template functions. The budget lives in this field, never in the template context, so no template can
 * name it.
 */
final class SandboxedInterpreter extends JinjavaInterpreter {

    /** Makes every interpreter of an engine a sandboxed one. */
    static final InterpreterFactory FACTORY = new InterpreterFactory() {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            throw new IllegalStateException("otai templates never start nested interpreters");
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
            return new SandboxedInterpreter(application, context, config);
        }
    };

    /** Names Jinja2 reads as none; Jinjava looks them up as variables. */
    private static final Set<String> NONE = Set.of("none", "None");

    private RenderBudget budget;
    /** The first variable this expression named that does not exist, if any. */
    private String unknownName;
    /** Whether this expression looked up a key that its mapping does not have. */
    private boolean missingKey;

    private SandboxedInterpreter(Jinjava application, Context context, JinjavaConfig config) {
        super(application, context, config);
    }

    void begin(RenderBudget budget) {
        this.budget = budget;
    }

    void end() {
        this.budget = null;
    }

    /**
     * Jinjava fails an expression whose value is null as if it named an unknown variable. Jinja2's none is a value,
     * so an expression that yields null fails only when it read a variable or a mapping key that does not exist.
     */
    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        String outerUnknown = unknownName;
        boolean outerMissing = missingKey;
        unknownName = null;
        missingKey = false;
        try {
            return super.resolveELExpression(expression, lineNumber);
        } catch (UnknownTokenException e) {
            if (unknownName == null && !missingKey && unknownFilterOrTest(expression) == null) {
                return null;
            }
            throw new UnknownTokenException(unknownName != null ? unknownName : expression, lineNumber, getPosition());
        } finally {
            unknownName = outerUnknown;
            missingKey = outerMissing;
        }
    }

    @Override
    public Object retraceVariable(String variable, int lineNumber, int startPosition) {
        Object value = super.retraceVariable(variable, lineNumber, startPosition);
        if (value == null && variable != null && !variable.isBlank()) {
            String name = new Variable(this, variable).getName();
            if (!NONE.contains(name) && !getContext().containsKey(name) && unknownName == null) {
                unknownName = name;
            }
        }
        if (value instanceof Placeholder placeholder) {
            placeholder.markRead();
        }
        return value;
    }

    private static final Pattern FILTER_OR_TEST = Pattern.compile(
            "(\\|)\\s*([A-Za-z_][A-Za-z0-9_]*)|\\bis\\s+(?:not\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    /** A filter or test the expression names that does not exist; Jinjava makes such a call yield null. */
    private String unknownFilterOrTest(String expression) {
        var matcher = FILTER_OR_TEST.matcher(expression);
        while (matcher.find()) {
            if (matcher.group(2) != null && getContext().getFilter(matcher.group(2)) == null) {
                return matcher.group(2);
            }
            if (matcher.group(3) != null && getContext().getExpTest(matcher.group(3)) == null) {
                return matcher.group(3);
            }
        }
        return null;
    }

    /** Called by the resolver when an expression looks up a key its mapping lacks. */
    void keyMissing() {
        missingKey = true;
    }

    /** Text as Jinja2 writes a value into output: Python's {@code str()}; none writes nothing. */
    @Override
    public String getAsString(Object object) {
        // none writes nothing, as Jinja2 writes the undefined value of "x if c" with no else
        return object == null ? "" : PythonText.str(object);
    }

    /** The budget of the render on this thread, or null outside of one (while parsing). */
    static RenderBudget budgetOf(JinjavaInterpreter interpreter) {
        return interpreter instanceof SandboxedInterpreter sandboxed ? sandboxed.budget : null;
    }

    /** The budget of the render on this thread; fails outside of an otai render. */
    static RenderBudget current() {
        RenderBudget budget = budgetOf(JinjavaInterpreter.getCurrent());
        if (budget == null) {
            throw new IllegalStateException("template function called outside of an otai render");
        }
        return budget;
    }
}
