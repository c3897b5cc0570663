package dev.otai.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.Node;
import java.io.IOException;
import jinjava.javax.el.ExpressionFactory;

/**
 * The one Jinjava set-up otai renders with. Data put into a template is never interpreted again (nested
 * interpretation off, no {@code render} filter); nothing outside the config can be read (no include, import,
 * from or extends; a resource locator that refuses every name); expressions see data only
 * ({@link DataOnlyResolver}); loops, {@code range} and filters spend from each render's budget, and every node
 * checks its deadline, so a runaway template stops with its limit named. Expressions and filters give Jinja2's
 * values where Jinjava's differ ({@link PythonOperators}, {@link PythonFilters}, {@link PythonStrings}).
 */
final class SandboxedJinjava {

    private SandboxedJinjava() {
    }

    static Jinjava create(TemplateLimits limits) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withNestedInterpretationEnabled(false)
                // a filter is called directly, not found by reflection on every call
                .withEnableFilterChainOptimization(true)
                .withMaxOutputSize(limits.maxOutputChars())
                .withMaxStringLength(limits.maxOutputChars())
                .withMaxListSize(limits.maxLoopIterations())
                .withMaxMapSize(limits.maxLoopIterations())
                .withRangeLimit(limits.maxLoopIterations())
                .withElResolver(DataOnlyResolver.create())
                .withInterperterFactory(SandboxedInterpreter.FACTORY)
                .withNodePreProcessor(SandboxedJinjava::checkDeadline)
                .build();
        var jinjava = new PythonJinjava(config);
        jinjava.setResourceLocator((name, charset, interpreter) -> {
            throw new IOException("templates cannot read files or other templates; refused '" + name + "'");
        });
        Context global = jinjava.getGlobalContext();
        global.registerTag(new CountedForTag());
        RefusedTag.NAMES.forEach(name -> global.registerTag(new RefusedTag(name)));
        global.registerFilter(new RefusedRenderFilter());
        registerFunctions(global);
        MinMaxFilter.register(global);
        PythonFilters.register(global);
        CountedFilter.wrapAll(global);
        return jinjava;
    }

    /** Jinjava parsing expressions with Jinja2's operators ({@link PythonOperators}). */
    private static final class PythonJinjava extends Jinjava {

        private final ExpressionFactory expressions = PythonOperators.expressionFactory();

        PythonJinjava(JinjavaConfig config) {
            super(config);
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressions;
        }
    }

    private static void registerFunctions(Context functions) {
        functions.registerFunction(new ELFunctionDefinition("", "get_pipe_result", TemplateFunctions.class,
                "getPipeResult", String.class, Object[].class));
        functions.registerFunction(new ELFunctionDefinition("", "has_failed", TemplateFunctions.class, "hasFailed", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "get_env", TemplateFunctions.class, "getEnv", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "get_parent_param", TemplateFunctions.class,
                "getParentParam", String.class));
        functions.registerFunction(new ELFunctionDefinition("", "at_path", TemplateFunctions.class, "atPath",
                Object.class, String.class));
        functions.registerFunction(new ELFunctionDefinition("", "fail", TemplateFunctions.class, "fail"));
        functions.registerFunction(new ELFunctionDefinition("", "dict", TemplateFunctions.class, "dict", Object[].class));
        functions.registerFunction(new ELFunctionDefinition("", "range", TemplateFunctions.class, "range",
                Object.class, Object[].class));
    }

    private static void checkDeadline(Node node, JinjavaInterpreter interpreter) {
        RenderBudget budget = SandboxedInterpreter.budgetOf(interpreter);
        if (budget != null) {
            budget.checkTime();
        }
    }

    /** Jinjava's {@code render} filter would run data as a template; otai refuses it. */
    private static final class RefusedRenderFilter implements Filter {

        @Override
        public String getName() {
            return "render";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            String problem = "uses the filter 'render', which otai does not allow: values are data and are never"
                    + " rendered as templates";
            RenderBudget budget = SandboxedInterpreter.budgetOf(interpreter);
            throw budget == null ? new TemplateException("template " + problem) : budget.refuse(problem);
        }
    }
}
