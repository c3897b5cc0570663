package dev.otai.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken or hostile model.linear files fail with a message naming the file, never with a huge allocation. */
class HostileModelFileTest {

    @TempDir
    Path dir;

    @Test
    void file_of_another_format_is_refused_naming_it() throws Exception {
        Path file = dir.resolve("model.linear");
        Files.writeString(file, "{\"kind\": \"not a linear model\"}");

        assertThatThrownBy(() -> LinearTextModel.read(file, 0)).hasMessageContaining(file.toString())
                .hasMessageContaining("does not start with OTAILIN1");
    }

    @Test
    void absurd_term_count_is_refused_before_anything_is_allocated() throws Exception {
        Path file = dir.resolve("model.linear");
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(0x4f5441494c494e31L);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(5);
            out.writeInt(0);
            out.writeInt(1);
            out.writeUTF("IT");
            out.writeDouble(1);
            out.writeDouble(0);
            out.writeInt(Integer.MAX_VALUE);
        }
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> LinearTextModel.read(file, 0)).hasMessageContaining(file.toString())
                .hasMessageContaining("declares 2147483647 terms; expected 0 to 50000000");
    }

    @Test
    void truncated_file_fails_instead_of_loading_half_a_model() throws Exception {
        LinearTextModel model = LinearTraining.train(List.of("printer broken", "invoice wrong", "printer jam",
                        "invoice refund"), List.of("IT", "Billing", "IT", "Billing"), TextTerms.standard(),
                List.of(new Settings(Loss.SVM, 1, false)), false, null, false, 1).model();
        Path file = dir.resolve("model.linear");
        model.write(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> LinearTextModel.read(file, 0)).isInstanceOf(EOFException.class);
        assertThat(whole.length).isGreaterThan(100);
    }
}
