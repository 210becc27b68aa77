package org.jobguard.patterns;

import org.jobguard.config.Config;
import org.jobguard.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreLocationTest {
    @TempDir
    Path dir;

    @Test
    void aLibpqUrlBecomesAJdbcUrlWithTheCredentialsApart() {
        StoreLocation.Postgres p = StoreLocation.postgres("postgresql://job%40guard:p%3Ass%20w+rd@db.example.org:6543/jobguard?sslmode=require");
        assertEquals("jdbc:postgresql://db.example.org:6543/jobguard?sslmode=require", p.jdbcUrl());
        assertEquals("job@guard", p.user());
        assertEquals(Optional.of("p:ss w+rd"), p.password());
        assertEquals("postgresql://job@guard@db.example.org:6543/jobguard", p.describe());
        assertFalse(p.toString().contains("p:ss"), "no password in logs");

        StoreLocation.Postgres plain = StoreLocation.postgres("postgres://jobguard@127.0.0.1/jg");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/jg", plain.jdbcUrl());
        assertEquals(Optional.empty(), plain.password());
    }

    @Test
    void aBadUrlIsRefusedSayingWhatIsMissingWithoutThePassword() {
        for (String[] bad : new String[][]{
                {"mysql://u:secret@h/db", "must start with postgresql://"},
                {"postgresql://u:secret@/db", "needs a host"},
                {"postgresql://u:secret@h", "needs one database name"},
                {"postgresql://u:secret@h/a/b", "needs one database name"},
                {"postgresql://h/db", "needs a user"},
                {"postgresql://u:secret@h:5432/db with space", "not a URL"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreLocation.postgres(bad[0]));
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void theConfigUsesSqliteUnlessTheVariableIsSetAndNamesTheVariableWhenItIsWrong() {
        Map<String, String> base = Map.of("JOBGUARD_DATA_DIR", dir.toString(), "JOBGUARD_HMAC_SECRET", "0123456789abcdef0123");
        assertEquals(new StoreLocation.SqliteFile(dir.resolve("jobguard.db")), Config.load(base).store());
        Map<String, String> pg = new java.util.HashMap<>(base);
        pg.put("JOBGUARD_DATABASE_URL", "postgresql://jobguard:pw@db:5432/jobguard");
        assertTrue(Config.load(pg).store() instanceof StoreLocation.Postgres);
        pg.put("JOBGUARD_DATABASE_URL", "sqlite:///tmp/x.db");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(pg));
        assertTrue(e.getMessage().contains("JOBGUARD_DATABASE_URL"), e.getMessage());
    }
}
