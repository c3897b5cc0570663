package dev.otai.ml.linear;

import java.util.Locale;

/**
 * Splits a text into hashed terms of two blocks, counted: word n-grams (1 to {@code wordNgrams}) of words of two or
 * more letters or digits, and character n-grams ({@code minChar} to {@code maxChar}) inside each whitespace-separated
 * token padded with one space on each side ("char_wb"), so German compounds and inflections and misspelt words
 * still share most of their features with the words they contain. Text is lower-cased and digits fold to 0, so
 * ticket and invoice numbers do not become features of their own.
 *
 * <p>A term is a 64-bit hash, never a string: the top bit tells the block, so each block can be normalized on
 * its own. Collisions between the few hundred thousand terms of a vocabulary are negligible in 64 bits.
 */
public record TextTerms(int wordNgrams, int minChar, int maxChar) {

    static final long CHAR_BLOCK = Long.MIN_VALUE;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public TextTerms {
        if (wordNgrams < 1 || minChar < 1 || maxChar < minChar && maxChar != 0) {
            throw new IllegalArgumentException("n-gram settings were word 1-" + wordNgrams + ", characters " + minChar
                    + "-" + maxChar + "; expected word n-grams of at least 1 and character n-grams 1 <= min <= max"
                    + " (max 0 for none)");
        }
    }

    /** The settings of the default model: words 1–2, characters 2–5. */
    public static TextTerms standard() {
        return new TextTerms(2, 2, 5);
    }

    static boolean isCharTerm(long term) {
        return term < 0;
    }

    /** The distinct terms of {@code text} with their counts. */
    public TermCounts count(String text) {
        char[] chars = fold(text);
        var table = new TermTable(chars.length * Math.max(1, maxChar - minChar + 2));
        words(chars, table);
        if (maxChar > 0) {
            characters(chars, table);
        }
        long[] keys = table.keys();
        int[] counts = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            counts[i] = table.get(keys[i]);
        }
        return new TermCounts(keys, counts);
    }

    private static char[] fold(String text) {
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isDigit(chars[i])) {
                chars[i] = '0';
            }
        }
        return chars;
    }

    private void words(char[] chars, TermTable table) {
        long[] recent = new long[wordNgrams];
        int seen = 0;
        for (int i = 0; i < chars.length; ) {
            if (!isWordChar(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && isWordChar(chars[i])) {
                i++;
            }
            if (i - start < 2) {
                continue;
            }
            System.arraycopy(recent, 0, recent, 1, wordNgrams - 1);
            recent[0] = hash(FNV_OFFSET, chars, start, i);
            seen++;
            long gram = 0;
            for (int n = 1; n <= Math.min(wordNgrams, seen); n++) {
                gram = mix(gram * FNV_PRIME + recent[n - 1] + n);
                table.add(gram & Long.MAX_VALUE, 1);
            }
        }
    }

    private void characters(char[] chars, TermTable table) {
        char[] padded = new char[chars.length + 2];
        for (int i = 0; i < chars.length; ) {
            if (Character.isWhitespace(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && !Character.isWhitespace(chars[i])) {
                i++;
            }
            int length = i - start + 2;
            padded[0] = ' ';
            System.arraycopy(chars, start, padded, 1, i - start);
            padded[length - 1] = ' ';
            for (int n = minChar; n <= maxChar; n++) {
                int last = Math.max(0, length - n);
                for (int offset = 0; offset <= last; offset++) {
                    long gram = mix(hash(FNV_OFFSET + n, padded, offset, Math.min(length, offset + n)));
                    table.add(gram | CHAR_BLOCK, 1);
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static long hash(long seed, char[] chars, int from, int to) {
        long h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ chars[i]) * FNV_PRIME;
        }
        return h;
    }

    /** Murmur3's 64-bit finalizer: spreads every input bit over the whole hash. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
