package org.jobguard.patterns;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database, possibly shared by several instances, through a HikariCP pool: the writer thread keeps
 * one connection, reads borrow the others. Every write transaction first takes one transaction-scoped advisory
 * lock, so the instances' writers take turns: each sees the groups the others made before it adds to them, and
 * their counter upserts cannot deadlock. Each instance still commits whatever its callers queued in one
 * transaction, so one turn serves many writes.
 */
final class PostgresConnections implements StoreConnections {
    private static final Logger log = LoggerFactory.getLogger(PostgresConnections.class);
    /** Any fixed number: the key of the advisory lock every JobGuard writer takes (ASCII "JOBGUARD"). */
    static final long WRITE_LOCK = 0x4A4F424755415244L;
    private static final int POOL_SIZE = 6;

    private final StoreLocation.Postgres location;
    private final HikariDataSource pool;
    private Connection writer;
    private boolean lastWriteFailed;

    /** @throws StoreException naming the database (without its password) when it cannot be reached or migrated */
    PostgresConnections(StoreLocation.Postgres location) {
        this.location = location;
        HikariConfig config = new HikariConfig();
        config.setPoolName("jobguard-store");
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(location.user());
        location.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "jobguard");
        // PostgreSQL's default (4, for spinning disks) makes the planner scan whole tables for the queue's details of
        // a group (its latest 200 patterns' rules and contacts): 17 ms instead of 3 ms a group at 20,000 patterns
        config.setConnectionInitSql("SET random_page_cost = 1.1");
        try {
            this.pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException(where() + ": cannot connect to the pattern database: " + rootMessage(e), e);
        }
        try {
            Schema.migrate(pool, Dialect.POSTGRESQL, where());
            writer = pool.getConnection();
        } catch (SQLException e) {
            pool.close();
            throw new StoreException(where() + ": cannot open the pattern database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public String where() {
        return location.describe();
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    /**
     * After a failed transaction the connection is tested; a dead one (the server restarted) is replaced by one that
     * answers: the pool's other connections died with it, and the pool tests only those idle for a while.
     */
    @Override
    public Connection writer() throws SQLException {
        if (lastWriteFailed) {
            lastWriteFailed = false;
            if (writer == null || !writer.isValid(2)) {
                if (writer != null) {
                    pool.evictConnection(writer);
                }
                writer = null;
                Connection c = pool.getConnection();
                for (int tries = 1; !c.isValid(2) && tries <= POOL_SIZE; tries++) {
                    pool.evictConnection(c);
                    c = pool.getConnection();
                }
                writer = c;
                log.warn("{}: the pattern store's write connection was replaced", where());
            }
        }
        return writer;
    }

    @Override
    public void writeFailed() {
        lastWriteFailed = true;
    }

    @Override
    public void beginWrite(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public <T> T read(Database.Write<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            // a transaction, so that a large export can stream with a cursor (fetch size) instead of loading all
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        }
    }

    @Override
    public boolean readOnly(SQLException e) {
        // 25006: read_only_sql_transaction (a hot standby, or default_transaction_read_only)
        return "25006".equals(e.getSQLState());
    }

    @Override
    public String integrityCheck() throws SQLException {
        // PostgreSQL keeps its own consistency; what matters here is that the server answers
        return read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            return "ok";
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                log.warn("{}: closing the write connection: {}", where(), e.getMessage());
            }
        }
        pool.close();
    }
}
