package dev.otai.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine per data directory: an operating-system lock on {@value #FILE} in the directory, held for the
 * engine's life. A second engine on the same directory, in another process or this one, is refused at once with
 * the directory and the holder's pid. The lock goes with the process, however it ends (a SIGKILL included); the
 * file stays, holding the last engine's pid. Commands that only read or import (the CLI) do not take it.
 */
public final class EngineLock implements AutoCloseable {

    static final String FILE = "engine.lock";

    /**
     * Lock files held by this process. The operating-system lock belongs to the process, and on POSIX systems
     * closing any channel to the file drops it, so a second engine of this process must be refused before it
     * opens the file at all. Process-wide state, like the lock it mirrors.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDirectory} (created 0700 when missing), or throws {@link StoreException}. */
    public static EngineLock acquire(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path file;
        try {
            PrivateFiles.createDirectory(directory);
            file = directory.toRealPath().resolve(FILE);
            PrivateFiles.createFile(file);
        } catch (IOException e) {
            throw new StoreException("cannot lock the data directory " + directory + ": " + e.getMessage(), e);
        }
        if (!HELD_HERE.add(file)) {
            throw inUse(directory, "pid " + ProcessHandle.current().pid() + ", this process");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw inUse(directory, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new EngineLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw e instanceof IOException io
                    ? new StoreException("cannot lock the data directory " + directory + " (" + file + "): " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    private static StoreException inUse(Path directory, String holder) {
        return new StoreException("the data directory " + directory + " is in use by another otai engine (" + holder
                + "); one engine at a time may use a data directory: stop that one first, or give this one another "
                + "directory (infrastructure.storage.data_dir or --data-dir)");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held through another channel of this process
        }
    }

    /** The holder as its lock file tells it: "pid 1234", or "pid unknown" while it is still writing it. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("pid=\\d+") ? "pid " + text.substring(4) : "pid unknown";
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was locked through it
        }
    }

    /** Releases the lock; the next engine may start. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the lock " + file + ": " + e.getMessage(), e);
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
