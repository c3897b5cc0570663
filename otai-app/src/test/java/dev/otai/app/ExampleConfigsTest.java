package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The configs under {@code examples/} validate as shipped, with every plugin the jar carries. */
class ExampleConfigsTest {

    private static final Map<String, String> ENV = Map.of("OTOBO_BASE_URL", "https://otobo.example/otobo/nph-genericinterface.pl",
            "OTOBO_PASSWORD", "secret", "ZAMMAD_URL", "https://zammad.example", "ZAMMAD_TOKEN", "token");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_config_validates_unchanged(Path file) {
        ConfigCheck.Result result = ConfigCheck.file(file, ENV, PluginRegistry.discover(ExampleConfigsTest.class.getClassLoader()),
                new TemplateEngine());

        assertThat(result.errors()).as(file.toString()).isEmpty();
    }
}
