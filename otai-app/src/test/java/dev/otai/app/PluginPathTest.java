package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPathTest {

    @TempDir
    Path home;

    @Test
    void plugins_beside_the_installation_come_first_then_the_plugin_path_in_order() throws Exception {
        Path beside = Files.createDirectory(home.resolve("plugins"));
        Path team = Files.createDirectory(home.resolve("team"));
        Path site = Files.createDirectory(home.resolve("site"));

        PluginPath path = PluginPath.of(home.toString(), Map.of("OTAI_PLUGIN_PATH", team + File.pathSeparator + site));

        assertThat(path.directories()).containsExactly(beside, team, site);
    }

    @Test
    void an_installation_without_a_plugins_folder_has_no_plugin_directories() {
        assertThat(PluginPath.of(home.toString(), Map.of()).directories()).isEmpty();
        assertThat(PluginPath.of(null, Map.of()).directories()).isEmpty();
    }

    @Test
    void a_plugin_path_entry_that_is_not_a_directory_is_refused_naming_it() {
        String missing = home.resolve("nowhere").toString();

        assertThatThrownBy(() -> PluginPath.of(home.toString(), Map.of("OTAI_PLUGIN_PATH", missing)))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("OTAI_PLUGIN_PATH entry \"" + missing + "\" is not a directory; expected directories of plugin"
                        + " jars separated by '" + File.pathSeparator + "' (OTAI_PLUGIN_PATH=\"" + missing + "\")");
    }
}
