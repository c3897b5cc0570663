package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
import dev.otai.core.config.PipeConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short hash of a pipe tree as configured: each pipe's type, id, params (nested pipes included, as written)
 * and injects. The run journal compares it to decide whether an interrupted run may be resumed: a config whose
 * runner now has other steps, other ids or other params gets another fingerprint. Comments, spacing and line
 * numbers do not count.
 */
public final class PipeFingerprint {

    private PipeFingerprint() {
    }

    public static String of(PipeNode node) {
        return hash(node instanceof Node built ? shape(built.plan()) : node.use() + " " + node.id() + " " + node.path());
    }

    /** The first 128 bits of the SHA-256 of {@code text}, in hex. */
    static String hash(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One pipe as written: type, id, YAML path, params (nested pipes as written) and injects. */
    static String shape(NodePlan plan) {
        return shape(plan, plan.config().path() + "\n");
    }

    /** As {@link #shape}, without the YAML path: the same pipe moved to another place in the file has the same shape. */
    static String shapeWithoutPath(NodePlan plan) {
        return shape(plan, "");
    }

    private static String shape(NodePlan plan, String path) {
        PipeConfig config = plan.config();
        var params = new TreeMap<String, Object>();
        config.params().forEach((name, param) -> params.put(name, param.value().toPlain()));
        var injects = new TreeMap<String, String>();
        config.injects().forEach((slot, inject) -> injects.put(slot, inject.serviceId()));
        return plan.use() + "\n" + config.id() + "\n" + path + plain(params) + "\n" + injects;
    }

    /** Maps printed with sorted keys, so that the order of keys in the YAML does not matter. */
    static String plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            var out = new StringBuilder("{");
            sorted.forEach((k, v) -> out.append(k).append('=').append(plain(v)).append(';'));
            return out.append('}').toString();
        }
        if (value instanceof Iterable<?> list) {
            var out = new StringBuilder("[");
            list.forEach(v -> out.append(plain(v)).append(';'));
            return out.append(']').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
