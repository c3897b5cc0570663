package dev.otai.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded database's password: random, made when the database is created, kept in {@value #FILE} in the
 * data directory, readable by its owner only. Other local users cannot open the store through the loopback
 * port that lets the CLI read it while the engine runs. A database made without the file keeps an empty one.
 */
final class StoreKey {

    static final String FILE = "store.key";

    private StoreKey() {
    }

    static String of(Path directory, String databaseName) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                PrivateFiles.restrict(file);
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            if (Files.exists(directory.resolve(databaseName + ".mv.db"))) {
                return "";
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes);
            PrivateFiles.createFile(file);
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (IOException e) {
            throw new StoreException("cannot read or create the store key " + file + ": " + e.getMessage(), e);
        }
    }
}
