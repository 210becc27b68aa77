package org.jobguard.patterns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class PatternServiceSqliteTest extends PatternServiceTest {
    @Override
    StoreFixture open(Path dir) {
        return new StoreFixture(dir);
    }

    /** Every file SQLite keeps: the database and, while open, its -wal and -shm files. */
    @Override
    void assertNoneStored(StoreFixture f, List<String> planted, String when) throws Exception {
        try (Stream<Path> files = Files.walk(f.file.getParent())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertNotIn(Files.readAllBytes(p), p + " " + when, planted);
            }
        }
    }
}
