package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.dist.Installation.Outcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and colliding plugin jars met by the installed launcher: otai does not start, says in one line which jar
 * and what is wrong with it, and prints no stack trace.
 */
class HostilePluginJarIT {

    @TempDir
    Path empty;

    @TempDir
    Path elsewhere;

    Installation installation;

    @BeforeEach
    void unpack() throws Exception {
        installation = Installation.unpack(empty);
    }

    @Test
    void a_plugins_file_that_is_not_a_jar_stops_otai_naming_it() throws Exception {
        Path jar = Files.writeString(installation.path("plugins/readme.jar"), "not a zip");

        Outcome outcome = installation.otai("validate", "--config", "config/config.yml");

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("otai: plugin jar " + jar + ": is not a readable jar (zip) file")
                .doesNotContain("\tat ");
    }

    @Test
    void a_jar_declaring_a_class_it_lacks_stops_otai_naming_jar_and_class() throws Exception {
        Path jar = declaring(installation.path("plugins/broken.jar"), "com.acme.otai.MissingPlugin");

        Outcome outcome = installation.otai("plugins");

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("otai: plugin jar " + jar + ": a plugin it declares could not be loaded")
                .contains("com.acme.otai.MissingPlugin not found").doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void a_jar_taking_the_name_of_a_built_in_plugin_stops_otai_naming_the_types() throws Exception {
        Path jar = declaring(installation.path("plugins/impostor.jar"), "dev.otai.core.base.BasePlugin");

        Outcome outcome = installation.otai("plugins");

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("otai: plugin jar " + jar + ": plugin 'base'")
                .contains("base:CompositePipe").contains("already registered from built in").doesNotContain("\tat ");
    }

    @Test
    void the_same_plugin_in_plugins_and_on_the_plugin_path_stops_otai_naming_both_jars() throws Exception {
        Path installed = Files.copy(Installation.examplePlugin(), installation.path("plugins/keywords.jar"));
        Path again = Files.copy(Installation.examplePlugin(), elsewhere.resolve("keywords-copy.jar"));

        Outcome outcome = installation.otai(Map.of("OTAI_PLUGIN_PATH", elsewhere.toString()), "plugins");

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("otai: plugin jar " + again + ": plugin 'keywords'")
                .contains("keywords:TagText").contains("already registered from " + installed);
    }

    @Test
    void a_plugin_path_directory_is_loaded_like_plugins() throws Exception {
        Path jar = Files.copy(Installation.examplePlugin(), elsewhere.resolve("keywords.jar"));

        Outcome outcome = installation.otai(Map.of("OTAI_PLUGIN_PATH", elsewhere.toString()), "plugins");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("plugin keywords (" + jar + ")");
    }

    @Test
    void a_plugin_path_entry_that_does_not_exist_stops_otai_naming_it() throws Exception {
        Outcome outcome = installation.otai(Map.of("OTAI_PLUGIN_PATH", "/nonexistent/otai-plugins"), "plugins");

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("otai: OTAI_PLUGIN_PATH entry \"/nonexistent/otai-plugins\" is not a directory");
    }

    private static Path declaring(Path jar, String provider) throws Exception {
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.otai.api.Plugin"));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
