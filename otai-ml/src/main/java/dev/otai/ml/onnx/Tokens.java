package dev.otai.ml.onnx;

/** Token ids, attention mask and token type ids of a batch of texts, padded to the longest text. */
public record Tokens(long[][] ids, long[][] mask, long[][] types) {
}
