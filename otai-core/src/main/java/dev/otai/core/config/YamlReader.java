package dev.otai.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Reads YAML into a {@link ConfigNode} tree that keeps every line and column. Duplicate keys, syntax errors,
 * empty files and non-text input become {@link Problem}s instead of exceptions.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    /** Parses {@code bytes} from {@code source}; returns empty and records problems when it cannot. */
    public static Optional<ConfigNode> read(byte[] bytes, String source, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(Location.of(source), "", "file is not UTF-8 text; expected a YAML config");
            return Optional.empty();
        }
        if (text.indexOf('\0') >= 0) {
            problems.error(Location.of(source), "", "file contains NUL bytes; expected a YAML config");
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(new Location(source, 1, 1), "", "config file is empty; expected a mapping with the root key 'open_ticket_ai' (or 'otai', 'cfg')");
                return Optional.empty();
            }
            var reader = new Reading(parser, source, problems);
            ConfigNode root = reader.node("");
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? Location.of(source) : new Location(source, at.getLineNr(), at.getColumnNr());
            problems.error(location, "", "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(Location.of(source), "", "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private record Reading(JsonParser parser, String source, Problems problems, java.util.Map<String, ConfigNode> anchors) {

        Reading(JsonParser parser, String source, Problems problems) {
            this(parser, source, problems, new java.util.HashMap<>());
        }

        /** Reads the node at the current token; anchors ({@code &a}) are remembered and aliases ({@code *a}) expanded. */
        ConfigNode node(String path) throws IOException {
            Location location = here();
            if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
                ConfigNode anchored = anchors.get(yaml.getText());
                if (anchored == null) {
                    problems.error(location, path, "alias *" + yaml.getText() + " refers to no mapping or list anchored &"
                            + yaml.getText() + " before it (anchors on single values are not supported)");
                    return new ConfigNode.ScalarNode(null, location);
                }
                return anchored;
            }
            String anchor = parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml ? yaml.getCurrentAnchor() : null;
            ConfigNode node = value(path, location);
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private ConfigNode value(String path, Location location) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> map(path, location);
                case START_ARRAY -> list(path, location);
                case VALUE_STRING -> new ConfigNode.ScalarNode(parser.getText(), location);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new ConfigNode.ScalarNode(number(), location);
                case VALUE_TRUE -> new ConfigNode.ScalarNode(Boolean.TRUE, location);
                case VALUE_FALSE -> new ConfigNode.ScalarNode(Boolean.FALSE, location);
                case VALUE_NULL -> new ConfigNode.ScalarNode(null, location);
                default -> new ConfigNode.ScalarNode(parser.getText(), location);
            };
        }

        private Object number() throws IOException {
            return switch (parser.getNumberType()) {
                case INT -> parser.getIntValue();
                case LONG -> parser.getLongValue();
                case BIG_INTEGER -> parser.getBigIntegerValue();
                default -> parser.getDoubleValue();
            };
        }

        private ConfigNode map(String path, Location location) throws IOException {
            var entries = new LinkedHashMap<String, ConfigNode.Entry>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Location keyLocation = here();
                parser.nextToken();
                String childPath = path.isEmpty() && ConfigLoader.ROOT_KEYS.contains(key) ? "" : Paths.child(path, key);
                ConfigNode value = node(childPath);
                ConfigNode.Entry previous = entries.get(key);
                if (previous != null) {
                    problems.error(keyLocation, childPath, "duplicate key '" + key + "' (first defined at line "
                            + previous.keyLocation().line() + "); each key may appear once in a mapping");
                    continue;
                }
                entries.put(key, new ConfigNode.Entry(key, keyLocation, value));
            }
            return new ConfigNode.MapNode(entries, location);
        }

        private ConfigNode list(String path, Location location) throws IOException {
            var items = new ArrayList<ConfigNode>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(path + "[" + items.size() + "]"));
            }
            return new ConfigNode.ListNode(items, location);
        }

        private Location here() {
            JsonLocation at = parser.currentTokenLocation();
            return new Location(source, at.getLineNr(), at.getColumnNr());
        }
    }
}
