package dev.otai.store.journal;

import dev.otai.api.PipeResult;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * How a step's result is kept in the journal and read back. The outcome and message are always kept (a failure's
 * cause is not: a replayed failure has none). The data is kept only when it reads back as what the step returned:
 * plain JSON (maps with text keys, lists, text, numbers, booleans, null) with no secret in it. Anything else (a
 * Java object a plugin put in its data, a value the redactor would hide) is not kept, and a resumed run runs that
 * step again rather than hand later steps something other than the step's own result.
 */
final class JournalResults {

    private JournalResults() {
    }

    /** The data as JSON text, or null when it cannot be kept faithfully. */
    static String dataJson(PipeResult result, Redactor redactor) {
        Map<String, Object> data = result.data();
        if (data.isEmpty()) {
            return "{}";
        }
        if (!plain(data) || (!redactor.isEmpty() && !redactor.redact((Object) data).equals(data))) {
            return null;
        }
        return Json.write(data);
    }

    static PipeResult read(String outcome, String message, String dataJson) {
        return switch (outcome) {
            case "succeeded" -> PipeResult.success(message, Json.readMap(dataJson));
            case "skipped" -> PipeResult.skipped(message);
            default -> PipeResult.failed(message);
        };
    }

    private static boolean plain(Object value) {
        return switch (value) {
            case null -> true;
            case String s -> true;
            case Boolean b -> true;
            case Integer i -> true;
            case Long l -> true;
            case Double d -> !d.isNaN() && !d.isInfinite();
            case BigInteger b -> true;
            case BigDecimal b -> true;
            case Map<?, ?> map -> map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && plain(e.getValue()));
            case List<?> list -> list.stream().allMatch(JournalResults::plain);
            default -> false;
        };
    }
}
