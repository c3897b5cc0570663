package dev.otai.core.template;

import java.util.AbstractMap;
import java.util.Set;

/**
 * Stands for a value that only exists at run time (a pipe result, a ticket) while templates are checked at
 * load time: every key of it exists and is another placeholder, so lookups never report unknown variables.
 */
final class Placeholder extends AbstractMap<String, Object> {

    static final Placeholder ANY = new Placeholder();

    private Placeholder() {
    }

    @Override
    public Object get(Object key) {
        return this;
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    @Override
    public String toString() {
        return "";
    }
}
