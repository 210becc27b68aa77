package org.jobguard.patterns;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternServicePostgresTest extends PatternServiceTest {
    private final Map<Path, StoreLocation.Postgres> databases = new HashMap<>();

    @Override
    StoreFixture open(Path dir) {
        return new StoreFixture(databases.computeIfAbsent(dir, d -> PostgresCluster.get().newDatabase()));
    }

    /** What a backup holds: the database as pg_dump writes it. */
    @Override
    void assertNoneStored(StoreFixture f, List<String> planted, String when) throws Exception {
        byte[] dump = PostgresCluster.get().dump((StoreLocation.Postgres) f.location);
        assertNotIn(dump, "pg_dump " + when, planted);
        String text = new String(dump, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("<HANDLE>") && text.contains("COPY public.pattern "), "the dump holds the patterns");
    }
}
