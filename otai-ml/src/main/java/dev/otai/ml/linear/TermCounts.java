package dev.otai.ml.linear;

/** The distinct hashed terms of one text ({@link TextTerms}) and how often each occurs. */
public record TermCounts(long[] terms, int[] counts) {
}
