package dev.otai.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a ticket's text holds, the TF-IDF model answers a label with finite scores that sum to one. */
class HostileTicketTextTest {

    private static LinearTextModel model;

    @BeforeAll
    static void train() throws Exception {
        model = LinearTraining.train(List.of("printer broken", "invoice wrong", "printer jam", "invoice refund",
                        "vpn down", "wifi drops"), List.of("IT", "Billing", "IT", "Billing", "Network", "Network"),
                TextTerms.standard(), List.of(new Settings(Loss.LOGREG, 10, false)), false, null, false, 1).model();
    }

    @Test
    void empty_control_characters_emoji_surrogates_and_a_megabyte_of_text_get_a_valid_answer() throws Exception {
        String huge = "printer ".repeat(131_072);
        List<String> texts = List.of("", " \t\n", "\u0000\u0007\u001b[31m", "🖨️💥🔥", "\uD800 lone surrogate \uDFFF",
                "İSTANBUL ǅ ß ﬁ", huge, "x".repeat(200_000));
        for (String text : texts) {
            Classification answer = model.classify(new ClassificationRequest(text, "", null));

            assertThat(answer.label()).isIn("IT", "Billing", "Network");
            double sum = answer.scores().stream().mapToDouble(Classification.LabelScore::score).sum();
            assertThat(sum).as("scores of a %d-character text", text.length()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(answer.confidence()).isBetween(0.0, 1.0);
        }
        assertThat(model.classify(new ClassificationRequest(huge, "", null)).label()).isEqualTo("IT");
    }
}
