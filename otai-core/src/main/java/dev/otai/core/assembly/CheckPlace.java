package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.api.PipeType;
import dev.otai.core.config.ConfigNode;
import dev.otai.core.config.Location;
import dev.otai.core.config.Paths;
import dev.otai.core.config.PipeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a problem from {@link PipeType#check} is reported. A message that starts with a param's name, or a dotted
 * path into it ({@code interval was …}, {@code 'timezone' was …}, {@code retry.attempts was …}), is about that
 * value, and is reported at the value's own line and column; any other message is about the pipe as a whole.
 *
 * @param location where the problem is reported
 * @param path     the YAML path of the value, or of the pipe
 */
record CheckPlace(Location location, String path) {

    private static final Pattern SUBJECT = Pattern.compile("^'?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)'? (?:was|is) ");

    static CheckPlace of(String problem, PipeType type, PipeConfig pipe) {
        CheckPlace whole = new CheckPlace(pipe.location(), pipe.path());
        Matcher m = SUBJECT.matcher(problem);
        if (!m.find()) {
            return whole;
        }
        String[] segments = m.group(1).split("\\.");
        for (ParamSpec spec : type.params()) {
            for (String name : names(spec)) {
                PipeConfig.ConfigParam param = pipe.params().get(name);
                if (param != null && (name.equals(segments[0]) || spec.name().equals(segments[0]))) {
                    return inside(param.value(), param.path(), segments);
                }
            }
        }
        return whole;
    }

    /** The deepest node the path's segments after the first lead to. */
    private static CheckPlace inside(ConfigNode value, String path, String[] segments) {
        ConfigNode node = value;
        String at = path;
        for (int i = 1; i < segments.length && node instanceof ConfigNode.MapNode map && map.has(segments[i]); i++) {
            node = map.get(segments[i]).orElseThrow();
            at = Paths.child(at, segments[i]);
        }
        return new CheckPlace(node.location(), at);
    }

    private static List<String> names(ParamSpec spec) {
        var names = new ArrayList<String>();
        names.add(spec.name());
        names.addAll(spec.aliases());
        return names;
    }
}
