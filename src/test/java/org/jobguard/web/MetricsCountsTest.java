package org.jobguard.web;

import ch.qos.logback.classic.Level;
import org.jobguard.CapturedLog;
import org.jobguard.patterns.PatternStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics counts what failed, what was dropped and what was refused, and prints the other parts' counters. */
class MetricsCountsTest {
    private static final String FLAGGED = "高薪招聘客服，包机票，到了再签合同，护照公司保管，地点妙瓦底。";

    @TempDir
    Path data;

    @Test
    void failedStoreWritesAndOtherPartsCountersAreCounted() throws Exception {
        // a store that may not grow past its size when created: as on a full disk, a write needing a new page fails
        new PatternStore(data.resolve("jobguard.db"), Clock.systemUTC()).close();
        WebSettings settings = WebSettings.forTest(data).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD);
        try (CapturedLog log = CapturedLog.start(); RunningWeb web = new RunningWeb(settings, Optional.empty(), 1)) {
            web.metrics.countFrom("jobguard_bot_events_total", "Bot events.",
                    () -> Map.of("event=\"update_skipped\"", 2L));
            int posts = 0;
            while (posts < 300 && !web.get("/metrics").body().contains("jobguard_errors_total{where=\"pattern_store\"}")) {
                assertEquals(200, web.postForm("/", Map.of("text", FLAGGED + " 第" + posts + "条 "
                        + "详情".repeat(400 + posts))).statusCode(), "the person still gets the answer");
                posts++;
            }
            String metrics = web.get("/metrics").body();
            assertTrue(metrics.contains("jobguard_errors_total{where=\"pattern_store\"} "), metrics);
            assertTrue(metrics.contains("# TYPE jobguard_bot_events_total counter\n"
                    + "jobguard_bot_events_total{event=\"update_skipped\"} 2\n"), metrics);
            assertTrue(metrics.contains("# TYPE jobguard_rate_limited_total counter"), metrics);
            assertTrue(metrics.contains("# TYPE jobguard_dropped_total counter"), metrics);
            assertTrue(log.has(Level.ERROR, "SQLITE_FULL"), "the failed write is logged: " + log.errors());
        }
    }
}
