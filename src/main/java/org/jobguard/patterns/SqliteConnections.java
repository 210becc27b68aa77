package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file: the only write connection, and a few read-only ones. Journal: WAL, so readers never block the
 * writer nor the other way round. {@code synchronous=FULL}: a write is acknowledged only after the WAL is
 * fsynced, so a report the user saw acknowledged survives a power cut, not just a crash of the process.
 */
final class SqliteConnections implements StoreConnections {
    private static final Logger log = LoggerFactory.getLogger(SqliteConnections.class);
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final long READER_WAIT_SECONDS = 10;

    private final Path path;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();

    /**
     * @param maxBytes 0 for no limit; otherwise the database refuses to grow past this size, as on a full disk
     * @throws UnusableDatabase naming the file when it is not a database, is corrupt or read-only; a bad file
     *                          is never overwritten
     */
    SqliteConnections(Path file, long maxBytes) {
        this.path = file.toAbsolutePath();
        prepareFile();
        Connection w = null;
        try {
            w = open(false);
            try (Statement s = w.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                if (maxBytes > 0) {
                    s.execute("PRAGMA max_page_count=" + Math.max(1, maxBytes / pageSize(s)));
                }
            }
            this.writer = w;
            Schema.migrate(dataSource(), Dialect.SQLITE, path.toString());
            refuseReadOnly();
            for (int i = 0; i < READERS; i++) {
                Connection r = open(true);
                allReaders.add(r);
                readers.add(r);
            }
        } catch (SQLException e) {
            closeQuietly(w);
            if (readOnly(e)) {
                throw readOnlyFile(this.path, e);
            }
            throw new StoreException(this.path + ": cannot open the pattern database: " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(w);
            throw readOnly(e.getCause()) ? readOnlyFile(this.path, e) : e;
        }
    }

    @Override
    public String where() {
        return path.toString();
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public Connection writer() {
        return writer;
    }

    @Override
    public void writeFailed() {
        // the file is still there: the next transaction tries the same connection
    }

    @Override
    public void beginWrite(Connection writer) {
        // the only writer of its file
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public <T> T read(Database.Write<T> work) throws SQLException {
        Connection c;
        try {
            c = readers.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(path + ": interrupted while waiting for a read connection", e);
        }
        if (c == null) {
            throw new StoreException(path + ": no read connection available");
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public boolean readOnly(SQLException e) {
        return readOnly((Throwable) e);
    }

    private static boolean readOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_READONLY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String integrityCheck() throws SQLException {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no result";
            }
        });
    }

    /** Flyway's own connections to the file, with the same busy timeout. */
    private SQLiteDataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + path);
        return ds;
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
            s.execute("UPDATE " + Schema.HISTORY_TABLE + " SET installed_rank = installed_rank WHERE 0");
        }
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
            org.jobguard.config.PrivateFiles.restrict(p, perms);
        } catch (IOException e) {
            // the file works but other users of the machine may read it: say so, the operator can fix it
            log.warn("{}: could not make the file private ({}): {}", p, perms, e.getMessage());
        }
    }

    @Override
    public void close() {
        for (Connection c : allReaders) {
            closeQuietly(c);
        }
        closeQuietly(writer);
    }

    private void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("{}: closing a connection: {}", path, e.getMessage());
        }
    }
}
