package dev.otai.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Jinja2's {@code for}, with every pass of every loop (nested ones included) spent from the render's budget. */
final class CountedForTag extends ForTag {

    private static final long serialVersionUID = 1L;

    @Override
    public String renderForCollection(TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars, Object collection) {
        RenderBudget budget = SandboxedInterpreter.budgetOf(interpreter);
        if (budget == null) {
            return super.renderForCollection(tagNode, interpreter, loopVars, collection);
        }
        String where = "{% " + tagNode.getName() + " " + tagNode.getHelpers().strip() + " %}";
        return super.renderForCollection(tagNode, interpreter, loopVars, counted(collection, budget, where, interpreter));
    }

    @SuppressWarnings("unchecked")
    private static Object counted(Object collection, RenderBudget budget, String where, JinjavaInterpreter interpreter) {
        return switch (collection) {
            case null -> null;
            case Collection<?> items -> new Counted((Collection<Object>) items, budget, where);
            case Map<?, ?> map -> new Counted((Collection<Object>) (interpreter.getConfig().getLegacyOverrides().isIterateOverMapKeys()
                    ? map.keySet() : map.values()), budget, where);
            case Object[] array -> new Counted(Arrays.asList(array), budget, where);
            case Iterable<?> iterable -> counting((Iterator<Object>) iterable.iterator(), budget, where);
            case Iterator<?> iterator -> counting((Iterator<Object>) iterator, budget, where);
            default -> collection;
        };
    }

    private static Iterator<Object> counting(Iterator<Object> items, RenderBudget budget, String where) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public Object next() {
                budget.spend(1, where);
                return items.next();
            }
        };
    }

    /** A collection whose iteration spends one unit per element; its size is known up front, as loop.length needs. */
    private static final class Counted extends AbstractCollection<Object> {

        private final Collection<Object> items;
        private final RenderBudget budget;
        private final String where;

        Counted(Collection<Object> items, RenderBudget budget, String where) {
            this.items = items;
            this.budget = budget;
            this.where = where;
        }

        @Override
        public Iterator<Object> iterator() {
            return counting(items.iterator(), budget, where);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
