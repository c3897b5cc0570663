package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.testkit.FakeClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The redo log as a crash leaves it: written by an engine whose database never got the writes (the log is made
 * here exactly as the engine appends it, then the store is opened as a restarted engine opens it).
 */
class RedoLogReplayTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger redoLogger = (Logger) LoggerFactory.getLogger(RedoLog.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        redoLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        redoLogger.detachAppender(logs);
    }

    /** A store that was opened once (schema in place), then the log as a killed engine left it. */
    private void crashedWith(List<Logged> records) {
        Store.openEmbedded(dir, new FakeClock()).close();
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        try {
            log.append(records);
        } finally {
            log.close();
        }
    }

    private static Logged intent(long seq, long id, String ticket) {
        return new Logged(seq, List.of(Write.of(Sql.EFFECT_INSERT, id, "key-" + id, "run1", "route", "move", ticket, "update",
                "{}", "pending", AT, "v1", null, null)));
    }

    private static Logged settled(long seq, long id, String status) {
        return new Logged(seq, List.of(Write.of(Sql.EFFECT_SETTLE, status, "v2", AT, id)));
    }

    private static List<String> effects(Store store) {
        return store.read(c -> {
            var out = new ArrayList<String>();
            try (var r = c.createStatement().executeQuery("SELECT id, ticket_id, status FROM effects ORDER BY id")) {
                while (r.next()) {
                    out.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3));
                }
            }
            return out;
        });
    }

    private long logSize() throws IOException {
        return Files.size(dir.resolve(RedoLog.FILE));
    }

    /** Where the log's records end: the zeroed room it keeps follows. */
    private long recordsEnd() throws IOException {
        return RedoRecords.decode(ByteBuffer.wrap(Files.readAllBytes(dir.resolve(RedoLog.FILE))), 0).validBytes();
    }

    @Test
    void writes_in_the_log_that_the_database_never_got_are_applied_at_open_before_anything_reads() throws IOException {
        crashedWith(List.of(intent(1, 1, "T-1"), settled(2, 1, "applied"), intent(3, 2, "T-2")));

        assertThat(logSize()).as("zeroed room kept past the records").isGreaterThan(recordsEnd());
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("1 T-1 applied", "2 T-2 pending");
            assertThat(logSize()).as("emptied once the database has the writes on disk").isZero();
            assertThat(store.nextKey(Sql.Keys.EFFECTS)).as("keys count on from the replayed rows").isEqualTo(3);
        }
        assertThat(logs.list).as("the room after the last record is the log's end, not damage")
                .noneMatch(e -> e.getLevel() == Level.WARN);
    }

    /**
     * Two records exactly as the version before the one-pass encoder wrote them (an intent with Latin-1 and non-Latin-1
     * text, then its settlement together with a run's start): an engine upgraded with such a log unapplied must
     * replay it, not lose it.
     */
    private static final String PREVIOUS_VERSION_LOG = "000000e6b8a3f0670000000000000007000000010000000d4546464543545f494e5345"
            + "52540000000d6c0000000000000029730000002a726f7574657c6d6f76657c542d317c323032362d30332d30315431303a30303a3030"
            + "5a7c306131623263730000000572756e2de97300000005726f75746573000000046d6f76657300000003542d3173000000046e6f7465"
            + "7500000013007b00220062006f006400790022003a00220047007200fc00df00650020d83cdfab0022007d730000000770656e64696e"
            + "67740000000069a411c2075bca007300000014323032362d30332d30315431303a30303a30305a6e6e000000b2093267650000000000"
            + "000008000000020000000d4546464543545f534554544c450000000473000000076170706c6965647300000014323032362d30332d30"
            + "315431303a31353a33315a740000000069a411c2075bca006c000000000000002900000011484953544f52595f52554e5f5354415254"
            + "000000066c0000000000000003730000000572756e2d327300000005726f757465730000000c65766572792d6d696e75746574000000"
            + "0069a411c2075bca006201";

    private static List<Logged> previousVersionRecords() {
        return List.of(
                new Logged(7, List.of(Write.of(Sql.EFFECT_INSERT, 41L, "route|move|T-1|2026-03-01T10:00:00Z|0a1b2c", "run-é",
                        "route", "move", "T-1", "note", "{\"body\":\"Grüße 🎫\"}", "pending", AT, "2026-03-01T10:00:00Z", null, null))),
                new Logged(8, List.of(Write.of(Sql.EFFECT_SETTLE, "applied", "2026-03-01T10:15:31Z", AT, 41L),
                        Write.of(Sql.HISTORY_RUN_START, 3L, "run-2", "route", "every-minute", AT, true))));
    }

    @Test
    void the_records_are_written_byte_for_byte_as_the_previous_version_wrote_them() {
        ByteBuffer encoded = RedoRecords.encode(previousVersionRecords());
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(PREVIOUS_VERSION_LOG);
    }

    @Test
    void a_log_the_previous_version_left_unapplied_is_replayed_by_this_one() throws IOException {
        Store.openEmbedded(dir, new FakeClock()).close();
        Files.write(dir.resolve(RedoLog.FILE), HexFormat.of().parseHex(PREVIOUS_VERSION_LOG));

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("41 T-1 applied");
            List<String> details = store.read(c -> {
                var out = new ArrayList<String>();
                try (var r = c.createStatement().executeQuery("SELECT run_id, detail_json, version_after FROM effects UNION ALL "
                        + "SELECT id, trigger_id, outcome FROM runs")) {
                    while (r.next()) {
                        out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                    }
                }
                return out;
            });
            assertThat(details).containsExactlyInAnyOrder("run-é {\"body\":\"Grüße 🎫\"} 2026-03-01T10:15:31Z",
                    "run-2 every-minute running");
            assertThat(logSize()).isZero();
        }
        assertThat(logs.list).noneMatch(event -> event.getLevel() == Level.WARN);
    }

    @Test
    void appends_of_any_size_after_one_another_read_back_whole_and_in_order() {
        Store.openEmbedded(dir, new FakeClock()).close();
        var written = new ArrayList<Logged>();
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        try {
            long seq = 1;
            for (int size : new int[] {10, 300_000, 5, 70_000, 1}) {
                var batch = new ArrayList<Logged>();
                for (int i = 0; i < 3; i++) {
                    batch.add(new Logged(seq, List.of(Write.of(Sql.JOURNAL_STEP, "route", "run1", "item" + seq, "classify",
                            "succeeded", "m".repeat(size), seq % 2 == 0 ? null : "é€".repeat(size)))));
                    seq++;
                }
                log.append(batch);
                written.addAll(batch);
            }
            assertThat(log.read(0)).containsExactlyElementsOf(written);
            assertThat(log.read(10)).containsExactlyElementsOf(written.subList(10, 15));
        } finally {
            log.close();
        }
        assertThat(logs.list).noneMatch(event -> event.getLevel() == Level.WARN);
    }

    @Test
    void a_replayed_log_is_not_applied_again_at_the_next_open() {
        crashedWith(List.of(intent(1, 1, "T-1"), settled(2, 1, "applied")));
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            store.inTransaction(c -> c.createStatement().executeUpdate("UPDATE effects SET status = 'failed'"));
        }

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("1 T-1 failed");
        }
    }

    @Test
    void records_the_database_already_applied_are_skipped_and_only_the_rest_replayed() {
        Store.openEmbedded(dir, new FakeClock()).close();
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO effects (id, idem_key, run_id, runner_id, "
                    + "step_id, ticket_id, operation, detail_json, status, created_at, base_version) VALUES (1, 'key-1', 'run1', "
                    + "'route', 'move', 'T-1', 'update', '{}', 'failed', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', 'v1')"));
            store.inTransaction(c -> c.createStatement().executeUpdate("UPDATE redo_applied SET seq = 2"));
        }
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        log.append(List.of(intent(1, 1, "T-1"), settled(2, 1, "applied"), intent(3, 2, "T-2")));
        log.close();

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("1 T-1 failed", "2 T-2 pending");
        }
    }

    @Test
    void a_torn_last_record_is_ignored_with_a_warning_and_never_applied_in_part() throws IOException {
        crashedWith(List.of(intent(1, 1, "T-1"), new Logged(2, List.of(intent(0, 2, "T-2").writes().getFirst(),
                settled(0, 1, "applied").writes().getFirst()))));
        long end = recordsEnd();
        try (var file = FileChannel.open(dir.resolve(RedoLog.FILE), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(5), end - 5); // the process died in the middle of copying its last append
        }

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("1 T-1 pending");
            assertThat(logSize()).isZero();
        }
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(RedoLog.FILE, "checksum does not match", "ignored");
    }

    @Test
    void a_corrupt_record_and_everything_after_it_is_ignored_with_a_warning() throws IOException {
        crashedWith(List.of(intent(1, 1, "T-1")));
        long firstEnds = recordsEnd();
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        log.append(List.of(intent(2, 2, "T-2"), intent(3, 3, "T-3")));
        log.close();
        try (var file = FileChannel.open(dir.resolve(RedoLog.FILE), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long inSecond = firstEnds + RedoRecords.HEADER + 20;
            file.read(one, inSecond);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            file.write(one, inSecond);
        }

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThat(effects(store)).containsExactly("1 T-1 pending");
        }
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("checksum does not match", "at byte " + firstEnds);
    }

    @Test
    void a_durable_write_is_in_the_log_when_durably_returns() throws IOException {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            long seq = store.durably(intent(0, store.nextKey(Sql.Keys.EFFECTS), "T-1").writes().getFirst());

            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(RedoLog.FILE)));
            assertThat(RedoRecords.decode(bytes, 0).records()).extracting(Logged::seq).contains(seq);
        }
    }

    @Test
    void a_durable_write_alone_reaches_the_database_without_a_flush() {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            store.durably(intent(0, store.nextKey(Sql.Keys.EFFECTS), "T-1").writes().getFirst());

            await().atMost(Duration.ofSeconds(30)).until(() -> effects(store).size() == 1);
            assertThat(effects(store)).containsExactly("1 T-1 pending");
        }
    }

    @Test
    void the_log_is_emptied_once_it_passes_its_limit_and_the_database_has_everything() throws IOException {
        String big = "x".repeat(200_000); // 400 kB a record in the log
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            int steps = (int) (WriteBehind.LOG_LIMIT / 400_000) + 5;
            for (int i = 0; i < steps; i++) {
                store.later(Write.of(Sql.JOURNAL_STEP, "route", "run1", "item" + i, "classify", "succeeded", big, null));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> recordsEnd() < WriteBehind.LOG_LIMIT && store.applied(steps));
            store.flush();
            int rows = store.read(c -> {
                try (var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM journal_steps")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(steps);
        }
        assertThat(logSize()).as("emptied on close").isZero();
    }

    @Test
    void appends_beyond_the_room_kept_map_more_of_the_file_and_every_record_reads_back_whole() throws IOException {
        for (boolean fsync : new boolean[] {false, true}) {
            Path logDir = Files.createDirectory(dir.resolve("fsync-" + fsync));
            var sizes = List.of(1_000_000, 1_500_000, 2_000_000, RedoLog.ROOM + 100, 10, 1_000_000);
            RedoLog log = RedoLog.open(logDir, fsync).orElseThrow();
            try {
                for (int i = 0; i < sizes.size(); i++) {
                    log.append(List.of(new Logged(i + 1, List.of(Write.of(Sql.JOURNAL_STEP, "route", "run1", "item" + i,
                            "classify", "succeeded", "y".repeat(sizes.get(i)), null)))));
                }
            } finally {
                log.close();
            }

            RedoLog reopened = RedoLog.open(logDir, fsync).orElseThrow();
            try {
                assertThat(reopened.read(0)).as("fsync " + fsync)
                        .extracting(r -> ((String) r.writes().getFirst().params().get(5)).length())
                        .containsExactlyElementsOf(sizes);
                assertThat(reopened.size()).as("appends go on where the records end, not after the room")
                        .isLessThan(Files.size(logDir.resolve(RedoLog.FILE)));
            } finally {
                reopened.close();
            }
        }
        assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    @Test
    void an_append_whose_copy_faults_fails_like_a_full_disk_and_the_log_goes_on_without_it() throws IOException {
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        try {
            log.append(List.of(intent(1, 1, "T-1")));
            long end = log.size();
            try (var file = FileChannel.open(dir.resolve(RedoLog.FILE), StandardOpenOption.WRITE)) {
                file.truncate(4096); // the mapped room past the first page is gone: a copy that reaches it faults
            }
            var tooFar = new Logged(2, List.of(Write.of(Sql.JOURNAL_STEP, "route", "run1", "item", "classify", "succeeded",
                    "y".repeat(10_000), null)));

            assertThatThrownBy(() -> log.append(List.of(tooFar)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot append").hasMessageContaining(RedoLog.FILE);
            assertThat(log.size()).isEqualTo(end);
            assertThat(Files.size(dir.resolve(RedoLog.FILE))).as("the part copied is cut off").isEqualTo(end);
            log.append(List.of(intent(3, 3, "T-3")));
        } finally {
            log.close();
        }

        RedoLog reopened = RedoLog.open(dir, false).orElseThrow();
        try {
            assertThat(reopened.read(0)).extracting(Logged::seq).containsExactly(1L, 3L);
        } finally {
            reopened.close();
        }
    }

    @Test
    void a_second_store_on_the_same_directory_writes_without_the_log_and_leaves_it_to_its_owner() throws IOException {
        try (Store owner = Store.openEmbedded(dir, new FakeClock()); Store other = Store.openEmbedded(dir, new FakeClock())) {
            other.durably(intent(0, 7, "T-7").writes().getFirst());

            assertThat(effects(owner)).as("committed by the second store itself").containsExactly("7 T-7 pending");
            assertThat(logSize()).isZero();
        }
    }
}
