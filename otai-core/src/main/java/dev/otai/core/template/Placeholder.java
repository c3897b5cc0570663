package dev.otai.core.template;

import java.util.AbstractMap;
import java.util.Set;

/**
 * Stands for a value that only exists at run time (a pipe result, a ticket) while templates are checked at
 * load time: every key of it exists and is the same placeholder, so lookups never report unknown variables.
 * It remembers whether a template read it: an error in a template that read a placeholder may only mean that the
 * placeholder is not the number, text or list the real value will be, so validation does not report it.
 * One validation scope owns one placeholder.
 */
final class Placeholder extends AbstractMap<String, Object> {

    private boolean read;

    void markRead() {
        read = true;
    }

    /** Whether a template read this placeholder, or a key of it. */
    boolean wasRead() {
        return read;
    }

    @Override
    public Object get(Object key) {
        read = true;
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

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
