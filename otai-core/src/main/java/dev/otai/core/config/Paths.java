package dev.otai.core.config;

/** Builds the dotted YAML paths used in problems, such as {@code orchestrator.params.steps[0].use}. */
public final class Paths {

    private Paths() {
    }

    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
