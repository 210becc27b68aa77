package org.jobguard.patterns;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema, migrated by Flyway from {@code db/migration/V<n>__<what>.sql}: one set of scripts for SQLite and
 * PostgreSQL, with {@link Dialect} placeholders where the two cannot share a word. A new step is one more file
 * with the next number.
 *
 * <p>SQLite files made before Flyway carry their own {@code schema_version} table, written by the earlier
 * migration code from the same scripts: such a file is baselined at its version (Flyway records that the
 * steps up to it are done) and migrated on from there, in place.
 */
final class Schema {
    private static final Logger log = LoggerFactory.getLogger(Schema.class);
    static final String LOCATION = "classpath:db/migration";
    /** The table the migration code before Flyway kept its applied versions in. */
    static final String LEGACY_TABLE = "schema_version";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Schema() {
    }

    /**
     * @param where the database as logs and errors name it
     * @throws StoreException when the database's schema is newer than this JobGuard knows, or a step fails
     */
    static void migrate(DataSource data, Dialect dialect, String where) {
        try {
            int legacy = legacyVersion(data);
            Flyway flyway = Flyway.configure()
                    .dataSource(data)
                    .locations(LOCATION)
                    .placeholders(dialect.placeholders())
                    .baselineOnMigrate(legacy > 0)
                    .baselineVersion(String.valueOf(Math.max(legacy, 1)))
                    .baselineDescription("schema_version " + legacy + " of the migrations before Flyway")
                    .load();
            refuseNewer(flyway, where, legacy);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0 || legacy > 0 && result.initialSchemaVersion == null) {
                log.info("{}: schema migrated from version {} to {} ({} step(s))", where,
                        result.initialSchemaVersion == null ? (legacy > 0 ? legacy + " (earlier migrations)" : "none")
                                : result.initialSchemaVersion, result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException(where + ": cannot migrate the pattern database: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException(where + ": cannot read the schema version: " + e.getMessage(), e);
        }
    }

    /** Refuses a database a newer JobGuard migrated past the steps this one knows, before touching it. */
    private static void refuseNewer(Flyway flyway, String where, int legacy) {
        MigrationInfo[] all = flyway.info().all();
        int known = 0;
        int applied = legacy;
        for (MigrationInfo i : all) {
            int version = Integer.parseInt(i.getVersion().getVersion());
            if (i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED) {
                applied = Math.max(applied, version);
            } else if (i.getState().isResolved()) {
                known = Math.max(known, version);
            }
        }
        if (applied > known) {
            throw new StoreException(where + ": schema version " + applied + " is newer than this JobGuard knows ("
                    + known + "); run a newer JobGuard or restore a backup");
        }
    }

    /** The version in the earlier code's {@code schema_version} table, when there is one and no Flyway history yet. */
    private static int legacyVersion(DataSource data) throws SQLException {
        try (Connection c = data.getConnection()) {
            if (!hasTable(c, LEGACY_TABLE) || hasTable(c, HISTORY_TABLE)) {
                return 0;
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY_TABLE)) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, null, name, new String[]{"TABLE"})) {
            return r.next();
        }
    }
}
