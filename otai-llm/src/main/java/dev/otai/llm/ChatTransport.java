package dev.otai.llm;

import dev.otai.support.retry.RetryAfter;
import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts chat-completion requests with one {@link HttpClient} per service. Retries 408, 429 and 5xx answers and
 * network errors (timeouts, refused connections) as {@link RetryPolicy} says; other answers fail at once.
 * Redirects are not followed, so the key is never sent to another address.
 */
final class ChatTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatTransport.class);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final LlmSettings settings;
    private final HttpClient client;
    private final RetryPolicy retry;

    ChatTransport(LlmSettings settings, RetryTiming timing) {
        this.settings = settings;
        this.retry = settings.retryPolicy(timing);
        Duration connect = settings.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? settings.timeout() : MAX_CONNECT_TIMEOUT;
        this.client = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends the JSON body and returns the answer's body. */
    String post(String body, ApiKey key) throws LlmException, InterruptedException {
        int attempts = retry.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(body, key);
            if (outcome instanceof Outcome.Answered answered && !retryable(answered.response().statusCode())) {
                return accepted(answered.response(), key);
            }
            if (attempt == attempts) {
                throw new LlmException(Errors.describe(settings, key, outcome, attempts), outcome.cause());
            }
            Optional<Duration> asked = outcome instanceof Outcome.Answered a
                    ? RetryAfter.of(a.response().headers(), retry.timing().clock()) : Optional.empty();
            Duration wait = retry.backoff(attempt, asked);
            log.warn("LLM service '{}': attempt {} of {} {}; retrying in {} ms", settings.serviceId(), attempt, attempts,
                    key.redact(Errors.brief(outcome)), wait.toMillis());
            retry.sleeper().sleep(wait);
        }
    }

    private Outcome attempt(String body, ApiKey key) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key.present()) {
            boolean bearer = settings.authHeader().equalsIgnoreCase("Authorization");
            request.header(settings.authHeader(), bearer ? "Bearer " + key.value() : key.value());
        }
        try {
            return new Outcome.Answered(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            return new Outcome.TimedOut(e);
        } catch (IOException e) {
            return new Outcome.Unreachable(e);
        }
    }

    private String accepted(HttpResponse<String> response, ApiKey key) throws LlmException {
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        throw new LlmException(Errors.describe(settings, key, new Outcome.Answered(response), 1), null);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /** What one attempt ended with. */
    sealed interface Outcome {

        default Throwable cause() {
            return null;
        }

        record Answered(HttpResponse<String> response) implements Outcome {
        }

        record TimedOut(HttpTimeoutException exception) implements Outcome {
            @Override
            public Throwable cause() {
                return exception;
            }
        }

        record Unreachable(IOException exception) implements Outcome {
            @Override
            public Throwable cause() {
                return exception;
            }
        }
    }
}
