package dev.otai.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's files and folders, readable and writable by their owner only (0600 files, 0700 folders) whatever
 * the umask: they are created with those permissions (which a umask can only narrow, so no other user can open
 * them in between) and then set exactly. On file systems without POSIX permissions they are created plainly.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private PrivateFiles() {
    }

    /**
     * Creates {@code directory} (and its missing parents) as 0700; an existing directory is kept as it is, with a
     * warning naming it when its group or others have any access.
     */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            warnIfShared(directory);
            return;
        }
        Files.createDirectories(directory.toAbsolutePath().getParent());
        try {
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            return; // made by a process starting at the same time
        }
        restrict(directory, OWNER_DIRECTORY);
    }

    /** Creates {@code file} as 0600 when it does not exist; an existing file is restricted to 0600. */
    public static void createFile(Path file) throws IOException {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // kept, and restricted below
        }
        restrict(file);
    }

    /** Sets an existing file to 0600; a missing file is ignored. */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, OWNER_FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system (Windows): the folder's ACL decides
        }
    }

    private static void warnIfShared(Path directory) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(directory);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            LOG.warn("data directory {} is accessible to its group or others ({}); otai's files in it are readable by "
                            + "their owner only, but the database's temporary files follow the umask: run chmod 700 {}",
                    directory, PosixFilePermissions.toString(permissions), directory);
        }
    }
}
