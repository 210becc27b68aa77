package org.jobguard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public entry points under a flood: the service's own limits, over real HTTP and a real SQLite store. */
class PublicRateLimitTest {
    private static final String FLAGGED = "高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底";

    @TempDir
    Path data;

    /** Behind a trusted proxy on loopback, each X-Forwarded-For address is its own client. */
    private RunningWeb web(PublicLimits limits) {
        return new RunningWeb(WebSettings.forTest(data).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD)
                .withTrustedProxies(Set.of("127.0.0.1")).withPublicLimits(limits));
    }

    @Test
    void aFloodFromOneClientIsCheckedUpToItsLimitStoredUpToItsAllowanceAndCounted() throws Exception {
        PublicLimits limits = PublicLimits.DEFAULTS;
        try (RunningWeb web = web(limits)) {
            int answered = 0;
            int refused = 0;
            HttpResponse<String> lastRefusal = null;
            for (int i = 0; i < limits.requestsPerClientPerMinute() + 10; i++) {
                HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", FLAGGED + " 第" + i + "条"),
                        "X-Forwarded-For", "203.0.113.7");
                if (r.statusCode() == 200) {
                    assertTrue(r.body().contains("data-risk=\"high\""), "the person gets the verdict");
                    answered++;
                } else {
                    assertEquals(429, r.statusCode());
                    refused++;
                    lastRefusal = r;
                }
            }
            assertEquals(limits.requestsPerClientPerMinute(), answered);
            assertEquals(10, refused);
            long retryAfter = Long.parseLong(lastRefusal.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertTrue(lastRefusal.body().contains("Too many checks from here at once. Please wait " + retryAfter
                    + " seconds"), lastRefusal.body());

            assertEquals(limits.storedPerClientPerHour(), web.store.dashboard().patternCount(),
                    "only the client's hourly allowance of patterns is kept");

            HttpResponse<String> api = web.post("/api/check", "application/json",
                    "{\"text\": \"hello\"}".getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", "203.0.113.7");
            assertEquals(429, api.statusCode());
            assertTrue(api.headers().firstValue("Retry-After").isPresent());
            assertTrue(new ObjectMapper().readTree(api.body()).path("error").asText().startsWith("Too many checks"),
                    api.body());
            HttpResponse<String> report = web.postForm("/report", Map.of("text", FLAGGED, "kind", "false_positive"),
                    "X-Forwarded-For", "203.0.113.7");
            assertEquals(429, report.statusCode());

            HttpResponse<String> other = web.postForm("/", Map.of("text", FLAGGED + " 另一个人"),
                    "X-Forwarded-For", "198.51.100.20");
            assertEquals(200, other.statusCode(), "another client is not limited by the first one's flood");
            assertEquals(limits.storedPerClientPerHour() + 1, web.store.dashboard().patternCount());

            String metrics = web.get("/metrics").body();
            assertTrue(metrics.contains("jobguard_rate_limited_total{entry=\"try_it\",scope=\"client\"} 10"), metrics);
            assertTrue(metrics.contains("jobguard_rate_limited_total{entry=\"api_check\",scope=\"client\"} 1"), metrics);
            assertTrue(metrics.contains("jobguard_rate_limited_total{entry=\"report\",scope=\"client\"} 1"), metrics);
            assertTrue(metrics.contains("jobguard_dropped_total{what=\"pattern\",reason=\"store_allowance\"} "
                    + (limits.requestsPerClientPerMinute() - limits.storedPerClientPerHour())), metrics);
        }
    }

    @Test
    void manyClientsTogetherAreHeldByTheSharedLimitsAndTheApiTokenIsNot() throws Exception {
        PublicLimits limits = new PublicLimits(100, 5, 100, 3);
        try (RunningWeb web = new RunningWeb(WebSettings.forTest(data).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD)
                .withTrustedProxies(Set.of("127.0.0.1")).withApiToken("script-token-0123456789").withPublicLimits(limits))) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, web.postForm("/", Map.of("text", FLAGGED + " 第" + i + "条"),
                        "X-Forwarded-For", "192.0.2." + (i + 1)).statusCode());
            }
            assertEquals(3, web.store.dashboard().patternCount(), "the shared hourly allowance of stored patterns");
            HttpResponse<String> sixth = web.postForm("/", Map.of("text", FLAGGED),
                    "X-Forwarded-For", "192.0.2.99");
            assertEquals(429, sixth.statusCode(), "a new address does not escape the shared limit");
            assertTrue(sixth.headers().firstValue("Retry-After").isPresent());
            HttpResponse<String> script = web.post("/api/check", "text/plain", FLAGGED.getBytes(StandardCharsets.UTF_8),
                    "Authorization", "Bearer script-token-0123456789");
            assertEquals(200, script.statusCode(), "the operator's own scripts hold the API token");
            assertTrue(web.get("/metrics").body()
                    .contains("jobguard_rate_limited_total{entry=\"try_it\",scope=\"all_clients\"} 1"));
        }
    }
}
