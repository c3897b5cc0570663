package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.engine.ConfigCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code configs/invalid/} states what validation must report, in comment lines
 * {@code # expect: LINE:COL message fragment} (file comments count as lines). Binary files list theirs in
 * {@code expectations.txt}.
 */
class InvalidConfigCorpusTest {

    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+) (.+)$", Pattern.MULTILINE);

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidConfigCorpusTest.class.getResource("/configs/invalid").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void invalid_config_is_reported_with_position_and_message(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var problems = new Problems();
        var loaded = ConfigLoader.read(bytes, file.getFileName().toString(), Map.of(), Map.of(), problems);
        ConfigCheck.Result result = loaded.isEmpty()
                ? new ConfigCheck.Result(Optional.empty(), problems.sorted())
                : ConfigCheck.text(new String(bytes, StandardCharsets.UTF_8), file.getFileName().toString(), Map.of(),
                        EngineFixture.REGISTRY, EngineFixture.TEMPLATES);

        List<Expectation> expected = expectations(file, bytes);
        assertThat(result.valid()).as("valid?").isFalse();
        assertThat(expected).as("expectations in " + file.getFileName() + "; problems were:\n" + describe(result)).isNotEmpty();
        for (Expectation expectation : expected) {
            assertThat(result.errors())
                    .as("%s expects %s; problems were:%n%s", file.getFileName(), expectation, describe(result))
                    .anySatisfy(problem -> {
                        assertThat(problem.location().line()).isEqualTo(expectation.line());
                        assertThat(problem.location().column()).isEqualTo(expectation.column());
                        assertThat(problem.toString()).contains(expectation.fragment());
                    });
        }
    }

    private static String describe(ConfigCheck.Result result) {
        return String.join("\n", result.problems().stream().map(Object::toString).toList());
    }

    private record Expectation(int line, int column, String fragment) {
    }

    private static List<Expectation> expectations(Path file, byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("#") && !text.contains("\n#")) {
            Path side = file.resolveSibling("expectations.txt");
            text = Files.readString(side).lines()
                    .filter(line -> line.startsWith(file.getFileName() + " "))
                    .map(line -> "# expect: " + line.substring(file.getFileName().toString().length() + 1))
                    .reduce("", (a, b) -> a + b + "\n");
        }
        Matcher m = EXPECT.matcher(text);
        var out = new ArrayList<Expectation>();
        while (m.find()) {
            out.add(new Expectation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        return out;
    }
}
