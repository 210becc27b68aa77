package org.jobguard.patterns;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternServicePostgresTest extends PatternServiceTest {
    private final Map<Path, StoreLocation.Postgres> databases = new HashMap<>();

    @Override
    StoreFixture open(Path dir) {
        return new StoreFixture(databases.computeIfAbsent(dir, d -> PostgresCluster.get().newDatabase()));
    }

    /**
     * Two instances on one database: a near-duplicate stored by one joins the group the other made, a group the
     * other's purge deleted is not used, and a moderator's decision and rule switch on one reach the other's
     * checker within seconds.
     */
    @Test
    void twoInstancesShareGroupsAndFollowEachOthersModerators() throws Exception {
        StoreLocation.Postgres db = PostgresCluster.get().newDatabase();
        try (StoreFixture a = new StoreFixture(db); StoreFixture b = new StoreFixture(db)) {
            AtomicInteger rebuilds = new AtomicInteger();
            try (ModerationFollower follower = new ModerationFollower(b.store, rebuilds::incrementAndGet, b.index::reload)) {
                follower.start(Duration.ofMillis(100));
                PatternService.Recorded first = a.check(SCAM, Source.BOT);
                PatternService.Recorded copy = b.check(SCAM_EDITED, Source.WEB);
                assertEquals(first.groupId(), copy.groupId(), "b saw the group a made");

                PatternService.Recorded old = b.check(OTHER_SCAM, Source.BOT);
                a.clock.advance(Duration.ofDays(200));
                b.clock.advance(Duration.ofDays(200));
                assertEquals(2, a.service.purge(180).groups(), "both groups were old");
                assertTrue(a.store.dashboard().group(old.groupId()).isEmpty());
                PatternService.Recorded again = b.check(OTHER_SCAM, Source.BOT);
                assertEquals(PatternService.Recorded.Status.STORED, again.status(), "not into the group a deleted");
                assertNotEquals(old.groupId(), again.groupId());

                PatternService.Recorded task = a.service.report(FeedbackKind.FALSE_NEGATIVE, a.checker.check(TASK_SCAM), TASK_SCAM, Source.BOT);
                assertNull(b.checker.check(TASK_SCAM_EDITED).knownPattern());
                a.service.confirm(task.groupId(), "mod-anna", null);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (b.checker.check(TASK_SCAM_EDITED).knownPattern() == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertNotNull(b.checker.check(TASK_SCAM_EDITED).knownPattern(), "b's checker knows a's confirmation");

                a.service.toggleRule(StoreFixture.RULES.rules().get(0).id(), false, false, "mod-anna", "test");
                while (rebuilds.get() == 0 && System.nanoTime() < deadline + 5_000_000_000L) {
                    Thread.sleep(50);
                }
                assertEquals(1, rebuilds.get(), "b rebuilt its rules once");
            }
        }
    }

    /** A restarted server breaks every connection: at most one write fails, then the store takes new ones. */
    @Test
    void theStoreComesBackAfterTheServerRestarts() throws Exception {
        try (StoreFixture f = open(dir)) {
            assertEquals(PatternService.Recorded.Status.STORED, f.check(SCAM, Source.BOT).status());
            PostgresCluster.get().restart();
            int failed = 0;
            PatternService.Recorded r = f.check(OTHER_SCAM, Source.BOT);
            while (r.status() == PatternService.Recorded.Status.FAILED && failed < 3) {
                failed++;
                r = f.check(OTHER_SCAM, Source.BOT);
            }
            assertEquals(PatternService.Recorded.Status.STORED, r.status());
            assertTrue(failed <= 1, failed + " writes failed after the restart");
            assertEquals(2, f.store.dashboard().patternCount());
            assertTrue(f.store.writeHealth().ok());
        }
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
