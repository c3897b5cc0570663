package dev.otai.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
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
 * killed without a flush of the database. Each append is one copy into the file's memory mapping: the operating
 * system holds the bytes from then on, as after a write of the file, without a system call; with {@code fsync}
 * they are also forced to the disk. The log keeps zeroed room past its last record, written
 * {@value #ROOM} bytes at a time before it is mapped, so that a full disk is reported by that write instead of
 * faulting in the copy (and where it still faults, on a file system that allocates on every write, the append
 * fails as it would on a full disk). One process owns the log, under an operating-system lock on the file; a
 * process that finds it owned writes to the database directly. Not thread-safe: the write queue calls it under its
 * own lock.
 */
final class RedoLog implements AutoCloseable {

    static final String FILE = "otai.redo";
    private static final Logger log = LoggerFactory.getLogger(RedoLog.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean fsync;
    /**
     * Where the next record goes: the end of the last one (the file is longer: the room kept past it); -1 until the
     * file was read for it, by {@link #read} (as the store does at open) or by the first append.
     */
    private long end = -1;
    /** The file from {@link #mappedAt} on, to the end of the room kept; null until the first append after a clear. */
    private MappedByteBuffer mapped;
    private long mappedAt;
    static final int ROOM = 4 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);
    /** The last append's buffer, reused by the next one unless it grew past {@value #KEPT_BUFFER} bytes. */
    private ByteBuffer encoded;
    private static final int KEPT_BUFFER = 1 << 20;

    private RedoLog(Path file, FileChannel channel, FileLock lock, boolean fsync) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.fsync = fsync;
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
        RedoRecords.Found found = scan();
        if (found.damage() != null) {
            log.warn("The store's redo log {} ends in {} at byte {}; what follows is ignored (a write the process was "
                    + "stopped in the middle of, or a damaged file): what it held was not confirmed durable, or is lost",
                    file, found.damage(), found.validBytes());
        }
        end = found.validBytes();
        return found.records().stream().filter(r -> r.seq() > afterSeq).toList();
    }

    /** The whole records in the file, and where they end. */
    private RedoRecords.Found scan() {
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
            return RedoRecords.decode(in.flip(), 0);
        } catch (IOException e) {
            throw new StoreException("cannot read the store's redo log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code records} with one copy (forced to disk with fsync); on failure the log is as before. */
    void append(List<Logged> records) {
        ByteBuffer out = RedoRecords.encode(records, encoded);
        encoded = out.capacity() <= KEPT_BUFFER ? out : null;
        int length = out.remaining();
        end(); // the file is read for where its records end, the first time
        try {
            if (mapped == null || end + length > mappedAt + mapped.capacity()) {
                makeRoom(length);
            }
            int at = (int) (end - mappedAt);
            copy(at, out, length);
            if (fsync) {
                mapped.force(at, length);
            }
            end += length;
        } catch (IOException | UncheckedIOException e) { // the latter from forcing the mapping to the disk
            try {
                channel.truncate(end); // no room half made, nor a torn record, before the next append
                mapped = null;
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new StoreException("cannot append to the store's redo log " + file + " (disk full?): " + e.getMessage(), e);
        }
    }

    /**
     * Copies the record into the mapping. A file system that allocates blocks on write (copy-on-write, compressed)
     * may still find the disk full here, which the JVM reports as an {@link InternalError} from the copy.
     */
    private void copy(int at, ByteBuffer out, int length) throws IOException {
        try {
            mapped.put(at, out, out.position(), length);
        } catch (InternalError e) {
            throw new IOException("the copy into the mapped file failed: " + e.getMessage(), e);
        }
    }

    /** Writes zeros from the end of the last record to past {@code length} more bytes, and maps that part. */
    private void makeRoom(int length) throws IOException {
        long size = Math.max(ROOM, length + (long) RedoRecords.HEADER);
        for (long at = end; at < end + size; ) {
            ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), end + size - at));
            at += channel.write(zeros, at);
        }
        if (fsync) { // the file's new length on the disk before a record in the room counts as forced
            channel.force(false);
        }
        mapped = channel.map(FileChannel.MapMode.READ_WRITE, end, size);
        mappedAt = end;
    }

    long size() {
        return end();
    }

    private long end() {
        if (end < 0) {
            end = scan().validBytes();
        }
        return end;
    }

    /** Empties the log: call only when the database holds, on disk, everything it recorded. */
    void clear() {
        try {
            channel.truncate(0);
            end = 0;
            mapped = null; // its pages are past the file's end now, and never touched again
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
