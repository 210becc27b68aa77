package org.jobguard.patterns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered SQL migrations from {@code db/migration/} on the classpath, applied in order, each in its own
 * transaction, recorded in {@code schema_version}. {@code migrations.txt} lists them because a jar
 * cannot be listed portably; names must run V1, V2, ... without gaps.
 */
final class Migrations {
    private static final String DIR = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    record Migration(int version, String name, String sql) {
    }

    private final List<Migration> migrations;

    private Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    static Migrations bundled() {
        List<Migration> list = new ArrayList<>();
        for (String name : resource("migrations.txt").lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(DIR + "migrations.txt: bad migration name " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != list.size() + 1) {
                throw new IllegalStateException(DIR + "migrations.txt: " + name + " should be V" + (list.size() + 1));
            }
            list.add(new Migration(version, name, resource(name)));
        }
        return new Migrations(list);
    }

    int latest() {
        return migrations.size();
    }

    /** @return the versions applied now (empty when the schema was already current) */
    List<Integer> apply(Connection c, Clock clock, String dbPath) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = current(c);
        if (current > latest()) {
            throw new StoreException(dbPath + ": schema version " + current + " is newer than this JobGuard knows ("
                    + latest() + "); run a newer JobGuard or restore a backup");
        }
        List<Integer> applied = new ArrayList<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Migration m : migrations.subList(current, migrations.size())) {
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(m.sql())) {
                        s.execute(stmt);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.name());
                    p.setString(3, Instant.now(clock).toString());
                    p.executeUpdate();
                }
                c.commit();
                applied.add(m.version());
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return applied;
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Splits on semicolons that end a line; comment lines are dropped. Our migrations hold no triggers. */
    static List<String> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : clean.toString().split(";\\s*\n")) {
            String stmt = part.trim();
            if (stmt.endsWith(";")) {
                stmt = stmt.substring(0, stmt.length() - 1);
            }
            if (!stmt.isEmpty()) {
                out.add(stmt);
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + DIR + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + DIR + name + ": " + e.getMessage(), e);
        }
    }
}
