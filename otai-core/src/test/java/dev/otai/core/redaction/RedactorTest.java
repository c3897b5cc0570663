package dev.otai.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedactorTest {

    private static final String PASSWORD = "p@ss w/\"rd+1";

    private final Redactor redactor = new Redactor();

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_secret_is_cut_out_in_every_encoding_a_request_or_answer_may_carry() {
        redactor.register(PASSWORD);
        String form = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        List<String> carriers = List.of(
                "raw " + PASSWORD + " end",
                "query Password=" + form + "&UserLogin=agent",
                "query Password=" + form.replace("+", "%20") + "&x",
                "lower hex " + form.toLowerCase(Locale.ROOT),
                "uri " + URI.create("http://h/x?p=" + form).toASCIIString(),
                "json {\"Password\":\"p@ss w/\\\"rd+1\"}",
                "json with escaped slash {\"Password\":\"p@ss w\\/\\\"rd+1\"}",
                "json in json {\\\"Password\\\":\\\"p@ss w/\\\\\\\"rd+1\\\"}",
                "html <td>p@ss w/&quot;rd+1</td>",
                "base64 " + base64(PASSWORD));
        for (String carrier : carriers) {
            assertThat(redactor.redact(carrier)).as(carrier).contains(Redactor.MARKER)
                    .doesNotContain("rd+1").doesNotContain("rd%2B1").doesNotContain("rd%2b1")
                    .doesNotContain(base64(PASSWORD).substring(0, 12));
        }
    }

    @Test
    void basic_credentials_are_cut_out_as_the_authorization_header_sends_them() {
        redactor.registerBasicCredentials("agent", "ab");
        String header = "Authorization: Basic " + base64("agent:ab");

        assertThat(redactor.redact(header)).isEqualTo("Authorization: Basic " + Redactor.MARKER);
    }

    @Test
    void a_long_secret_inside_a_longer_base64_text_is_cut_out_at_any_byte_alignment() {
        String secret = "correct-horse-battery";
        redactor.register(secret);
        for (String prefix : List.of("u:", "us:", "use:")) {
            String encoded = base64(prefix + secret + " and more");
            assertThat(redactor.redact(encoded)).as(prefix).contains(Redactor.MARKER).hasSizeLessThan(encoded.length());
        }
    }

    @Test
    void a_short_secret_is_cut_out_only_where_it_stands_as_a_whole_token() {
        redactor.register("ab");

        assertThat(redactor.redact("{\"Password\":\"ab\"} Password=ab& about the abbey, ab")).isEqualTo(
                "{\"Password\":\"***\"} Password=***& about the abbey, ***");
    }

    @Test
    void a_one_character_secret_of_punctuation_is_cut_out_wherever_it_stands() {
        redactor.register("\"");

        assertThat(redactor.redact("say \\\"hi\\\"")).doesNotContain("\"");
    }

    @Test
    void a_secret_of_four_characters_or_more_is_cut_out_even_inside_a_word() {
        redactor.register("hunter");

        assertThat(redactor.redact("hunter2 is not hunters")).isEqualTo("***2 is not ***s");
    }

    @Test
    void text_without_secrets_is_returned_unchanged() {
        redactor.register(PASSWORD);
        String text = "ticket 42 moved to queue Raw; 3 notes added";

        assertThat(redactor.redact(text)).isSameAs(text);
        assertThat(new Redactor().redact(text)).isSameAs(text);
    }

    @Test
    void maps_and_lists_are_redacted_deeply() {
        redactor.register("s3cret");

        assertThat(redactor.redact((Object) Map.of("a", List.of("x s3cret y", 7), "b", Map.of("c", "s3cret"))))
                .isEqualTo(Map.of("a", List.of("x *** y", 7), "b", Map.of("c", "***")));
    }

    @Test
    void a_map_without_secrets_comes_back_as_the_same_object_and_one_with_a_secret_as_a_redacted_copy() {
        redactor.register("s3cret");
        Map<String, Object> clean = Map.of("a", List.of("x y", 7), "b", Map.of("c", "queue Raw"));
        Map<String, Object> secret = Map.of("a", List.of("x y", 7), "b", Map.of("c", "s3cret"));

        assertThat(redactor.redact((Object) clean)).isSameAs(clean);
        assertThat(redactor.redact((Object) secret)).isNotSameAs(secret)
                .isEqualTo(Map.of("a", List.of("x y", 7), "b", Map.of("c", "***")));
        assertThat(secret).isEqualTo(Map.of("a", List.of("x y", 7), "b", Map.of("c", "s3cret")));
    }

    @Test
    void empty_and_null_secrets_are_ignored() {
        redactor.register("");
        redactor.register(null);

        assertThat(redactor.isEmpty()).isTrue();
        assertThat(redactor.redact("anything")).isEqualTo("anything");
    }

    @Test
    void credentials_in_a_url_are_masked_in_any_text_and_their_password_is_known_elsewhere() {
        redactor.registerUrlCredentials("https://agent:p%40ss%20w@desk.example.com/otobo");

        assertThat(redactor.redact("no answer from https://agent:p%40ss%20w@desk.example.com/otobo: refused"))
                .isEqualTo("no answer from https://***@desk.example.com/otobo: refused");
        assertThat(redactor.redact("echo {\"Password\":\"p@ss w\"}")).isEqualTo("echo {\"Password\":\"***\"}");
        assertThat(new Redactor().redact("see http://u:pw@host:8080/x and mail someone@example.com"))
                .isEqualTo("see http://***@host:8080/x and mail someone@example.com");
    }
}
