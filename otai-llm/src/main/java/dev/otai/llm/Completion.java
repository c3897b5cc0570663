package dev.otai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a chat-completions answer we use: the first choice's text, why it ended, and, when the server sent
 * them, its tokens with their logprobs. Token text is kept as UTF-8 bytes (from the {@code bytes} field when present) so
 * that tokens that split a character still line up with the text.
 */
record Completion(String content, List<Token> tokens, String finishReason) {

    Completion {
        tokens = List.copyOf(tokens);
    }

    record Token(byte[] bytes, double logprob, List<Alternative> top) {
        Token {
            top = List.copyOf(top);
        }
    }

    record Alternative(byte[] bytes, double logprob) {
    }

    /** Reads the body; {@code where} prefixes error messages. */
    static Completion parse(String body, String where) throws LlmException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmException(where + ": the server's answer is not JSON: " + Errors.quote(body)
                    + "; expected a chat-completions object");
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.path("content").isTextual()) {
            String refusal = message.path("refusal").asText("");
            throw new LlmException(where + ": the answer has no text in choices[0].message.content"
                    + (refusal.isEmpty() ? "" : " (the model refused: " + Errors.quote(refusal) + ")")
                    + "; expected a chat-completions object, got " + Errors.quote(body));
        }
        return new Completion(message.path("content").asText(), tokens(choice.path("logprobs").path("content")),
                choice.path("finish_reason").asText(""));
    }

    private static List<Token> tokens(JsonNode content) {
        var tokens = new ArrayList<Token>();
        for (JsonNode token : content) {
            var top = new ArrayList<Alternative>();
            for (JsonNode alternative : token.path("top_logprobs")) {
                top.add(new Alternative(bytes(alternative), alternative.path("logprob").asDouble()));
            }
            tokens.add(new Token(bytes(token), token.path("logprob").asDouble(), top));
        }
        return tokens;
    }

    private static byte[] bytes(JsonNode token) {
        JsonNode bytes = token.path("bytes");
        if (bytes.isArray() && !bytes.isEmpty()) {
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) bytes.get(i).asInt();
            }
            return out;
        }
        return token.path("token").asText("").getBytes(StandardCharsets.UTF_8);
    }
}
