package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A single writer thread that owns the only write connection of this process, and reads on other connections
 * ({@link StoreConnections}: a SQLite file or a PostgreSQL pool). Bot and web writes queue up for the writer
 * instead of competing for the database's locks, so {@code SQLITE_BUSY} cannot happen between them; the writer
 * commits whatever is queued in one transaction (group commit), so the fsync per commit is shared by every write
 * waiting at that moment.
 */
final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
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

    private final StoreConnections connections;
    private final String where;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Write<Void> afterRollback;
    private final Write<Void> beforeBatch;
    private final Consumer<Error> writerDied;
    private volatile boolean closed;
    /** Set once, when an Error ended the writer thread; every write fails from then on. */
    private volatile Error writerDeath;
    /** Writes that failed in the database since the last one that succeeded; written by the writer thread only. */
    private volatile int failedInARow;
    // per batch, on the writer thread only
    private int batchSucceeded;
    private int batchFailed;
    private Connection writer;

    /**
     * @param afterRollback  runs on the writer thread with the write connection after (part of) a transaction
     *                       was rolled back, so caches of what is in the database can be rebuilt
     * @param beforeBatch    runs on the writer thread at the start of each transaction on a database other
     *                       processes write too (after {@link StoreConnections#beginWrite}), so caches can catch up
     * @param writerDied     told once, on the dying writer thread, when an Error (out of memory, a stack
     *                       overflow) ended it: from then on nothing can be stored
     */
    Database(StoreConnections connections, Write<Void> afterRollback, Write<Void> beforeBatch, Consumer<Error> writerDied) {
        this.connections = connections;
        this.where = connections.where();
        this.afterRollback = afterRollback;
        this.beforeBatch = beforeBatch;
        this.writerDied = writerDied;
        writerThread = new Thread(this::writeLoop, "pattern-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    String where() {
        return where;
    }

    Dialect dialect() {
        return connections.dialect();
    }

    boolean shared() {
        return connections.shared();
    }

    /** Runs on the writer thread; returns once the transaction holding it is committed. */
    <T> T write(Write<T> work) {
        if (closed) {
            throw new StoreException(where + ": the pattern store is closed");
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
            throw new StoreException(where + ": interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(where + ": write failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StoreException(where + ": write not committed within " + WRITE_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Runs on a read-only connection, which sees the last committed state. */
    <T> T read(Write<T> work) {
        if (closed) {
            throw new StoreException(where + ": the pattern store is closed");
        }
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw new StoreException(where + ": read failed: " + e.getMessage(), e);
        }
    }

    String integrityCheck() {
        try {
            return connections.integrityCheck();
        } catch (SQLException e) {
            throw new StoreException(where + ": integrity check failed: " + e.getMessage(), e);
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
            log.error("{}: the pattern store's writer stopped: {}; nothing can be stored from now on", where, e.toString());
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
        return new StoreException(where + ": the pattern store's writer stopped ("
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
            writer = connections.writer();
            writer.setAutoCommit(false);
            connections.beginWrite(writer);
            if (connections.shared()) {
                beforeBatch.run(writer);
            }
            for (Task<?> t : batch) {
                completions.add(runOne(t));
            }
            writer.commit();
            failedInARow = batchSucceeded > 0 ? batchFailed : failedInARow + batchFailed;
            completions.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            failedInARow += batch.size();
            connections.writeFailed();
            log.error("{}: pattern store transaction of {} write(s) rolled back: {}", where, batch.size(), e.getMessage());
            try {
                writer.rollback();
            } catch (SQLException rollbackFailure) {
                if (!noTransaction(rollbackFailure)) {
                    log.error("{}: rollback failed: {}", where, rollbackFailure.getMessage());
                }
            }
            rebuildCaches();
            StoreException failure = new StoreException(where + ": write failed: " + e.getMessage(), e);
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
                    log.error("{}: cannot reset auto-commit: {}", where, e.getMessage());
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
            log.error("{}: pattern store write rolled back: {}", where, e.getMessage());
            return () -> t.result().completeExceptionally(e);
        }
    }

    private void rebuildCaches() {
        try {
            afterRollback.run(writer);
        } catch (SQLException | RuntimeException e) {
            log.error("{}: cannot rebuild caches after a rollback: {}", where, e.getMessage());
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
        connections.close();
    }
}
