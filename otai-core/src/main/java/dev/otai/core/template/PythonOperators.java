package dev.otai.core.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava's expression language with Jinja2's meaning for four operators: {@code a and b} yields an operand
 * ({@code 'x' and 'y'} is {@code 'y'}), {@code text % args} formats like Python, {@code text * n} and
 * {@code list * n} repeat (checked against the render's limits before anything is built), and {@code %} on
 * numbers takes the sign of the divisor ({@code -7 % 3} is 2). Everything else parses and evaluates as in Jinjava.
 */
final class PythonOperators {

    private PythonOperators() {
    }

    /** The expression factory otai's templates are parsed and evaluated with. */
    static ExpressionFactory expressionFactory() {
        return new ExpressionFactoryImpl(new TreeStore(new Syntax(), new Cache(1000)), new TruthyTypeConverter());
    }

    private static final class Syntax extends ExtendedSyntaxBuilder {

        private static final long serialVersionUID = 1L;

        /** What Jinjava's own factory enables (JUEL's JEE6 profile). */
        Syntax() {
            super(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
        }

        @Override
        protected Parser createParser(String expression) {
            return new ExtendedParser(this, expression) {
                @Override
                protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
                    AstBinary.Operator python = operator == AstBinary.AND ? AND
                            : operator == AstBinary.MOD ? MOD
                            : operator == AstBinary.MUL ? MUL
                            : operator;
                    return super.createAstBinary(left, right, python);
                }
            };
        }
    }

    /** An operator that evaluates as {@code body} and shows as {@code symbol} where Jinjava prints an expression. */
    private record Named(String symbol, AstBinary.Operator body) implements AstBinary.Operator {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            return body.eval(bindings, context, left, right);
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private static final AstBinary.Operator AND = new Named("and", (bindings, context, left, right) -> {
        Object first = left.eval(bindings, context);
        return bindings.convert(first, Boolean.class) ? right.eval(bindings, context) : first;
    });

    private static final AstBinary.Operator MOD = new Named("%", (bindings, context, left, right) ->
            mod(bindings, left.eval(bindings, context), right.eval(bindings, context)));

    private static final AstBinary.Operator MUL = new Named("*", (bindings, context, left, right) ->
            mul(bindings, left.eval(bindings, context), right.eval(bindings, context)));

    private static Object mod(Bindings bindings, Object a, Object b) {
        if (a instanceof CharSequence text) {
            return PythonPercent.format(text.toString(), b, budget());
        }
        if (whole(a) && whole(b)) {
            long divisor = ((Number) b).longValue();
            if (divisor == 0) {
                throw new TemplateException("integer modulo by zero: " + a + " % 0");
            }
            return Math.floorMod(((Number) a).longValue(), divisor);
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
            double divisor = y.doubleValue();
            double rest = x.doubleValue() % divisor;
            return rest != 0 && (rest < 0) != (divisor < 0) ? rest + divisor : rest;
        }
        return NumberOperations.mod(bindings, a, b);
    }

    private static Object mul(Bindings bindings, Object a, Object b) {
        if (whole(b) && (a instanceof CharSequence || a instanceof Collection<?>)) {
            return repeat(a, ((Number) b).longValue());
        }
        if (whole(a) && (b instanceof CharSequence || b instanceof Collection<?>)) {
            return repeat(b, ((Number) a).longValue());
        }
        return NumberOperations.mul(bindings, a, b);
    }

    private static Object repeat(Object value, long times) {
        long count = Math.max(0, times);
        RenderBudget budget = budget();
        int size = value instanceof CharSequence text ? text.length() : ((Collection<?>) value).size();
        if (size == 0 || count == 0) {
            return value instanceof CharSequence ? "" : new ArrayList<>();
        }
        long total = (long) Math.min(Long.MAX_VALUE / 2, (double) size * count);
        if (value instanceof CharSequence text) {
            if (budget != null) {
                budget.checkLength(total, "'*' repeating a text " + count + " times");
            }
            return text.toString().repeat((int) count);
        }
        if (budget != null) {
            budget.spend(total, "'*' repeating a list " + count + " times");
        }
        var out = new ArrayList<Object>();
        for (long i = 0; i < count; i++) {
            out.addAll((Collection<?>) value);
        }
        return out;
    }

    private static boolean whole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof BigInteger;
    }

    private static RenderBudget budget() {
        return SandboxedInterpreter.budgetOf(JinjavaInterpreter.getCurrent());
    }
}
