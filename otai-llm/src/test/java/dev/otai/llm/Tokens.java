package dev.otai.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code logprobs.content} arrays as OpenAI sends them: token, logprob, bytes, top_logprobs. */
final class Tokens {

    private final ArrayNode content = Json.MAPPER.createArrayNode();

    /** A token the model chose with certainty (logprob 0) and no alternatives. */
    Tokens sure(String... tokens) {
        for (String token : tokens) {
            token(token, 1.0, Map.of());
        }
        return this;
    }

    /** A token with probability {@code p} and alternatives (token to probability); the chosen token is listed first. */
    Tokens token(String token, double p, Map<String, Double> alternatives) {
        ObjectNode node = entry(content.addObject(), token, p);
        ArrayNode top = node.putArray("top_logprobs");
        var all = new LinkedHashMap<String, Double>();
        all.put(token, p);
        all.putAll(alternatives);
        all.forEach((text, probability) -> entry(top.addObject(), text, probability));
        return this;
    }

    /** A token that is part of a character, shown as OpenAI shows it ({@code \xc3}) with its real bytes. */
    Tokens partial(double p, int... bytes) {
        ObjectNode node = content.addObject();
        var shown = new StringBuilder();
        ArrayNode array = node.putArray("bytes");
        for (int b : bytes) {
            shown.append(String.format("\\x%02x", b));
            array.add(b);
        }
        node.put("token", shown.toString()).put("logprob", Math.log(p)).putArray("top_logprobs");
        return this;
    }

    ArrayNode build() {
        return content;
    }

    private static ObjectNode entry(ObjectNode node, String token, double p) {
        node.put("token", token).put("logprob", Math.log(p));
        ArrayNode bytes = node.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return node;
    }
}
