package dev.otai.ml.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny text classifier built by the test: a hand-encoded ONNX graph (opset 13) that looks up two logits per
 * token and sums them over the attention mask, and a hand-written WordPiece tokenizer.json. "printer" votes for
 * label 0 (IT) and "invoice" and "refund" for label 1 (Billing), each with a logit of 3.
 */
final class TinyModel {

    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "printer", "invoice", "broken", "refund",
            "the", "##s", "is", "my");
    static final float VOTE = 3f;

    private TinyModel() {
    }

    /** Writes model.onnx (or onnx/model.onnx), tokenizer.json and config.json into {@code dir}. */
    static Path write(Path dir, boolean inOnnxFolder, int maxPositions) throws IOException {
        Path onnx = dir.resolve(inOnnxFolder ? "onnx/model.onnx" : "model.onnx");
        Files.createDirectories(onnx.getParent());
        Files.write(onnx, onnx());
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
        Files.writeString(dir.resolve("config.json"), """
                {"architectures": ["BertForSequenceClassification"], "id2label": {"0": "IT", "1": "Billing"},
                 "label2id": {"IT": 0, "Billing": 1}, "max_position_embeddings": %d}
                """.formatted(maxPositions));
        return dir;
    }

    static byte[] onnx() {
        float[] table = new float[VOCAB.size() * 2];
        table[VOCAB.indexOf("printer") * 2] = VOTE;
        table[VOCAB.indexOf("invoice") * 2 + 1] = VOTE;
        table[VOCAB.indexOf("refund") * 2 + 1] = VOTE;
        var graph = new Protobuf()
                .message(1, node("Gather", List.of("table", "input_ids"), "token_logits").message(5, intAttribute("axis", 0)))
                .message(1, node("Cast", List.of("attention_mask"), "mask_float").message(5, intAttribute("to", 1)))
                .message(1, node("Unsqueeze", List.of("mask_float", "last_axis"), "mask_3d"))
                .message(1, node("Mul", List.of("token_logits", "mask_3d"), "masked"))
                .message(1, node("ReduceSum", List.of("masked", "sequence_axis"), "logits")
                        .message(5, intAttribute("keepdims", 0)))
                .string(2, "tiny")
                .message(5, tensor("table", 1, Protobuf.floats(table), VOCAB.size(), 2))
                .message(5, tensor("last_axis", 7, Protobuf.longs(2), 1))
                .message(5, tensor("sequence_axis", 7, Protobuf.longs(1), 1))
                .message(11, value("input_ids", 7, "batch", "sequence"))
                .message(11, value("attention_mask", 7, "batch", "sequence"))
                .message(12, value("logits", 1, "batch", "2"));
        return new Protobuf().varint(1, 8).string(2, "otai-test").message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, 13)).toByteArray();
    }

    private static Protobuf node(String op, List<String> inputs, String output) {
        var node = new Protobuf();
        inputs.forEach(input -> node.string(1, input));
        return node.string(2, output).string(3, op + "_" + output).string(4, op);
    }

    private static Protobuf intAttribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, 2);
    }

    private static Protobuf tensor(String name, int type, byte[] raw, long... dims) {
        var tensor = new Protobuf();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, type).string(8, name).bytes(9, raw);
    }

    /** A tensor input or output; a dim that is a number is fixed, any other is symbolic. */
    private static Protobuf value(String name, int type, String... dims) {
        var shape = new Protobuf();
        for (String dim : dims) {
            shape.message(1, dim.matches("\\d+") ? new Protobuf().varint(1, Long.parseLong(dim)) : new Protobuf().string(2, dim));
        }
        var tensorType = new Protobuf().varint(1, type).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }

    static String tokenizerJson() {
        var vocab = new StringBuilder();
        for (int i = 0; i < VOCAB.size(); i++) {
            vocab.append(i == 0 ? "" : ", ").append('"').append(VOCAB.get(i)).append("\": ").append(i);
        }
        return """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [
                   {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                   {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                   {"id": 2, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                   {"id": 3, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
                 "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "BertPreTokenizer"},
                 "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
                 "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
                 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                           "max_input_chars_per_word": 100, "vocab": {%s}}}
                """.formatted(vocab);
    }
}
