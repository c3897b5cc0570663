package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing the token: after ten wrong tokens within a minute, even the right one is refused for that minute. */
class ConsoleThrottleTest {

    @TempDir
    Path dir;

    @Test
    void ten_wrong_tokens_pause_sign_in_for_everyone() throws Exception {
        try (var console = RunningConsole.quickstartLike(dir); var client = new ConsoleClient(console)) {
            for (int i = 0; i < 10; i++) {
                assertThat(client.signIn("wrong-token-number-" + i).statusCode()).isEqualTo(401);
            }
            var refused = client.signIn(RunningConsole.TOKEN);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.body()).contains("Too many wrong tokens");
        }
    }
}
