package dev.otai.app;

import dev.otai.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The quickstart's console token when {@code OTAI_CONSOLE_TOKEN} is not set: made once, kept in the data directory
 * in a file only its owner can read, and reused at the next start. Never printed: command output is redacted, and
 * a token on a terminal ends up in scrollback and screen shares.
 */
final class ConsoleTokenFile {

    private ConsoleTokenFile() {
    }

    static String readOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (kept.length() >= 16) {
                PrivateFiles.restrict(file);
                return kept;
            }
        }
        PrivateFiles.createDirectory(file.getParent());
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PrivateFiles.createFile(file);
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return token;
    }
}
