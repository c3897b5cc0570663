package dev.otai.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

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

    private RenderBudget budget;

    private SandboxedInterpreter(Jinjava application, Context context, JinjavaConfig config) {
        super(application, context, config);
    }

    void begin(RenderBudget budget) {
        this.budget = budget;
    }

    void end() {
        this.budget = null;
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
