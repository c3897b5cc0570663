package dev.otai.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The redo log's record format. A record is {@code length (int) | crc32c (int) | body}, the checksum over the
 * body; the body is {@code seq (long) | count (int)} and then each write: its statement's name, its parameter
 * count, and each parameter as a tag byte ({@code n} null, {@code s} text of Latin-1 characters one byte each,
 * {@code u} any other text as UTF-16, so that every Java string comes back unchanged, {@code l} long,
 * {@code t} instant, {@code b} boolean) and its value. A header of zero bytes ends the records: the log keeps
 * zeroed room past its last one.
 */
final class RedoRecords {

    static final int HEADER = 8;
    /** A record longer than this is refused when written and taken for corruption when read. */
    static final int MAX_BODY = 256 * 1024 * 1024;

    private RedoRecords() {
    }

    /** The records, one after the other, in one buffer ready to be written. */
    static ByteBuffer encode(List<Logged> records) {
        return encode(records, null);
    }

    /**
     * As {@link #encode(List)}, into {@code reuse} when it is large enough (else into a larger one, returned). Each
     * text is walked once: its characters are copied as they are checked, and only a text with a character beyond
     * Latin-1 is written again, as UTF-16.
     */
    static ByteBuffer encode(List<Logged> records, ByteBuffer reuse) {
        var out = new Out(reuse);
        var crc = new CRC32C();
        for (Logged record : records) {
            int start = out.startRecord(record);
            writeBody(out, record);
            int length = out.buffer.position() - start - HEADER;
            crc.reset();
            crc.update(out.buffer.array(), start + HEADER, length);
            out.buffer.putInt(start, length).putInt(start + 4, (int) crc.getValue());
        }
        return out.buffer.flip();
    }

    /**
     * A heap buffer that grows (doubling) as records are written into it, and refuses a record's body beyond
     * {@link #MAX_BODY} before it grows for it.
     */
    private static final class Out {
        ByteBuffer buffer;
        private Logged record;
        private int bodyStart;

        Out(ByteBuffer reuse) {
            buffer = reuse == null ? ByteBuffer.allocate(4096) : reuse.clear();
        }

        /** Makes room for {@code bytes} more. */
        ByteBuffer room(long bytes) {
            long needed = buffer.position() + bytes;
            if (record != null && needed - bodyStart > MAX_BODY) {
                throw new StoreException("a queued store write of more than " + MAX_BODY + " bytes is larger than the redo "
                        + "log takes; its first statement is " + record.writes().getFirst().sql());
            }
            if (needed > buffer.capacity()) {
                if (needed > Integer.MAX_VALUE - 16) {
                    throw new StoreException("the store's redo log cannot take " + needed + " bytes in one write; expected "
                            + "at most " + (Integer.MAX_VALUE - 16) + " (a parameter of a queued write is too large)");
                }
                var larger = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * buffer.capacity())));
                buffer = larger.put(buffer.flip());
            }
            return buffer;
        }

        /** Skips the header of {@code next}, to be filled in once its body is written; returns where it starts. */
        int startRecord(Logged next) {
            record = null;
            int at = room(HEADER).position();
            buffer.position(at + HEADER);
            record = next;
            bodyStart = at + HEADER;
            return at;
        }
    }

    /** Each write's parameters by the types its statement declares (the write checked them when it was made). */
    private static void writeBody(Out out, Logged record) {
        List<Write> writes = record.writes();
        out.room(Long.BYTES + Integer.BYTES).putLong(record.seq()).putInt(writes.size());
        for (int w = 0; w < writes.size(); w++) {
            Write write = writes.get(w);
            byte[] name = NAMES[write.sql().ordinal()];
            String types = write.sql().types();
            List<Object> params = write.params();
            out.room(Integer.BYTES + name.length + Integer.BYTES).putInt(name.length).put(name).putInt(types.length());
            for (int p = 0; p < types.length(); p++) {
                Object value = params.get(p);
                if (value == null) {
                    out.room(1).put((byte) 'n');
                    continue;
                }
                switch (types.charAt(p)) {
                    case 's' -> putText(out, (String) value);
                    case 'l' -> out.room(1 + Long.BYTES).put((byte) 'l').putLong((Long) value);
                    case 't' -> out.room(1 + Long.BYTES + Integer.BYTES).put((byte) 't')
                            .putLong(((Instant) value).getEpochSecond()).putInt(((Instant) value).getNano());
                    case 'b' -> out.room(2).put((byte) 'b').put((byte) ((Boolean) value ? 1 : 0));
                    default -> throw new IllegalStateException("statement " + write.sql() + " declares type " + types.charAt(p));
                }
            }
        }
    }

    /** The statements' names as the log spells them (Latin-1). */
    private static final byte[][] NAMES = names();

    private static byte[][] names() {
        Sql[] all = Sql.values();
        byte[][] names = new byte[all.length][];
        for (Sql sql : all) {
            names[sql.ordinal()] = sql.name().getBytes(StandardCharsets.ISO_8859_1);
        }
        return names;
    }

    /** {@code s}, length and one byte a character, when every character is Latin-1; else {@code u} and UTF-16. */
    private static void putText(Out out, String text) {
        int length = text.length();
        ByteBuffer buffer = out.room(1 + Integer.BYTES + (long) length);
        int start = buffer.position();
        buffer.put((byte) 's').putInt(length);
        byte[] bytes = buffer.array();
        int at = buffer.arrayOffset() + buffer.position();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                buffer.position(start);
                putUtf16(out, text);
                return;
            }
            bytes[at + i] = (byte) c;
        }
        buffer.position(buffer.position() + length);
    }

    private static void putUtf16(Out out, String text) {
        ByteBuffer buffer = out.room(1 + Integer.BYTES + 2L * text.length());
        buffer.put((byte) 'u').putInt(text.length());
        buffer.asCharBuffer().put(text);
        buffer.position(buffer.position() + 2 * text.length());
    }

    /**
     * What a read of the log found: the records that are whole, in order, and where the first damaged one starts
     * (the file's length when there is none) with why it is damaged.
     */
    record Found(List<Logged> records, long validBytes, String damage) {
    }

    /** Reads records from {@code in} until its end or the first record that is torn, corrupt or out of order. */
    static Found decode(ByteBuffer in, long afterSeq) {
        var records = new ArrayList<Logged>();
        var crc = new CRC32C();
        long previous = afterSeq;
        while (in.hasRemaining()) {
            int start = in.position();
            if (zeroFrom(in, start)) { // the room the log keeps past its last record: never written
                return new Found(records, start, null);
            }
            if (in.remaining() < HEADER) {
                return new Found(records, start, "a torn record header (" + in.remaining() + " bytes)");
            }
            int length = in.getInt();
            int checksum = in.getInt();
            if (length < Long.BYTES + Integer.BYTES || length > MAX_BODY) {
                return new Found(records, start, "a record length of " + length + " bytes");
            }
            if (length > in.remaining()) {
                return new Found(records, start, "a torn record (" + in.remaining() + " of " + length + " bytes)");
            }
            crc.reset();
            crc.update(in.slice(in.position(), length));
            if ((int) crc.getValue() != checksum) {
                return new Found(records, start, "a record whose checksum does not match");
            }
            ByteBuffer body = in.slice(in.position(), length);
            in.position(in.position() + length);
            try {
                Logged record = readBody(body);
                if (record.seq() <= previous) {
                    return new Found(records, start, "sequence number " + record.seq() + " after " + previous);
                }
                previous = record.seq();
                records.add(record);
            } catch (RuntimeException e) {
                return new Found(records, start, "a record that does not parse (" + e.getMessage() + ")");
            }
        }
        return new Found(records, in.position(), null);
    }

    /** Whether the record header at {@code start} is all zero bytes (no record starts with a length of 0). */
    private static boolean zeroFrom(ByteBuffer in, int start) {
        for (int i = start; i < Math.min(in.limit(), start + HEADER); i++) {
            if (in.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Logged readBody(ByteBuffer in) {
        try {
            long seq = in.getLong();
            int count = in.getInt();
            var writes = new ArrayList<Write>();
            for (int w = 0; w < count; w++) {
                Sql sql = Sql.valueOf(getLatin1(in));
                int n = in.getInt();
                var params = new ArrayList<Object>();
                for (int p = 0; p < n; p++) {
                    byte tag = in.get();
                    params.add(switch (tag) {
                        case 'n' -> null;
                        case 's' -> getLatin1(in);
                        case 'u' -> getText(in);
                        case 'l' -> in.getLong();
                        case 't' -> Instant.ofEpochSecond(in.getLong(), in.getInt());
                        case 'b' -> in.get() != 0;
                        default -> throw new IllegalArgumentException("parameter tag " + tag);
                    });
                }
                writes.add(new Write(sql, params));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last write");
            }
            return new Logged(seq, writes);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the record ends early");
        }
    }

    private static String getLatin1(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a text of " + length + " chars");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String getText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || 2L * length > in.remaining()) {
            throw new IllegalArgumentException("a text of " + length + " chars");
        }
        char[] chars = new char[length];
        in.asCharBuffer().get(chars);
        in.position(in.position() + 2 * length);
        return new String(chars);
    }
}
