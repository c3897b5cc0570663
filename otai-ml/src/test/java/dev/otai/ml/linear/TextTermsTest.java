package dev.otai.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTermsTest {

    private static final TextTerms TERMS = TextTerms.standard();

    @Test
    void german_compound_shares_character_grams_with_the_word_it_contains() {
        Set<Long> compound = terms("Druckerproblem");
        Set<Long> word = terms("Drucker");
        word.retainAll(compound);

        assertThat(word.stream().filter(TextTerms::isCharTerm).count()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void numbers_fold_so_different_invoice_numbers_give_the_same_terms() {
        assertThat(terms("Invoice 4711 overdue")).isEqualTo(terms("Invoice 9052 overdue"));
    }

    @Test
    void case_does_not_matter_but_word_order_does_for_bigrams() {
        assertThat(terms("Printer Broken")).isEqualTo(terms("printer broken"));
        assertThat(terms("printer broken")).isNotEqualTo(terms("broken printer"));
    }

    @Test
    void repeated_words_are_counted() {
        TermCounts counts = TERMS.count("vpn vpn vpn");
        int max = Arrays.stream(counts.counts()).max().orElseThrow();

        assertThat(max).isGreaterThanOrEqualTo(3);
    }

    @Test
    void impossible_ngram_settings_are_refused_naming_them() {
        assertThatThrownBy(() -> new TextTerms(0, 2, 5)).hasMessageContaining("word 1-0")
                .hasMessageContaining("expected word n-grams of at least 1");
        assertThatThrownBy(() -> new TextTerms(2, 4, 3)).hasMessageContaining("characters 4-3");
    }

    private static Set<Long> terms(String text) {
        return new HashSet<>(Arrays.stream(TERMS.count(text).terms()).boxed().toList());
    }
}
