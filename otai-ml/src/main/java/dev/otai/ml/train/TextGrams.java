package dev.otai.ml.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text features for the linear model: lower-cased words and word n-grams up to {@code wordNgrams}, plus
 * character n-grams (3 to {@code maxCharNgram}) inside each word, marked with {@code ^} and {@code $} at the word's
 * edges. Character n-grams let German compounds and inflections ("Druckerproblem", "Rechnungen") share features
 * with the words they contain. Digits are folded to {@code 0}, so ticket and invoice numbers do not become
 * features of their own. Each feature is present or absent (no counts).
 */
record TextGrams(int wordNgrams, int maxCharNgram) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    Set<String> features(String text) {
        List<String> words = words(text);
        var out = new LinkedHashSet<String>();
        for (int i = 0; i < words.size(); i++) {
            var gram = new StringBuilder("w:");
            for (int n = 1; n <= wordNgrams && i + n <= words.size(); n++) {
                gram.append(n == 1 ? "" : "_").append(words.get(i + n - 1));
                out.add(gram.toString());
            }
            characterGrams(words.get(i), out);
        }
        return out;
    }

    private void characterGrams(String word, Set<String> out) {
        String marked = "^" + word + "$";
        for (int n = 3; n <= maxCharNgram; n++) {
            for (int start = 0; start + n <= marked.length(); start++) {
                out.add("c:" + marked.substring(start, start + n));
            }
        }
    }

    static List<String> words(String text) {
        var words = new ArrayList<String>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group().replaceAll("\\p{N}", "0"));
        }
        return words;
    }
}
