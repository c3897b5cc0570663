package dev.otai.core.assembly;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the templates of a node can refer to when it runs: ids of pipes whose results exist by then, and run
 * values (a for-each's item, a runner's event).
 */
record PlanScope(Set<String> visibleIds, Set<String> valueNames) {

    PlanScope withIds(Set<String> more) {
        var ids = new LinkedHashSet<>(visibleIds);
        ids.addAll(more);
        return new PlanScope(ids, valueNames);
    }

    PlanScope withValues(Set<String> more) {
        var names = new LinkedHashSet<>(valueNames);
        names.addAll(more);
        return new PlanScope(visibleIds, names);
    }
}
