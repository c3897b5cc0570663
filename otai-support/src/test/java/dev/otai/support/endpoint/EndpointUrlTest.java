package dev.otai.support.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EndpointUrlTest {

    @Test
    void http_and_https_urls_with_a_host_are_acceptable_and_credentials_or_other_schemes_are_not() {
        assertThat(EndpointUrl.acceptable("https://otobo.example.com/otobo/nph-genericinterface.pl")).isTrue();
        assertThat(EndpointUrl.acceptable("http://127.0.0.1:8080")).isTrue();
        assertThat(EndpointUrl.acceptable("https://user:pw@otobo.example.com")).isFalse();
        assertThat(EndpointUrl.acceptable("https://user@otobo.example.com")).isFalse();
        assertThat(EndpointUrl.acceptable("https://u:p/w@otobo.example.com")).isFalse();
        assertThat(EndpointUrl.acceptable("file:///etc/passwd")).isFalse();
        assertThat(EndpointUrl.acceptable("otobo.example.com")).isFalse();
    }

    @Test
    void credentials_of_every_url_in_a_text_are_masked() {
        assertThat(EndpointUrl.masked("was https://agent:Secret1@host:8443/otobo and http://u%40x:p@h/"))
                .isEqualTo("was https://***@host:8443/otobo and http://***@h/");
        assertThat(EndpointUrl.masked("https://host/path")).isEqualTo("https://host/path");
    }

    @Test
    void parse_names_the_param_and_masks_the_password() {
        assertThat(EndpointUrl.parse("base_url", " https://host/otobo/ ", "x")).isEqualTo(URI.create("https://host/otobo"));
        assertThatThrownBy(() -> EndpointUrl.parse("base_url", "https://agent:Secret1@host", "an URL"))
                .hasMessage("base_url was \"https://***@host\"; expected an URL");
    }
}
