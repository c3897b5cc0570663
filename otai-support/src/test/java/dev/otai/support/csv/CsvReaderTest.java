package dev.otai.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quoted_fields_keep_commas_doubled_quotes_and_line_breaks() {
        List<CsvReader.Row> rows = CsvReader.parse("id,body\r\n1,\"jammed, \"\"again\"\"\nsecond line\"\n2,plain\n", "tickets.csv");

        assertThat(rows).containsExactly(
                new CsvReader.Row(1, List.of("id", "body")),
                new CsvReader.Row(2, List.of("1", "jammed, \"again\"\nsecond line")),
                new CsvReader.Row(4, List.of("2", "plain")));
    }

    @Test
    void blank_lines_are_skipped_and_a_last_line_without_break_is_read() {
        assertThat(CsvReader.parse("a,b\n\n1,\n", "x.csv")).containsExactly(
                new CsvReader.Row(1, List.of("a", "b")), new CsvReader.Row(3, List.of("1", "")));
        assertThat(CsvReader.parse("a\n1", "x.csv")).extracting(CsvReader.Row::cells)
                .containsExactly(List.of("a"), List.of("1"));
    }

    @Test
    void a_quoted_field_left_open_is_named_with_its_file_and_line() {
        assertThatThrownBy(() -> CsvReader.parse("id,body\n1,ok\n2,\"never closed\n3,x\n", "tickets.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tickets.csv:3: a quoted field is not closed; expected a closing \"");
    }
}
