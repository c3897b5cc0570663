package dev.otai.api.classify;

import java.util.Objects;

/**
 * @param text     what to classify
 * @param model    which model, when the service serves several (OTAI's {@code model_name}); may be empty
 * @param apiToken a token for this call that overrides the service's own, or null
 */
public record ClassificationRequest(String text, String model, String apiToken) {

    public ClassificationRequest {
        text = Objects.requireNonNullElse(text, "");
        model = Objects.requireNonNullElse(model, "");
    }
}
