package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One SQLite file: a single writer thread that owns the only write connection, and a small pool of
 * read-only connections. Bot and web writes queue up for the writer instead of competing for SQLite's
 * lock, so {@code SQLITE_BUSY} cannot happen between them; the writer commits whatever is queued in one
 * transaction (group commit), so the fsync per commit is shared by every write waiting at that moment.
 *
 * <p>Journal: WAL, so readers never block the writer nor the other way round.
 * {@code synchronous=FULL}: a write is acknowledged only after the WAL is fsynced, so a report the user
 * saw acknowledged survives a power cut, not just a crash of the process; group commit pays for it.
 */
final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int MAX_BATCH = 512;
    /** A caller (a bot reply) waits at most this long for its commit, then goes on with a logged failure. */
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    /** Work done on the writer thread inside the current transaction. */
    @FunctionalInterface
    interface Write<T> {
        T run(Connection c) throws SQLException;
    }

    private record Task<T>(Write<T> work, CompletableFuture<T> result) {
    }

    private final Path path;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Write<Void> afterRollback;
    private final Consumer<Error> writerDied;
    private volatile boolean closed;
    /** Set once, when an Error ended the writer thread; every write fails from then on. */
    private volatile Error writerDeath;
    /** Writes that failed in the database since the last one that succeeded; written by the writer thread only. */
    private volatile int failedInARow;
    // per batch, on the writer thread only
    private int batchSucceeded;
    private int batchFailed;

    /**
     * @param maxBytes       0 for no limit; otherwise the database refuses to grow past this size, as on a full disk
     * @param afterRollback  runs on the writer thread with the write connection after (part of) a transaction
     *                       was rolled back, so caches of what is in the database can be rebuilt
     * @param writerDied     told once, on the dying writer thread, when an Error (out of memory, a stack
     *                       overflow) ended it: from then on nothing can be stored
     */
    Database(Path path, Clock clock, long maxBytes, Write<Void> afterRollback, Consumer<Error> writerDied) {
        this.path = path.toAbsolutePath();
        this.afterRollback = afterRollback;
        this.writerDied = writerDied;
        prepareFile();
        try {
            this.writer = open(false);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                if (maxBytes > 0) {
                    s.execute("PRAGMA max_page_count=" + Math.max(1, maxBytes / pageSize(s)));
                }
            }
            Migrations.bundled().apply(writer, clock, this.path.toString());
            refuseReadOnly();
            for (int i = 0; i < READERS; i++) {
                Connection r = open(true);
                allReaders.add(r);
                readers.add(r);
            }
        } catch (SQLException e) {
            closeQuietly();
            if (readOnly(e)) {
                throw readOnlyFile(this.path, e);
            }
            throw new StoreException(this.path + ": cannot open the pattern database: " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly();
            throw e;
        }
        writerThread = new Thread(this::writeLoop, "pattern-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    Path path() {
        return path;
    }

    /** Runs on the writer thread; returns once the transaction holding it is committed. */
    <T> T write(Write<T> work) {
        if (closed) {
            throw new StoreException(path + ": the pattern store is closed");
        }
        if (writerDeath != null) {
            throw writerStopped();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        queue.add(new Task<>(work, f));
        if (writerDeath != null) {
            // the writer died between the check and the queueing: nobody will take this task
            failQueued(writerStopped());
        }
        try {
            return f.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(path + ": interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(path + ": write failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StoreException(path + ": write not committed within " + WRITE_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Runs on a pooled read-only connection, which sees the last committed state. */
    <T> T read(Write<T> work) {
        Connection c;
        try {
            c = readers.poll(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(path + ": interrupted while waiting for a read connection", e);
        }
        if (c == null || closed) {
            throw new StoreException(path + ": no read connection available");
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(path + ": read failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private void writeLoop() {
        List<Task<?>> batch = new ArrayList<>();
        try {
            while (!closed || !queue.isEmpty()) {
                Task<?> first;
                try {
                    first = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
                // not in a finally: a batch an Error cut short is failed below, not forgotten
                batch.clear();
            }
        } catch (Error e) {
            // without this the thread died silently: every later write waited its 10 s, stored nothing, and
            // /health still said ok
            writerDeath = e;
            log.error("{}: the pattern store's writer stopped: {}; nothing can be stored from now on", path, e.toString());
            try {
                // told before the waiting callers are released, so the service is already stopping when they go on
                writerDied.accept(e);
            } finally {
                StoreException stopped = writerStopped();
                batch.forEach(t -> t.result().completeExceptionally(stopped));
                failQueued(stopped);
            }
        }
    }

    private StoreException writerStopped() {
        return new StoreException(path + ": the pattern store's writer stopped ("
                + writerDeath.getClass().getSimpleName() + "); nothing can be stored");
    }

    private void failQueued(StoreException failure) {
        Task<?> t;
        while ((t = queue.poll()) != null) {
            t.result().completeExceptionally(failure);
        }
    }

    /** Whether writes go through: the writer runs and the last writes did not all fail. */
    PatternStore.WriteHealth writeHealth() {
        return new PatternStore.WriteHealth(writerDeath == null && writerThread.isAlive(), failedInARow);
    }

    private void runBatch(List<Task<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        batchSucceeded = 0;
        batchFailed = 0;
        try {
            writer.setAutoCommit(false);
            for (Task<?> t : batch) {
                completions.add(runOne(t));
            }
            writer.commit();
            failedInARow = batchSucceeded > 0 ? batchFailed : failedInARow + batchFailed;
            completions.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            failedInARow += batch.size();
            log.error("{}: pattern store transaction of {} write(s) rolled back: {}", path, batch.size(), e.getMessage());
            try {
                writer.rollback();
            } catch (SQLException rollbackFailure) {
                if (!noTransaction(rollbackFailure)) {
                    log.error("{}: rollback failed: {}", path, rollbackFailure.getMessage());
                }
            }
            rebuildCaches();
            StoreException failure = new StoreException(path + ": write failed: " + e.getMessage(), e);
            batch.forEach(t -> t.result().completeExceptionally(failure));
        } catch (Error e) {
            // the callers are told it failed, so nothing of it may be committed by the reset below
            try {
                writer.rollback();
            } catch (SQLException | RuntimeException rollbackFailure) {
                // the writer is dying either way; the transaction ends with the connection
            }
            throw e;
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException e) {
                // the driver sets its flag before it commits, so a transaction SQLite already ended leaves it right
                if (!noTransaction(e)) {
                    log.error("{}: cannot reset auto-commit: {}", path, e.getMessage());
                }
            }
        }
    }

    /** SQLite ended the transaction itself (see {@link #runOne}): nothing left to roll back or commit. */
    private static boolean noTransaction(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no transaction is active");
    }

    /** One task inside a savepoint, so a failing task fails alone; completion waits for the commit. */
    private <T> Runnable runOne(Task<T> t) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("SAVEPOINT task");
        }
        try {
            T value = t.work().run(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("RELEASE task");
            }
            batchSucceeded++;
            return () -> t.result().complete(value);
        } catch (SQLException | RuntimeException e) {
            try (Statement s = writer.createStatement()) {
                s.execute("ROLLBACK TO task");
                s.execute("RELEASE task");
            } catch (SQLException transactionGone) {
                // on some errors (a full disk, an I/O error) SQLite rolls the whole transaction back itself and the
                // savepoint is gone: the batch fails as one, with the error that caused it rather than this one
                if (e instanceof SQLException cause) {
                    throw cause;
                }
                throw (RuntimeException) e;
            }
            if (e instanceof SQLException) {
                // the database refused it (read-only, I/O); a caller's mistake such as an unknown id is not the store's
                batchFailed++;
            }
            rebuildCaches();
            log.error("{}: pattern store write rolled back: {}", path, e.getMessage());
            return () -> t.result().completeExceptionally(e);
        }
    }

    private void rebuildCaches() {
        try {
            afterRollback.run(writer);
        } catch (SQLException | RuntimeException e) {
            log.error("{}: cannot rebuild caches after a rollback: {}", path, e.getMessage());
        }
    }

    /** Refuses a file that is not SQLite, or that cannot be written, before SQLite gets a chance to touch it. */
    private void prepareFile() {
        try {
            Path dir = path.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            // before the integrity check, which cannot open a WAL database in a directory it may not write
            if (dir != null && !Files.isWritable(dir)) {
                throw new UnusableDatabase(path + ": its directory is read-only, and SQLite keeps its -wal and -shm files"
                        + " there, so no report could be stored. Give the service write access to " + dir + ".");
            }
            for (Path p : List.of(path, Path.of(path + "-wal"), Path.of(path + "-shm"))) {
                if (Files.exists(p) && !Files.isWritable(p)) {
                    throw readOnlyFile(p, null);
                }
            }
            if (Files.exists(path) && Files.size(path) > 0) {
                byte[] head = new byte[HEADER.length];
                int n;
                try (InputStream in = Files.newInputStream(path)) {
                    n = in.readNBytes(head, 0, head.length);
                }
                if (n < HEADER.length || !Arrays.equals(head, HEADER)) {
                    throw new UnusableDatabase(path + ": not a SQLite database (bad header); the file was left untouched. "
                            + "Move it away to start with an empty store, or restore a backup.");
                }
                checkIntegrity();
            }
        } catch (IOException e) {
            throw new StoreException(path + ": cannot prepare the database file: " + e.getMessage(), e);
        }
    }

    /**
     * SQLite opens a file it may not write read-only without a word, and reads work: the service would answer
     * every message and keep none. An update of no row asks for the write lock, which such a file refuses,
     * and writes nothing, so it needs no free page either (a full disk is a passing state, not a reason to
     * refuse the start).
     */
    private void refuseReadOnly() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("UPDATE schema_version SET version = version WHERE 0");
        }
    }

    private static boolean readOnly(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("SQLITE_READONLY");
    }

    private static UnusableDatabase readOnlyFile(Path file, Throwable cause) {
        return new UnusableDatabase(file + ": the database file is read-only, so no report could be stored; it was left"
                + " untouched. Give the service write access to it, or move it away to start with an empty store.", cause);
    }

    private void checkIntegrity() {
        try (Connection c = open(true); Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            String result = r.next() ? r.getString(1) : "no result";
            if (!"ok".equals(result)) {
                throw new UnusableDatabase(path + ": the database is corrupt (" + result + "); the file was left untouched. "
                        + "Restore a backup or move it away to start with an empty store.");
            }
        } catch (SQLException e) {
            throw new UnusableDatabase(path + ": the database is corrupt or unreadable (" + e.getMessage()
                    + "); the file was left untouched. Restore a backup or move it away to start with an empty store.", e);
        }
    }

    private Connection open(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        boolean created = !Files.exists(path);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        if (created) {
            // SQLite gives the -wal and -shm files the database file's permissions
            restrict(path, "rw-------");
        }
        return c;
    }

    private static long pageSize(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA page_size")) {
            return r.next() ? r.getLong(1) : 4096;
        }
    }

    private static void restrict(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions are all we have
        } catch (IOException e) {
            // the file works but other users of the machine may read it: say so, the operator can fix it
            log.warn("{}: could not make the file private ({}): {}", p, perms, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // wakes the writer at once instead of at its next poll
        queue.add(new Task<Void>(c -> null, new CompletableFuture<>()));
        if (writerThread != null) {
            try {
                writerThread.join(WRITE_TIMEOUT_SECONDS * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException e) {
                log.warn("{}: closing a read connection: {}", path, e.getMessage());
            }
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                log.warn("{}: closing the write connection: {}", path, e.getMessage());
            }
        }
    }
}
