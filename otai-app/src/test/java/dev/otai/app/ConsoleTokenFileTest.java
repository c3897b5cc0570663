package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void the_quickstart_token_is_made_once_readable_by_its_owner_only_and_reused() throws Exception {
        Path file = dir.resolve("otai-data").resolve("console-token");

        String token = ConsoleTokenFile.readOrCreate(file);

        assertThat(token).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(ConsoleTokenFile.readOrCreate(file)).isEqualTo(token);
    }

    @Test
    void a_token_file_too_short_to_sign_in_with_is_replaced() throws Exception {
        Path file = dir.resolve("console-token");
        Files.writeString(file, "short\n");

        String token = ConsoleTokenFile.readOrCreate(file);

        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file).strip()).isEqualTo(token);
    }
}
