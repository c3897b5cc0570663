package dev.otai.core.orchestration;

import dev.otai.api.RunInfo;
import dev.otai.core.redaction.Redactor;
import java.time.Duration;
import java.util.Map;

/**
 * One executed pipe of a run, safe to store: params whose spec is secret (or whose name says so:
 * password, token, api_key, secret…) and values rendered from {@code get_env} are replaced by
 * {@value #REDACTED}, and those values, with the secret params of services, are also cut out of the message
 * and the data.
 *
 * @param scope    where in the run the step ran: empty at the top, {@code item 3} in a for-each's fourth item
 * @param outcome  {@code succeeded}, {@code skipped} or {@code failed}
 * @param params   the rendered params, redacted, without nested pipe configs
 * @param data     the result's data, scrubbed
 */
public record StepEvent(RunInfo run, String pipeId, String use, String path, String scope, String outcome, String message,
                        Duration duration, Map<String, Object> params, Map<String, Object> data) {

    public static final String REDACTED = Redactor.MARKER;
}
