package dev.otai.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a {@link ConfigNode} tree that keeps every line and column. Duplicate keys, syntax errors,
 * empty files, non-text input and files beyond {@link YamlLimits} become {@link Problem}s instead of exceptions.
 */
public final class YamlReader {

    private static final YamlLimits LIMITS = YamlLimits.DEFAULT;
    private static final YAMLFactory FACTORY = factory(LIMITS);

    private YamlReader() {
    }

    /** The most bytes a config file may have; larger files are refused before they are parsed. */
    public static int maxBytes() {
        return LIMITS.maxBytes();
    }

    /** The problem for a file of {@code size} bytes (or more, when {@code exact} is false) beyond {@link #maxBytes()}. */
    public static String tooLarge(long size, boolean exact) {
        return "file is " + (exact ? "" : "more than ") + String.format("%,d", size) + " bytes; a config file may be at most "
                + String.format("%,d", LIMITS.maxBytes()) + " bytes (" + LIMITS.maxBytes() / 1024 + " KiB)";
    }

    /** Parses {@code bytes} from {@code source}; returns empty and records problems when it cannot. */
    public static Optional<ConfigNode> read(byte[] bytes, String source, Problems problems) {
        if (bytes.length > LIMITS.maxBytes()) {
            problems.error(Location.of(source), "", tooLarge(bytes.length, true));
            return Optional.empty();
        }
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
        return parse(text, source, problems);
    }

    private static Optional<ConfigNode> parse(String text, String source, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(new Location(source, 1, 1), "", "config file is empty; expected a mapping with the root key 'open_ticket_ai' (or 'otai', 'cfg')");
                return Optional.empty();
            }
            return Optional.of(new YamlTreeBuilder(parser, source, problems, LIMITS).root());
        } catch (YamlTreeBuilder.LimitExceeded e) {
            problems.error(e.location(), e.path(), e.getMessage());
            return Optional.empty();
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

    /**
     * The YAML parser's own guards, set just beyond otai's limits so that the tree builder reports first (with a
     * line and a path); they remain as a second line of defence.
     */
    private static YAMLFactory factory(YamlLimits limits) {
        var loader = new LoaderOptions();
        loader.setCodePointLimit(limits.maxBytes() + 1);
        loader.setNestingDepthLimit(limits.maxDepth() + 1);
        loader.setMaxAliasesForCollections(limits.maxAliases() + 1);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(limits.maxBytes() + 1)
                        .maxNameLength(limits.maxBytes() + 1)
                        .build())
                .build();
    }
}
