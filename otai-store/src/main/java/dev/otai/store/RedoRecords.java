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
 * {@code t} instant, {@code b} boolean) and its value.
 */
final class RedoRecords {

    static final int HEADER = 8;
    /** A record longer than this is refused when written and taken for corruption when read. */
    static final int MAX_BODY = 256 * 1024 * 1024;

    private RedoRecords() {
    }

    /** The records, one after the other, in one buffer ready to be written. */
    static ByteBuffer encode(List<Logged> records) {
        long size = 0;
        for (Logged record : records) {
            size += HEADER + bodySize(record);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new StoreException("the store's redo log cannot take " + size + " bytes in one write; expected at most "
                    + (Integer.MAX_VALUE - 16) + " (a parameter of a queued write is too large)");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        var crc = new CRC32C();
        for (Logged record : records) {
            int start = out.position();
            out.position(start + HEADER);
            writeBody(out, record);
            int length = out.position() - start - HEADER;
            crc.reset();
            crc.update(out.array(), start + HEADER, length);
            out.putInt(start, length).putInt(start + 4, (int) crc.getValue());
        }
        return out.flip();
    }

    private static long bodySize(Logged record) {
        long size = Long.BYTES + Integer.BYTES;
        for (Write write : record.writes()) {
            size += Integer.BYTES + write.sql().name().length() + Integer.BYTES;
            for (Object value : write.params()) {
                size += 1 + switch (value) {
                    case null -> 0;
                    case String s -> Integer.BYTES + (latin1(s) ? 1L : 2L) * s.length();
                    case Long l -> Long.BYTES;
                    case Instant t -> Long.BYTES + Integer.BYTES;
                    case Boolean b -> 1;
                    default -> throw new IllegalStateException("unexpected parameter " + value.getClass());
                };
            }
        }
        if (size > MAX_BODY) {
            throw new StoreException("a queued store write of " + size + " bytes is larger than the redo log takes ("
                    + MAX_BODY + " bytes); its first statement is " + record.writes().getFirst().sql());
        }
        return size;
    }

    private static void writeBody(ByteBuffer out, Logged record) {
        out.putLong(record.seq()).putInt(record.writes().size());
        for (Write write : record.writes()) {
            putLatin1(out, write.sql().name());
            out.putInt(write.params().size());
            for (Object value : write.params()) {
                switch (value) {
                    case null -> out.put((byte) 'n');
                    case String s -> putText(out, s);
                    case Long l -> out.put((byte) 'l').putLong(l);
                    case Instant t -> out.put((byte) 't').putLong(t.getEpochSecond()).putInt(t.getNano());
                    case Boolean b -> out.put((byte) 'b').put((byte) (b ? 1 : 0));
                    default -> throw new IllegalStateException("unexpected parameter " + value.getClass());
                }
            }
        }
    }

    private static boolean latin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static void putText(ByteBuffer out, String text) {
        if (latin1(text)) {
            putLatin1(out.put((byte) 's'), text);
            return;
        }
        out.put((byte) 'u').putInt(text.length());
        out.asCharBuffer().put(text);
        out.position(out.position() + 2 * text.length());
    }

    private static void putLatin1(ByteBuffer out, String text) {
        out.putInt(text.length()).put(text.getBytes(StandardCharsets.ISO_8859_1));
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
