package dev.otai.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code --name=value} command-line options with defaults; an unknown option is an error. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !defaults.containsKey(arg.substring(2, eq))) {
                throw new IllegalArgumentException("option '" + arg + "' is not known; expected --name=value with name one of "
                        + defaults.keySet());
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    String text(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        return new TreeMap<>(values).toString();
    }
}
