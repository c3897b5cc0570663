package dev.otai.core.assembly;

import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.TemplateScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;

/** Turns compiled param values into plain values: constants directly, templates by rendering them. */
final class Rendering {

    private Rendering() {
    }

    /** The value of a constant tree, without rendering. */
    static Object plain(ParamValue value) {
        return render(value, null, null);
    }

    /** The value with each template standing as {@link Coercion#UNRENDERED}, for checking the rest at load time. */
    static Object withTemplatesUnrendered(ParamValue value) {
        return switch (value) {
            case ParamValue.Templated t -> Coercion.UNRENDERED;
            case ParamValue.Mapping m -> {
                var map = new LinkedHashMap<String, Object>();
                m.entries().forEach((k, v) -> map.put(k, withTemplatesUnrendered(v)));
                yield map;
            }
            case ParamValue.Sequence s -> s.items().stream().map(Rendering::withTemplatesUnrendered).toList();
            default -> plain(value);
        };
    }

    static Object render(ParamValue value, TemplateEngine templates, TemplateScope scope) {
        return switch (value) {
            case ParamValue.Constant c -> c.value();
            case ParamValue.Templated t -> templates.render(t.template(), scope);
            case ParamValue.Mapping m -> {
                var map = new LinkedHashMap<String, Object>();
                m.entries().forEach((k, v) -> map.put(k, render(v, templates, scope)));
                yield Collections.unmodifiableMap(map);
            }
            case ParamValue.Sequence s -> {
                var list = new ArrayList<Object>(s.items().size());
                s.items().forEach(item -> list.add(render(item, templates, scope)));
                yield Collections.unmodifiableList(list);
            }
            case ParamValue.Pipes p -> p.single() && p.nodes().size() == 1 ? p.nodes().getFirst() : p.nodes();
            case ParamValue.PlannedPipes p -> throw new IllegalStateException("pipes are not built yet");
        };
    }
}
