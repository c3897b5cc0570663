package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
import dev.otai.api.Params;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Params of one execution, already converted to their kinds. */
final class RenderedParams implements Params {

    private final Map<String, Object> values;

    RenderedParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Object value(String name) {
        return values.get(name);
    }

    @Override
    public Map<String, Object> asMap() {
        var data = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> {
            if (!(value instanceof PipeNode) && !(value instanceof List<?> list && !list.isEmpty()
                    && list.getFirst() instanceof PipeNode)) {
                data.put(name, value);
            }
        });
        return Collections.unmodifiableMap(data);
    }

    @Override
    public String toString() {
        return "Params" + values.keySet();
    }
}
