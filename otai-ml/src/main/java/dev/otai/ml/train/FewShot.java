package dev.otai.ml.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the few examples of one label that a few-shot model keeps. */
final class FewShot {

    private FewShot() {
    }

    /**
     * The first {@code n} records in data order, taken round-robin over their strata (for example languages, in
     * order of first appearance), so every stratum is represented when there are enough records.
     */
    static List<LabelledText> pick(List<LabelledText> records, int n) {
        Map<String, List<LabelledText>> byStratum = new LinkedHashMap<>();
        records.forEach(r -> byStratum.computeIfAbsent(r.stratum(), k -> new ArrayList<>()).add(r));
        var picked = new ArrayList<LabelledText>(n);
        for (int round = 0; picked.size() < n; round++) {
            boolean any = false;
            for (List<LabelledText> stratum : byStratum.values()) {
                if (round < stratum.size() && picked.size() < n) {
                    picked.add(stratum.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return picked;
    }
}
