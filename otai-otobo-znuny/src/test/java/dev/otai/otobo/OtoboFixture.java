package dev.otai.otobo;

import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import dev.otai.support.retry.Sleeper;
import dev.otai.testkit.otobo.FakeOtobo;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Adapters pointed at a fake, with a sleeper that records waits instead of waiting. */
final class OtoboFixture {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Sleeper sleeper = waits::add;

    OtoboSettings settings(FakeOtobo fake, String password, boolean session) {
        return new OtoboSettings(URI.create(fake.baseUrl()), FakeOtobo.USER, password, "OpenTicketAI",
                OtoboSettings.DEFAULT_ROUTES, OtoboSettings.DEFAULT_METHODS, session, Duration.ofSeconds(2),
                Duration.ofSeconds(5), new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(30), RetryTiming.of(sleeper, InstantSource.system())), 0, "kunde@example.com");
    }

    OtoboZnunyTicketSystem system(FakeOtobo fake) {
        return new OtoboZnunyTicketSystem(settings(fake, FakeOtobo.PASSWORD, false));
    }
}
