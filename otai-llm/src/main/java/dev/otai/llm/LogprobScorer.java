package dev.otai.llm;

import dev.otai.api.classify.Classification.LabelScore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns token logprobs into label probabilities. The chosen label's probability is the product of the
 * probabilities of the tokens that spell it (the tokens overlapping its characters). Another label gets the
 * probability of the path that leaves the chosen spelling where that label begins: the chosen tokens before the
 * fork times the alternative token at the fork (from {@code top_logprobs}), assuming the rest of its spelling would
 * follow. An alternative token that several other labels start with shares its probability equally among them.
 */
final class LogprobScorer {

    /** The chosen label's probability and every label that got one, best first. */
    record Scored(double confidence, List<LabelScore> scores) {
    }

    private LogprobScorer() {
    }

    static Optional<Scored> score(Completion completion, Answer answer, String chosen, LabelSet labels) {
        byte[] text = completion.content().getBytes(StandardCharsets.UTF_8);
        if (completion.tokens().isEmpty() || answer.start() < 0 || !Arrays.equals(joined(completion), text)) {
            return Optional.empty();
        }
        int labelStart = utf8Length(completion.content().substring(0, answer.start()));
        int labelEnd = utf8Length(completion.content().substring(0, answer.end()));
        double logSum = 0;
        boolean seen = false;
        var others = new HashMap<String, Double>();
        int position = 0;
        for (Completion.Token token : completion.tokens()) {
            int tokenStart = position;
            position += token.bytes().length;
            if (position <= labelStart || tokenStart >= labelEnd) {
                continue;
            }
            Map<String, Double> here = forks(text, tokenStart, labelStart, token, Math.exp(logSum), chosen, labels);
            here.forEach((label, p) -> others.merge(label, p, Math::max));
            logSum += token.logprob();
            seen = true;
        }
        if (!seen) {
            return Optional.empty();
        }
        double confidence = Math.min(1.0, Math.exp(logSum));
        var scores = new ArrayList<LabelScore>();
        scores.add(new LabelScore(chosen, confidence));
        others.forEach((label, p) -> scores.add(new LabelScore(label, Math.min(1.0, p))));
        scores.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        return Optional.of(new Scored(confidence, scores));
    }

    /** Probabilities of other labels that begin with an alternative to this token. */
    private static Map<String, Double> forks(byte[] text, int tokenStart, int labelStart, Completion.Token token,
                                             double prefix, String chosen, LabelSet labels) {
        var here = new HashMap<String, Double>();
        for (Completion.Alternative alternative : token.top()) {
            List<String> matches = labelsStartingWith(text, tokenStart, labelStart, alternative.bytes(), labels);
            if (matches.isEmpty() || matches.stream().anyMatch(chosen::equalsIgnoreCase)) {
                continue;
            }
            double share = prefix * Math.exp(alternative.logprob()) / matches.size();
            matches.forEach(label -> here.merge(label, share, Double::sum));
        }
        return here;
    }

    /** Labels the text would spell if this alternative replaced the token at {@code tokenStart}. */
    private static List<String> labelsStartingWith(byte[] text, int tokenStart, int labelStart, byte[] alternative,
                                                   LabelSet labels) {
        if (tokenStart + alternative.length <= labelStart) {
            return List.of();
        }
        int shared = Math.max(0, labelStart - tokenStart);
        if (shared > 0 && !Arrays.equals(alternative, 0, shared, text, tokenStart, labelStart)) {
            return List.of();
        }
        var spelled = new ByteArrayOutputStream();
        spelled.write(text, labelStart, Math.max(0, tokenStart - labelStart));
        spelled.write(alternative, shared, alternative.length - shared);
        String partial = spelled.toString(StandardCharsets.UTF_8);
        int quote = partial.indexOf('"');
        if (quote >= 0) {
            return labels.match(partial.substring(0, quote)).map(List::of).orElse(List.of());
        }
        return labels.startingWith(partial);
    }

    private static byte[] joined(Completion completion) {
        var out = new ByteArrayOutputStream();
        completion.tokens().forEach(token -> out.write(token.bytes(), 0, token.bytes().length));
        return out.toByteArray();
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
