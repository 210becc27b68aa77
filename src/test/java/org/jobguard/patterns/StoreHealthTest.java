package org.jobguard.patterns;

import org.jobguard.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StoreHealthTest {
    @TempDir
    Path dir;

    private Database open(List<Error> deaths) {
        return new Database(new SqliteConnections(dir.resolve("jobguard.db"), 0), c -> null, c -> null, deaths::add);
    }

    @Test
    void anErrorInTheWriterIsToldOnceAndEveryWriteFailsAtOnce() {
        List<Error> deaths = new CopyOnWriteArrayList<>();
        try (CapturedLog log = CapturedLog.start(); Database db = open(deaths)) {
            assertTrue(db.writeHealth().ok());
            // before: the thread died silently and each write waited its 10 s timeout
            StoreException first = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(StoreException.class,
                    () -> db.write(c -> {
                        throw new StackOverflowError();
                    })));
            assertTrue(first.getMessage().contains("writer stopped"), first.getMessage());
            StoreException next = assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> assertThrows(StoreException.class, () -> db.write(c -> 1)));
            assertTrue(next.getMessage().contains("writer stopped (StackOverflowError)"), next.getMessage());
            assertEquals(1, deaths.size());
            assertTrue(deaths.get(0) instanceof StackOverflowError);
            assertFalse(db.writeHealth().writerRunning());
            assertFalse(db.writeHealth().ok());
            assertEquals(1, log.errors().size(), "told once: " + log.errors());
            assertTrue(log.errors().get(0).contains("writer stopped: java.lang.StackOverflowError"), log.errors().get(0));
        }
    }

    @Test
    void threeWritesTheDatabaseRefusesInARowMakeTheStoreUnhealthyUntilOneGoesThrough() {
        try (CapturedLog log = CapturedLog.start(); Database db = open(new CopyOnWriteArrayList<>())) {
            for (int i = 1; i <= PatternStore.WriteHealth.FAILURES_BEFORE_UNHEALTHY; i++) {
                assertTrue(db.writeHealth().ok(), "after " + (i - 1) + " failures");
                assertThrows(StoreException.class, () -> db.write(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.execute("INSERT INTO no_such_table VALUES (1)");
                    }
                }));
            }
            assertFalse(db.writeHealth().ok());
            assertTrue(db.writeHealth().writerRunning());
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("CREATE TABLE IF NOT EXISTS probe (x)");
                }
            });
            assertTrue(db.writeHealth().ok(), "a write that goes through shows the store writes again");
            assertThrows(StoreException.class, () -> db.write(c -> {
                throw new StoreException("no such report");
            }));
            assertEquals(0, db.writeHealth().failedInARow(), "a caller's mistake is not the database failing");
            List<String> errors = log.errors();
            assertEquals(PatternStore.WriteHealth.FAILURES_BEFORE_UNHEALTHY + 1, errors.size(), "each failed write: " + errors);
            assertTrue(errors.stream().limit(PatternStore.WriteHealth.FAILURES_BEFORE_UNHEALTHY)
                    .allMatch(e -> e.contains("no such table: no_such_table")), errors.toString());
            assertTrue(errors.get(errors.size() - 1).contains("rolled back: no such report"), errors.toString());
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsRefusedByNameAndLeftAlone() throws Exception {
        Path file = dir.resolve("data/jobguard.db");
        new PatternStore(file, Clock.systemUTC()).close();
        byte[] before = Files.readAllBytes(file);
        try (ReadOnlyPath readOnly = new ReadOnlyPath(file)) {
            assumeTrue(readOnly.isReadOnly(), "cannot make a file read-only here");
            UnusableDatabase e = assertThrows(UnusableDatabase.class, () -> new PatternStore(file, Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": the database file is read-only"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aReadOnlyDatabaseDirectoryIsRefusedByName() throws Exception {
        Path data = dir.resolve("data");
        Path file = data.resolve("jobguard.db");
        new PatternStore(file, Clock.systemUTC()).close();
        try (ReadOnlyPath readOnly = new ReadOnlyPath(data)) {
            assumeTrue(readOnly.isReadOnly(), "cannot make a directory read-only here");
            UnusableDatabase e = assertThrows(UnusableDatabase.class, () -> new PatternStore(file, Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": its directory is read-only"), e.getMessage());
        }
    }
}
