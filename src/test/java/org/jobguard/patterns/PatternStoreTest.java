package org.jobguard.patterns;

import ch.qos.logback.classic.Level;
import org.jobguard.CapturedLog;
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
            try (ResultSet r = s.executeQuery("SELECT version, script, success FROM flyway_schema_history ORDER BY installed_rank")) {
                while (r.next()) {
                    applied.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
                }
            }
            assertEquals(scripts().stream().map(n -> version(n) + " " + n + " true").toList(), applied, "each applied once");
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
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // as the migration code before Flyway left a database at version 1
            for (String stmt : sqliteScript("V1__patterns.sql")) {
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
            ReportSummary r = store.dashboard().reports(false, 10).get(0);
            assertEquals("zh-Hans", r.language());
            assertEquals(List.of("free_ticket"), r.rules());
            assertEquals(1L, r.groupId());
            assertEquals(List.of(new DailyCount(java.time.LocalDate.parse("2026-06-01"), "all_expenses_paid", 1)),
                    store.statistics().reportsPerCategory(java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-12-31")));
        }
        assertEquals(historyAfterBaseline(1), history(file));
    }

    /**
     * A file the migration code before Flyway wrote (V1 to V3, with patterns, reports, a confirmed group and a rule
     * switch; {@code src/test/resources/db}) is baselined at its version and kept as it was: same schema as a new
     * file, same rows, and it takes writes.
     */
    @Test
    void aDatabaseMadeBeforeFlywayIsBaselinedInPlaceAndKeepsEverything() throws Exception {
        Path file = dir.resolve("old/data/jobguard.db");
        Files.createDirectories(file.getParent());
        try (var in = getClass().getResourceAsStream("/db/made-by-migrations-v3.db")) {
            Files.copy(in, file);
        }
        Path fresh = dir.resolve("new/jobguard.db");
        new PatternStore(fresh, Clock.systemUTC()).close();
        java.time.LocalDate from = java.time.LocalDate.parse("2026-01-01");
        java.time.LocalDate to = java.time.LocalDate.parse("2026-12-31");
        try (StoreFixture f = new StoreFixture(dir.resolve("old"))) {
            DashboardQueries d = f.store.dashboard();
            assertEquals(6, d.patternCount());
            assertEquals(1, d.confirmedGroups().size());
            assertEquals(1, d.confirmedGroups().get(0).confirmations());
            assertEquals(2, d.reports(false, 10).size());
            assertEquals(1, d.ruleStates().size());
            assertEquals("mod-anna", d.ruleAudit(10).get(0).moderator());
            assertEquals(List.of(1L, 1L, 3L), f.store.statistics().checksPerDay(from, to).stream().map(CheckCount::checked).sorted().toList());

            PatternService.Recorded r = f.check(PatternServiceTest.SCAM_EDITED, Source.BOT);
            assertEquals(PatternService.Recorded.Status.STORED, r.status());
            assertEquals(7, d.patternCount());
            assertEquals(1L, r.groupId(), "the near-duplicate joins the group the old file holds");
            assertEquals("ok", f.store.integrityCheck());
        }
        assertEquals(historyAfterBaseline(3), history(file));
        assertEquals(schema(fresh), schema(file), "the file has the schema a new one gets");
    }

    @Test
    void aDatabaseANewerJobGuardMigratedIsRefusedByName() throws Exception {
        Path file = dir.resolve("jobguard.db");
        new PatternStore(file, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                    + "execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, 1)");
        }
        StoreException e = assertThrows(StoreException.class, () -> new PatternStore(file, Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("schema version 99 is newer than this JobGuard knows"), e.getMessage());
    }

    /** Every migration script, in order: V1__patterns.sql, ... */
    private static List<String> scripts() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(PatternStoreTest::version)).toList();
        }
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** What Flyway's history holds after baselining at {@code version}: the baseline, then every later step. */
    private static List<String> historyAfterBaseline(int version) throws Exception {
        List<String> out = new ArrayList<>(List.of(version + " BASELINE"));
        scripts().stream().filter(n -> version(n) > version).forEach(n -> out.add(version(n) + " SQL"));
        return out;
    }

    /** A migration script as SQLite runs it: placeholders filled in, one statement per element. */
    static List<String> sqliteScript(String name) throws Exception {
        String sql = new String(PatternStoreTest.class.getResourceAsStream("/db/migration/" + name).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (var p : Dialect.SQLITE.placeholders().entrySet()) {
            sql = sql.replace("${" + p.getKey() + "}", p.getValue());
        }
        List<String> out = new ArrayList<>();
        for (String part : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\n")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static List<String> history(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, type FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return out;
    }

    /** Tables and indexes as SQLite keeps their definitions, without the migration tools' own tables. */
    private static List<String> schema(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '%schema%' "
                     + "AND name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2) + ": " + r.getString(3));
            }
        }
        return out;
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
            assertEquals(stored, f.store.dashboard().patternCount(), "what was acknowledged is there, nothing else");
            assertTrue(logs.has(Level.ERROR, "could not record"), logs.lines().toString());
            assertTrue(logs.has(Level.ERROR, "SQLITE_FULL"), logs.lines().toString());
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains("Bavet")), "no message text in logs");
            assertEquals("ok", f.store.integrityCheck());
        }
    }
}
