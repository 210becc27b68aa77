package org.jobguard.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The targets for the try-it page, measured with a small bounded loop over real HTTP: p99 under
 * 50 ms and a start page under 100 KB. The latency bound asserted here is loose because CI machines are
 * shared; the measured figures are printed for the report.
 */
class TryItLatencyTest {
    @TempDir
    Path data;

    @Test
    void tryItPageIsFastAndLight() throws Exception {
        try (RunningWeb web = new RunningWeb(data)) {
            String ad = "高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底KK园区，联系TG @recruiter_kk";
            for (int i = 0; i < 50; i++) {
                web.postForm("/", Map.of("text", ad));
            }
            int n = 400;
            long[] pages = new long[n / 2];
            long[] checks = new long[n / 2];
            for (int i = 0; i < n / 2; i++) {
                long t0 = System.nanoTime();
                assertEquals(200, web.get("/").statusCode());
                long t1 = System.nanoTime();
                // each check of this ad is flagged, so it is also written to the pattern store before the answer
                HttpResponse<String> r = web.postForm("/", Map.of("text", ad + i));
                long t2 = System.nanoTime();
                assertEquals(200, r.statusCode());
                pages[i] = t1 - t0;
                checks[i] = t2 - t1;
            }
            long[] nanos = new long[n];
            System.arraycopy(pages, 0, nanos, 0, n / 2);
            System.arraycopy(checks, 0, nanos, n / 2, n / 2);
            Arrays.sort(nanos);
            Arrays.sort(pages);
            Arrays.sort(checks);
            double p50 = nanos[n / 2] / 1e6;
            double p99 = nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6;
            System.out.printf("  GET / p50 %.1f ms p99 %.1f ms; POST / (check + store) p50 %.1f ms p99 %.1f ms%n",
                    pages[n / 4] / 1e6, pages[(int) Math.ceil(n / 2 * 0.99) - 1] / 1e6,
                    checks[n / 4] / 1e6, checks[(int) Math.ceil(n / 2 * 0.99) - 1] / 1e6);
            int weight = web.get("/").body().getBytes(StandardCharsets.UTF_8).length
                    + web.get("/assets/app.css").body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("try-it latency over %d requests: p50 %.1f ms, p99 %.1f ms; page weight of / %d bytes%n",
                    n, p50, p99, weight);
            assertTrue(weight < 100_000, "page weight " + weight);
            assertTrue(p99 < 500, "p99 " + p99 + " ms");
        }
    }
}
