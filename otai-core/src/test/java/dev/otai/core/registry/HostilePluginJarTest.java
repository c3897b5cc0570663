package dev.otai.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.Plugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars that are broken or collide: otai refuses them at start with a message naming the jar and the culprit. */
class HostilePluginJarTest {

    @TempDir
    Path plugins;

    private PluginRegistry discover() {
        return PluginRegistry.discover(getClass().getClassLoader(), List.of(plugins));
    }

    @Test
    void a_working_jar_registers_its_plugin_with_the_jar_as_its_origin() throws Exception {
        Path jar = PluginJarFiles.declaring(plugins, "jarred.jar", JarredPlugin.class.getName());

        PluginRegistry registry = discover();

        assertThat(registry.pipeTypes()).containsKey("jarred:Echo");
        assertThat(registry.source("jarred")).hasValueSatisfying(source -> assertThat(source.jar()).contains(jar));
        assertThat(registry.source("base")).hasValueSatisfying(source -> assertThat(source.origin()).isEqualTo("built in"));
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused_naming_the_jar() throws Exception {
        Path jar = Files.writeString(plugins.resolve("notes.jar"), "this is a text file, not a jar");

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessageStartingWith("plugin jar " + jar + ": is not a readable jar (zip) file")
                .hasMessageContaining("expected a plugin jar built against otai-api");
    }

    @Test
    void a_declared_class_missing_from_the_jar_is_refused_naming_jar_and_class() throws Exception {
        Path jar = PluginJarFiles.declaring(plugins, "missing.jar", "com.acme.otai.GonePlugin");

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessageStartingWith("plugin jar " + jar + ": a plugin it declares could not be loaded")
                .hasMessageContaining("com.acme.otai.GonePlugin not found");
    }

    @Test
    void a_plugin_whose_constructor_throws_is_refused_with_what_it_threw() throws Exception {
        Path jar = PluginJarFiles.declaring(plugins, "acme.jar", ExplodingPlugin.class.getName());

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessageStartingWith("plugin jar " + jar + ": a plugin it declares could not be loaded")
                .hasMessageContaining(ExplodingPlugin.class.getName() + " could not be instantiated")
                .hasMessageContaining("java.lang.IllegalStateException (licence file /etc/acme/licence.key not found)");
    }

    @Test
    void a_jar_without_a_plugin_declaration_is_refused() throws Exception {
        Path jar = PluginJarFiles.declaring(plugins, "empty.jar");

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessage("plugin jar " + jar + ": declares no plugin; expected a META-INF/services/"
                        + Plugin.class.getName() + " entry naming a class that implements " + Plugin.class.getName());
    }

    @Test
    void a_jar_taking_a_built_in_plugins_name_is_refused_naming_the_types() throws Exception {
        Path jar = PluginJarFiles.declaring(plugins, "fake-base.jar", "dev.otai.core.base.BasePlugin");

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessageStartingWith("plugin jar " + jar + ": plugin 'base' (dev.otai.core.base.BasePlugin, types base:")
                .hasMessageContaining("base:CompositePipe")
                .hasMessageEndingWith("conflicts with plugin 'base' already registered from built in; expected a plugin"
                        + " name no other plugin uses");
    }

    @Test
    void two_jars_with_the_same_plugin_are_refused_naming_both() throws Exception {
        Path first = PluginJarFiles.declaring(plugins, "a-jarred.jar", JarredPlugin.class.getName());
        Path second = PluginJarFiles.declaring(plugins, "b-jarred.jar", JarredPlugin.class.getName());

        assertThatThrownBy(this::discover).isInstanceOf(PluginJarException.class)
                .hasMessageStartingWith("plugin jar " + second + ": plugin 'jarred'")
                .hasMessageContaining("types jarred:Echo")
                .hasMessageContaining("already registered from " + first);
    }

    @Test
    void files_that_are_not_jars_by_name_are_ignored() throws Exception {
        Files.writeString(plugins.resolve("README.md"), "plugins go here");

        assertThat(discover().plugins()).extracting(Plugin::name).contains("base").doesNotContain("jarred");
    }
}
