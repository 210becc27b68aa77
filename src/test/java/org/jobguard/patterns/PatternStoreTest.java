package org.jobguard.patterns;

import ch.qos.logback.classic.Level;
import org.jobguard.CapturedLog;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternStoreTest {
    @TempDir
    Path dir;

    @Test
    void migrationsCreateTheSchemaOnceAndTheFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/jobguard.db");
        new PatternStore(file, Clock.systemUTC()).close();
        new PatternStore(file, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> applied = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT version, name FROM schema_version ORDER BY version")) {
                while (r.next()) {
                    applied.add(r.getInt(1) + " " + r.getString(2));
                }
            }
            assertEquals(List.of("1 V1__patterns.sql", "2 V2__reports_without_pattern.sql", "3 V3__dashboard_indexes.sql"), applied, "each applied once");
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("pattern", "pattern_group", "pattern_rule", "indicator_hash", "feedback_report",
                    "moderator_decision", "rule_state", "rule_toggle_audit", "rule_hit_daily", "check_daily")), tables.toString());
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", r.getString(1));
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aVersion1DatabaseIsMigratedKeepingItsReports() throws Exception {
        Path file = dir.resolve("old.db");
        String v1 = new String(getClass().getResourceAsStream("/db/migration/V1__patterns.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String stmt : Migrations.statements(v1)) {
                s.execute(stmt);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 'V1__patterns.sql', '2026-06-01T00:00:00Z')");
            s.execute("INSERT INTO pattern_group (id, simhash, size, first_day, last_day, template_text) VALUES (1, 42, 1, '2026-06-01', '2026-06-01', 't')");
            s.execute("INSERT INTO pattern (id, group_id, origin, redacted_text, risk, language, day, forwarded, source, simhash) "
                    + "VALUES (1, 1, 'report', '包机票 <HANDLE>', 'medium', 'zh-Hans', '2026-06-01', 0, 'bot', 42)");
            s.execute("INSERT INTO pattern_rule VALUES (1, 'free_ticket', 'all_expenses_paid', 0)");
            s.execute("INSERT INTO feedback_report (id, pattern_id, kind, source, day, risk) VALUES (1, 1, 'false_positive', 'bot', '2026-06-01', 'medium')");
        }
        try (PatternStore store = new PatternStore(file, Clock.systemUTC())) {
            ReportSummary r = store.reports(false, 10).get(0);
            assertEquals("zh-Hans", r.language());
            assertEquals(List.of("free_ticket"), r.rules());
            assertEquals(1L, r.groupId());
            assertEquals(List.of(new DailyCount(java.time.LocalDate.parse("2026-06-01"), "all_expenses_paid", 1)),
                    store.reportsPerCategory(java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-12-31")));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedByNameAndLeftAlone() throws Exception {
        Path file = dir.resolve("jobguard.db");
        byte[] junk = "this is a text file, not a database\n".repeat(200).getBytes();
        Files.write(file, junk);
        StoreException e = assertThrows(StoreException.class, () -> new PatternStore(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("untouched"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("jobguard.db-wal")));
    }

    @Test
    void aCorruptDatabaseIsRefusedByNameAndLeftAlone() throws Exception {
        Path file = dir.resolve("jobguard.db");
        try (StoreFixture f = new StoreFixture(dir)) {
            for (int i = 0; i < 50; i++) {
                f.check(PatternServiceTest.SCAM + " " + i, Source.BOT);
            }
        }
        Files.move(dir.resolve("data/jobguard.db"), file);
        assertTrue(Files.size(file) > 8 * 4096, "closing checkpointed the WAL into the file");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) raf.length() - 4096];
            new Random(7).nextBytes(noise);
            raf.seek(4096);
            raf.write(noise);
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> new PatternStore(file, Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFullDiskFailsTheRecordWithALoggedErrorAndTheCallerGoesOn() {
        try (CapturedLog logs = CapturedLog.start(); StoreFixture f = new StoreFixture(dir, 200 * 1024)) {
            PatternService.Recorded last = null;
            int stored = 0;
            for (int i = 0; i < 2000; i++) {
                last = f.check(PatternServiceTest.OTHER_SCAM + " variant " + i + " ".repeat(i % 7) + "x".repeat(300), Source.WEB);
                if (last.status() != PatternService.Recorded.Status.STORED) {
                    break;
                }
                stored++;
            }
            assertEquals(PatternService.Recorded.Status.FAILED, last.status(), "the size limit was never reached");
            assertTrue(stored > 10);
            assertEquals(stored, f.store.patternCount(), "what was acknowledged is there, nothing else");
            assertTrue(logs.has(Level.ERROR, "could not record"), logs.lines().toString());
            assertTrue(logs.has(Level.ERROR, "SQLITE_FULL"), logs.lines().toString());
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains("Bavet")), "no message text in logs");
            assertEquals("ok", f.store.integrityCheck());
        }
    }

    /**
     * 8 writers and 4 readers at once: every write is acknowledged and present, no reader fails.
     * {@code -Djobguard.store.concurrency.seconds=30} runs the long version.
     */
    @Test
    void eightWritersAndFourReadersNeverSeeBusy() throws Exception {
        long seconds = Long.getLong("jobguard.store.concurrency.seconds", 5);
        try (StoreFixture f = new StoreFixture(dir)) {
            List<String> texts = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            for (String base : List.of(PatternServiceTest.SCAM, PatternServiceTest.OTHER_SCAM, PatternServiceTest.SCAM_EDITED)) {
                for (int i = 0; i < 10; i++) {
                    String t = base + " 编号" + i;
                    texts.add(t);
                    verdicts.add(f.checker.check(t));
                }
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long[] written = new long[8];
            long[] failed = new long[8];
            long[] reads = new long[4];
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int id = w;
                threads.add(new Thread(() -> {
                    int i = id;
                    while (System.nanoTime() < deadline) {
                        int k = i++ % texts.size();
                        PatternService.Recorded r = f.service.record(verdicts.get(k), texts.get(k), id % 2 == 0 ? Source.BOT : Source.WEB, false);
                        if (r.status() == PatternService.Recorded.Status.STORED) {
                            written[id]++;
                        } else {
                            failed[id]++;
                        }
                    }
                }));
            }
            for (int rd = 0; rd < 4; rd++) {
                int id = rd;
                threads.add(new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            f.store.groups(GroupStatus.PENDING, 20, 0);
                            f.store.ruleStats(PatternServiceTest.FROM, PatternServiceTest.TO);
                            f.store.reports(true, 20);
                            reads[id]++;
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(seconds * 1000 + 60_000);
            }
            long total = Arrays.stream(written).sum();
            System.out.printf("concurrency: %d s, %d patterns stored (%.0f/s), %d reader rounds, %d failed writes%n",
                    seconds, total, total / (double) seconds, Arrays.stream(reads).sum(), Arrays.stream(failed).sum());
            assertEquals(List.of(), errors);
            assertEquals(0, Arrays.stream(failed).sum());
            assertEquals(total, f.store.patternCount());
            assertTrue(Arrays.stream(reads).allMatch(n -> n > 0));
            assertEquals("ok", f.store.integrityCheck());
        }
    }
}
