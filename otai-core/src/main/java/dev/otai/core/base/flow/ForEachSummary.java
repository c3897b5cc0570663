package dev.otai.core.base.flow;

import dev.otai.api.PipeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Counts the outcomes of a for-each's items and decides its own result. */
final class ForEachSummary {

    private ForEachSummary() {
    }

    static PipeResult of(AtomicReferenceArray<PipeResult> outcomes, String failWhen) {
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        String firstFailure = null;
        var items = new ArrayList<Map<String, Object>>(outcomes.length());
        for (int i = 0; i < outcomes.length(); i++) {
            PipeResult result = outcomes.get(i) == null ? PipeResult.skipped("not run (cancelled)") : outcomes.get(i);
            switch (result) {
                case PipeResult.Succeeded s -> succeeded++;
                case PipeResult.Skipped s -> skipped++;
                case PipeResult.Failed f -> {
                    failed++;
                    firstFailure = firstFailure == null ? "item " + i + ": " + f.message() : firstFailure;
                }
            }
            items.add(item(i, result));
        }
        String message = outcomes.length() + " items: " + succeeded + " succeeded, " + failed + " failed, " + skipped + " skipped";
        boolean fail = switch (failWhen) {
            case "any_failed" -> failed > 0;
            case "never" -> false;
            default -> failed > 0 && failed == outcomes.length();
        };
        if (fail) {
            return PipeResult.failed(message + "; first failure: " + firstFailure);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("total", outcomes.length());
        data.put("succeeded", succeeded);
        data.put("failed", failed);
        data.put("skipped", skipped);
        data.put("items", items);
        return PipeResult.success(message, data);
    }

    private static Map<String, Object> item(int index, PipeResult result) {
        var item = new LinkedHashMap<String, Object>();
        item.put("index", index);
        item.put("outcome", result.outcome());
        item.put("message", result.message());
        item.put("data", result.data());
        return item;
    }

}
