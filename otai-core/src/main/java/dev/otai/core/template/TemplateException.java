package dev.otai.core.template;

/** A template that cannot be rendered; the message names the template and what went wrong. */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
