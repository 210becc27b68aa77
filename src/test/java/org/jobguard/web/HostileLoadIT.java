package org.jobguard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.ServiceJar;
import org.jobguard.patterns.PatternStore;
import org.jobguard.patterns.ReadOnlyPath;
import org.jobguard.privacy.AdversarialTexts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probes of issue 14 against the real jar, started as README says (-Xmx128m, exit on OutOfMemoryError), on
 * loopback. After each: no OutOfMemoryError or StackOverflowError in the log, the moderator still logged in, a
 * flagged text still stored while /health says 200, and SIGTERM ends the service within 20 s.
 * {@code org.jobguard.telegram.BotUnderWebFloodIT} adds the bot answering a burst during a flood.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aHundredParallelWrongLoginsNeitherRunTheHeapOutNorLockTheModeratorOut() throws Exception {
        try (ServiceJar jar = ServiceJar.start(work)) {
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));
            AtomicInteger refusedAsBusy = new AtomicInteger();
            List<Integer> statuses = inParallel(100, 100, i -> {
                // each from its own address, so that the throttle lets every one reach the password check
                ServiceJar.LoginForm form = jar.loginForm();
                HttpResponse<String> r = jar.postForm("/admin/login", Map.of("_csrf", form.csrf(),
                                "user", ServiceJar.MODERATOR, "password", "wrong " + i), "Cookie", form.cookie(),
                        "X-Forwarded-For", ServiceJar.clientAddress(1 + i));
                if (r.statusCode() == 429) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 says when to retry");
                    refusedAsBusy.incrementAndGet();
                }
                return r.statusCode();
            });
            assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), "wrong, or busy: " + statuses);
            System.out.printf("100 parallel wrong logins: %d refused while the password checks were busy%n",
                    refusedAsBusy.get());

            jar.assertStillServing(moderator);
            jar.login(ServiceJar.clientAddress(5_000));
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    @Test
    void adversarialTextsAreCheckedInBoundedTimeOnTheTryItPageAndTheApi() throws Exception {
        try (ServiceJar jar = ServiceJar.start(work)) {
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));
            List<AdversarialTexts.Text> texts = AdversarialTexts.all();
            int flagged = 0;
            long slowestMillis = 0;
            for (int i = 0; i < texts.size(); i++) {
                AdversarialTexts.Text t = texts.get(i);
                // two addresses per text: these are probes of time, not of the rate limits
                String address = ServiceJar.clientAddress(1 + 2 * i);
                long t0 = System.nanoTime();
                HttpResponse<String> page = jar.postForm("/?ui=en", Map.of("text", t.text()),
                        "X-Forwarded-For", address);
                long t1 = System.nanoTime();
                HttpResponse<String> api = jar.post("/api/check", "application/json",
                        JSON.writeValueAsBytes(Map.of("text", t.text())),
                        "X-Forwarded-For", ServiceJar.clientAddress(2 + 2 * i));
                long t2 = System.nanoTime();
                assertEquals(200, page.statusCode(), t.name() + " on the try-it page");
                assertEquals(200, api.statusCode(), t.name() + " on /api/check: " + api.body());
                assertTrue(JSON.readTree(api.body()).has("risk"), api.body());
                if (page.body().contains("data-risk=\"medium\"") || page.body().contains("data-risk=\"high\"")) {
                    flagged++;
                }
                slowestMillis = Math.max(slowestMillis, Math.max(t1 - t0, t2 - t1) / 1_000_000);
            }
            System.out.printf("%d adversarial texts of %,d characters: slowest answer %d ms, %d flagged%n",
                    texts.size(), AdversarialTexts.LENGTH, slowestMillis, flagged);
            assertTrue(slowestMillis < 5_000, "slowest answer " + slowestMillis + " ms");
            assertTrue(flagged > 0, "the flagged bot message of 'a.' at least");
            assertEquals(flagged, jar.exportedPatterns(moderator).size(), "every flagged try-it text stored");

            jar.assertStillServing(moderator);
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    @Test
    void tenMegabyteApiBodiesAreRefusedWith413() throws Exception {
        try (ServiceJar jar = ServiceJar.start(work)) {
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));
            byte[] body = ("{\"text\": \"" + "高薪".repeat(10 * 1024 * 1024 / 6) + "\"}").getBytes(StandardCharsets.UTF_8);
            // four at once: a heap of 128 MB would not hold four parsed copies
            List<HttpResponse<String>> answers = inParallel(4, 4, i -> jar.post("/api/check", "application/json",
                    body, "X-Forwarded-For", ServiceJar.clientAddress(1 + i)));
            for (HttpResponse<String> r : answers) {
                assertEquals(413, r.statusCode(), r.body());
                assertTrue(JSON.readTree(r.body()).path("error").isTextual(), "a JSON error: " + r.body());
            }
            jar.assertStillServing(moderator);
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    @Test
    void fiftyThousandAnonymousLoginPagesLeaveTheModeratorLoggedIn() throws Exception {
        try (ServiceJar jar = ServiceJar.start(work)) {
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));
            int clients = 4;
            int pagesEach = 50_000 / clients;
            long t0 = System.nanoTime();
            List<Integer> sessionCookies = inParallel(clients, clients, c -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest get = HttpRequest.newBuilder(URI.create(jar.url("/admin/login")))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                int withSession = 0;
                for (int i = 0; i < pagesEach; i++) {
                    HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                    assertEquals(200, r.statusCode());
                    withSession += r.headers().allValues("Set-Cookie").stream()
                            .anyMatch(cookie -> cookie.startsWith("jg_session=")) ? 1 : 0;
                }
                return withSession;
            });
            System.out.printf("50,000 anonymous GET /admin/login: %.0f requests/s%n",
                    50_000 / ((System.nanoTime() - t0) / 1e9));
            assertEquals(0, sessionCookies.stream().mapToInt(Integer::intValue).sum(), "no anonymous session");
            jar.assertStillServing(moderator);
            HttpResponse<String> out = jar.postForm("/admin/logout", Map.of("_csrf", moderator.csrf()),
                    "Cookie", moderator.cookie());
            assertEquals(303, out.statusCode(), "the session's CSRF token still works");
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsRefusedAtStartInsteadOfServingAHealthyLookingService() throws Exception {
        Path db = work.resolve("data/jobguard.db");
        java.nio.file.Files.createDirectories(db.getParent());
        new PatternStore(db, Clock.systemUTC()).close();
        try (ReadOnlyPath readOnly = new ReadOnlyPath(db)) {
            Assumptions.assumeTrue(readOnly.isReadOnly(), "cannot make a file read-only here");
            try (ServiceJar jar = ServiceJar.launch(work, Map.of())) {
                assertTrue(jar.process().waitFor(60, TimeUnit.SECONDS), "stops by itself");
                assertEquals(2, jar.process().exitValue(), jar.log());
                assertTrue(jar.log().contains(db.toAbsolutePath() + ": the database file is read-only"), jar.log());
                assertFalse(jar.log().contains("JobGuard is running"), "never served: " + jar.log());
                jar.assertNoJvmErrorsLogged();
            }
        }
    }

    @Test
    void aFloodOfTryItPostsFromOneClientIsLimitedAndStoresOnlyItsAllowance() throws Exception {
        try (ServiceJar jar = ServiceJar.start(work)) {
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));
            String flooder = ServiceJar.clientAddress(1);
            long t0 = System.nanoTime();
            List<Integer> statuses = inParallel(4, 2_000, i -> {
                HttpResponse<String> r = jar.postForm("/?ui=en", Map.of("text", ServiceJar.FLAGGED + " 第" + i + "条"),
                        "X-Forwarded-For", flooder);
                if (r.statusCode() == 429) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 says when to retry");
                }
                return r.statusCode();
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            long answered = statuses.stream().filter(s -> s == 200).count();
            System.out.printf("2,000 try-it posts from one client: %.0f requests/s, %d answered, the rest 429%n",
                    2_000 / seconds, answered);
            assertEquals(2_000, answered + statuses.stream().filter(s -> s == 429).count(), "200 or 429: " + statuses);
            // 30 at once, then refilled at 30 a minute
            assertTrue(answered >= 30 && answered <= 30 + 1 + (long) (seconds / 2), "answered " + answered);
            assertEquals(20, jar.exportedPatterns(moderator).size(), "the client's hourly allowance only");
            assertTrue(jar.get("/metrics").body().contains(
                    "jobguard_dropped_total{what=\"pattern\",reason=\"store_allowance\"} " + (answered - 20)));

            jar.assertStillServing(moderator);
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    interface Probe<T> {
        T send(int i) throws Exception;
    }

    /** Runs {@code count} probes on {@code threads} threads and returns their results in order. */
    static <T> List<T> inParallel(int threads, int count, Probe<T> probe) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> probe.send(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
