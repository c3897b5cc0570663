package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.LoggingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** OTAI's Python logging formats, widths and precisions included, as lines logback really writes. */
class PythonLogFormatTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultLogging() {
        LoggingSetup.apply(LoggingSettings.defaults());
    }

    private String lineWrittenWith(String format, String dateFormat, String message) throws Exception {
        Path file = dir.resolve("otai.log");
        LoggingSetup.apply(new LoggingSettings("INFO", file.toString(), format, dateFormat, false));
        LoggerFactory.getLogger("otai.fmt").warn(message);
        LoggingSetup.apply(LoggingSettings.defaults()); // closes the file
        return Files.readString(file).stripTrailing();
    }

    @Test
    void left_aligned_width_pads_the_level_name_on_the_right() throws Exception {
        assertThat(lineWrittenWith("[%(levelname)-8s] %(message)s", "%H", "hello")).isEqualTo("[WARN    ] hello");
    }

    @Test
    void right_aligned_width_pads_the_logger_name_on_the_left() throws Exception {
        assertThat(lineWrittenWith("%(name)12s|%(message)s", "%H", "hi")).isEqualTo("    otai.fmt|hi");
    }

    @Test
    void precision_keeps_the_first_characters_as_python_does() throws Exception {
        assertThat(lineWrittenWith("%(message).5s|", "%H", "truncated message")).isEqualTo("trunc|");
    }

    @Test
    void parentheses_percent_signs_and_backslashes_between_fields_stay_literal() throws Exception {
        assertThat(lineWrittenWith("(%(levelname)s) 100%% \\ %(message)s", "%H", "ok")).isEqualTo("(WARN) 100% \\ ok");
    }

    @Test
    void asctime_takes_the_date_format_even_with_a_comma() throws Exception {
        assertThat(lineWrittenWith("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S,%f", "x"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} x");
    }

    @Test
    void unknown_fields_are_written_as_they_are() {
        assertThat(PythonLogFormat.pattern("%(process)d %(levelname)5s", "%H")).isEqualTo("\\%\\(process\\)d %5level");
    }
}
