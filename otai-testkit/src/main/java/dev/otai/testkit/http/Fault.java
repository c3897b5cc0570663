package dev.otai.testkit.http;

import java.time.Duration;

/** Something a fake server does instead of answering normally. */
public sealed interface Fault {

    /** Answers with this status and a short text body, without applying the request. */
    record Status(int status) implements Fault {
    }

    /** Answers 429 with {@code Retry-After} in whole seconds, without applying the request. */
    record TooManyRequests(Duration retryAfter) implements Fault {
    }

    /** Answers 200 with a truncated JSON body, without applying the request. */
    record MalformedJson() implements Fault {
    }

    /** Closes the connection without any answer, without applying the request. */
    record Drop() implements Fault {
    }

    /** Applies the request, then answers with {@code fault} instead of the real answer: a lost response. */
    record AfterApply(Fault fault) implements Fault {
    }

    static Fault status(int status) {
        return new Status(status);
    }

    static Fault tooManyRequests(Duration retryAfter) {
        return new TooManyRequests(retryAfter);
    }

    static Fault malformedJson() {
        return new MalformedJson();
    }

    static Fault drop() {
        return new Drop();
    }

    static Fault afterApply(Fault fault) {
        return new AfterApply(fault);
    }
}
