package dev.otai.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's redo log, {@value #FILE} in the data directory: the writes the engine has queued, appended before
 * they are committed to the database, so that what {@link Store#durably} returned for survives the process being
 * killed without a flush of the database. Each append is one write of the file (the operating system then holds
 * the bytes); with {@code fsync} it is also forced to the disk. One process owns the log, under an operating-system
 * lock on the file; a process that finds it owned writes to the database directly. Not thread-safe: the write
 * queue calls it under its own lock.
 */
final class RedoLog implements AutoCloseable {

    static final String FILE = "otai.redo";
    private static final Logger log = LoggerFactory.getLogger(RedoLog.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean fsync;
    /** Where the next record goes: the file's length, kept here since only this process writes the file. */
    private long end;
    /** The last append's buffer, reused by the next one unless it grew past {@value #KEPT_BUFFER} bytes. */
    private ByteBuffer encoded;
    private static final int KEPT_BUFFER = 1 << 20;

    private RedoLog(Path file, FileChannel channel, FileLock lock, boolean fsync) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.fsync = fsync;
        this.end = channel.size();
    }

    /** Opens (creating, 0600) the log in {@code directory}; empty when another process or store owns it. */
    static Optional<RedoLog> open(Path directory, boolean fsync) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            PrivateFiles.createFile(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new RedoLog(file, channel, lock, fsync));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot open the store's redo log " + file + ": " + e.getMessage()
                    + "; expected a readable and writable file in the data directory", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /**
     * The whole records in the log with a sequence number above {@code afterSeq}, in order. A torn or corrupt
     * record and everything after it is left out, with a WARN: a write the process was killed in the middle of
     * is never applied in part.
     */
    List<Logged> read(long afterSeq) {
        try {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new StoreException("the store's redo log " + file + " has " + size + " bytes; expected at most "
                        + Integer.MAX_VALUE);
            }
            ByteBuffer in = ByteBuffer.allocate((int) size);
            while (in.hasRemaining() && channel.read(in, in.position()) >= 0) {
                // reads until full
            }
            RedoRecords.Found found = RedoRecords.decode(in.flip(), 0);
            if (found.damage() != null) {
                log.warn("The store's redo log {} ends in {} at byte {}; the last {} bytes are ignored (a write "
                        + "the process was stopped in the middle of, or a damaged file): what they held was not "
                        + "confirmed durable, or is lost", file, found.damage(), found.validBytes(), size - found.validBytes());
            }
            return found.records().stream().filter(r -> r.seq() > afterSeq).toList();
        } catch (IOException e) {
            throw new StoreException("cannot read the store's redo log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code records} with one write (forced to disk with fsync); on failure the log is as before. */
    void append(List<Logged> records) {
        ByteBuffer out = RedoRecords.encode(records, encoded);
        encoded = out.capacity() <= KEPT_BUFFER ? out : null;
        try {
            long at = end;
            while (out.hasRemaining()) {
                at += channel.write(out, at);
            }
            if (fsync) {
                channel.force(false);
            }
            end = at;
        } catch (IOException e) {
            try {
                channel.truncate(end); // no torn record before the next append
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new StoreException("cannot append to the store's redo log " + file + " (disk full?): " + e.getMessage(), e);
        }
    }

    long size() {
        return end;
    }

    /** Empties the log: call only when the database holds, on disk, everything it recorded. */
    void clear() {
        try {
            channel.truncate(0);
            end = 0;
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new StoreException("cannot empty the store's redo log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot close the store's redo log " + file + ": " + e.getMessage(), e);
        }
    }
}
