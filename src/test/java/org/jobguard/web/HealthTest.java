package org.jobguard.web;

import ch.qos.logback.classic.Level;
import org.jobguard.CapturedLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.patterns.PatternStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLAGGED = "高薪招聘客服，包机票，到了再签合同，护照公司保管，地点妙瓦底。";

    @TempDir
    Path data;

    @Test
    void healthAnswers503WhenTheLastWritesFailedAndNotBefore() throws Exception {
        // a store that may not grow past its size when created: as on a full disk, a write needing a new page fails
        new PatternStore(data.resolve("jobguard.db"), Clock.systemUTC()).close();
        WebSettings settings = WebSettings.forTest(data).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD);
        try (CapturedLog log = CapturedLog.start(); RunningWeb web = new RunningWeb(settings, Optional.empty(), 1)) {
            assertEquals(200, web.get("/health").statusCode());
            HttpResponse<String> health = null;
            int posts = 0;
            while (posts < 300) {
                HttpResponse<String> tried = web.postForm("/", Map.of("text", FLAGGED + " 第" + posts + "条 " + "详情".repeat(400 + posts)));
                assertEquals(200, tried.statusCode(), "the person still gets the answer");
                posts++;
                health = web.get("/health");
                if (health.statusCode() != 200) {
                    break;
                }
            }
            assertEquals(503, health.statusCode(), "after " + posts + " posts: " + health.body());
            JsonNode body = JSON.readTree(health.body());
            assertEquals("store writes failing", body.get("status").asText());
            assertFalse(body.get("store").asBoolean());
            assertEquals(PatternStore.WriteHealth.FAILURES_BEFORE_UNHEALTHY, body.get("failed_writes_in_a_row").asInt());
            assertTrue(posts >= PatternStore.WriteHealth.FAILURES_BEFORE_UNHEALTHY);
            assertTrue(log.has(Level.ERROR, "SQLITE_FULL") && log.has(Level.ERROR, "could not record a high message from web"),
                    "each failed write is logged: " + log.errors());
        }
    }
}
