package dev.otai.llm;

/**
 * The LLM service could not produce a label: the server failed, timed out or refused, or answered something that
 * is not one of the allowed labels. Messages never contain the API key.
 */
public final class LlmException extends Exception {

    private static final long serialVersionUID = 1L;

    LlmException(String message) {
        super(message);
    }

    LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
