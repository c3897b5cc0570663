package dev.otai.zammad;

import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import dev.otai.support.retry.Sleeper;
import dev.otai.testkit.zammad.FakeZammad;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Adapters pointed at a fake, with a sleeper that records waits instead of waiting. */
final class ZammadFixture {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Sleeper sleeper = waits::add;

    ZammadSettings settings(FakeZammad fake, String token, String scheme) {
        return new ZammadSettings(URI.create(fake.baseUrl()), token, scheme, true, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(30), RetryTiming.of(sleeper, InstantSource.system())), true);
    }

    ZammadTicketSystem system(FakeZammad fake) {
        return new ZammadTicketSystem(settings(fake, FakeZammad.TOKEN, "token"));
    }
}
