package org.jobguard.patterns;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How {@link Database} reaches one kind of database: the connection its writer thread holds, short reads, and
 * what a write transaction must do first. Opening one also migrates the schema.
 */
interface StoreConnections extends AutoCloseable {
    /** The database as logs and errors name it; never a password. */
    String where();

    Dialect dialect();

    /** The connection the writer thread uses; may be replaced after a failed transaction (a restarted server). */
    Connection writer() throws SQLException;

    /** Called by the writer thread after a transaction failed, so a broken connection can be replaced. */
    void writeFailed();

    /**
     * First statement of every write transaction. On a database other instances write too, this serializes their
     * transactions, so each writer sees the others' groups before it adds to them.
     */
    void beginWrite(Connection writer) throws SQLException;

    /** Whether other processes may write to the same database (a PostgreSQL store shared by instances). */
    boolean shared();

    /** Runs {@code work} on a read-only connection that sees the last committed state. */
    <T> T read(Database.Write<T> work) throws SQLException;

    /** A write the database refused because it is read-only. */
    boolean readOnly(SQLException e);

    /** Whether the database passes its own consistency check: "ok", or what is wrong. */
    String integrityCheck() throws SQLException;

    @Override
    void close();
}
