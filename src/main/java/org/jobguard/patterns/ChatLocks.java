package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One chat's turn among the instances sharing a PostgreSQL store: a session-scoped advisory lock per chat, held on a
 * connection of this instance's own (not the pool's: a pooled connection goes back to the pool, and its locks with
 * it). PostgreSQL drops a session's locks when its connection ends, so the turn of an instance that was killed is
 * free again as soon as the server sees the connection close, without any lease to wait out.
 *
 * <p>Locks are only tried, never waited for on the server: one connection serves all of this instance's chats, and a
 * blocking wait for one chat would hold up every other.
 */
public final class ChatLocks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatLocks.class);
    /** The first key of the two-key advisory locks ("JG"); the store's write lock is a one-key lock, apart from these. */
    private static final int KEY_SPACE = 0x4A47;
    private static final long RETRY_MILLIS = 15;

    private final StoreLocation.Postgres location;
    private Connection connection;
    private long session;
    private boolean closed;

    /** A chat's turn, held until closed. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    ChatLocks(StoreLocation.Postgres location) {
        this.location = location;
    }

    /**
     * Takes the chat's turn, trying until {@code wait} is up.
     *
     * @return empty when another instance kept it that long
     * @throws StoreException when the database cannot be reached
     */
    public Optional<Turn> take(long chatKey, Duration wait) throws InterruptedException {
        int key = Long.hashCode(chatKey);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (tryLock(key)) {
                return Optional.of(() -> unlock(key));
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    /** The server's process id of the session holding this instance's turns: other instances check it is alive. */
    public synchronized long session() {
        try {
            connection();
            return session;
        } catch (SQLException e) {
            throw new StoreException(location.describe() + ": cannot open the chat-lock connection: " + e.getMessage(), e);
        }
    }

    private synchronized boolean tryLock(int key) {
        try {
            return call("SELECT pg_try_advisory_lock(?, ?)", key);
        } catch (SQLException e) {
            // the connection broke (a server restart): its locks are gone; the next try opens a new one
            drop(e);
            throw new StoreException(location.describe() + ": cannot take a chat's turn: " + e.getMessage(), e);
        }
    }

    private synchronized void unlock(int key) {
        if (closed) {
            return;
        }
        try {
            call("SELECT pg_advisory_unlock(?, ?)", key);
        } catch (SQLException e) {
            // a lock on a broken connection is gone with it
            drop(e);
        }
    }

    private boolean call(String sql, int key) throws SQLException {
        try (PreparedStatement st = connection().prepareStatement(sql)) {
            st.setInt(1, KEY_SPACE);
            st.setInt(2, key);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the chat locks are closed");
        }
        if (connection == null) {
            Properties props = new Properties();
            props.setProperty("user", location.user());
            location.password().ifPresent(p -> props.setProperty("password", p));
            props.setProperty("ApplicationName", "jobguard-chat-locks");
            // the server keeps a session, and its turns, until it sees the connection end: a killed process's at once,
            // but a vanished host's only through TCP keepalive, which these settings bring from hours to about 11 s
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("options", "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2"
                    + " -c tcp_keepalives_count=3 -c tcp_user_timeout=10000");
            connection = DriverManager.getConnection(location.jdbcUrl(), props);
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                session = r.getLong(1);
            }
        }
        return connection;
    }

    private void drop(SQLException e) {
        log.warn("{}: the chat-lock connection failed ({}); the chats' turns it held are released", location.describe(),
                e.getMessage());
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // broken already
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("{}: closing the chat-lock connection: {}", location.describe(), e.getMessage());
            }
            connection = null;
        }
    }
}
