package dev.otai.llm;

/**
 * An API key that never shows itself: {@link #toString()} is redacted, and {@link #redact} removes the key from
 * text a server sent back before that text goes into an error message.
 */
record ApiKey(String value) {

    static final ApiKey NONE = new ApiKey("");

    ApiKey {
        value = value == null ? "" : value.strip();
    }

    boolean present() {
        return !value.isEmpty();
    }

    String redact(String text) {
        return present() && text != null ? text.replace(value, "***") : text;
    }

    @Override
    public String toString() {
        return present() ? "ApiKey[***]" : "ApiKey[none]";
    }
}
