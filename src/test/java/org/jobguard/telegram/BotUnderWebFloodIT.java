package org.jobguard.telegram;

import org.jobguard.ServiceJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's worst probe against the real jar: the bot answers a burst of 300 flagged updates (from the fake Bot
 * API over real HTTP) while the web is flooded with wrong logins and try-it posts. Every answered update is stored,
 * /health says 200 throughout (and it is true: the reports are there), the moderator stays logged in, nothing
 * runs out of memory or stack, and SIGTERM ends the service within 20 s.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BotUnderWebFloodIT {
    private static final int BURST = 300;
    private static final int TRY_IT_CLIENTS = 150;

    @TempDir
    Path work;

    @Test
    void aBurstOfUpdatesDuringALoginAndTryItFloodIsAnsweredAndEveryAnswerStored() throws Exception {
        try (FakeBotApi api = FakeBotApi.start();
             ServiceJar jar = ServiceJar.start(work, Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                     "TELEGRAM_API_URL", api.url().toString()))) {
            api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(90));
            ServiceJar.Moderator moderator = jar.login(ServiceJar.clientAddress(0));

            AtomicBoolean flooding = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Integer> healthStatuses = new ConcurrentLinkedQueue<>();
            AtomicInteger webRequests = new AtomicInteger();
            ExecutorService flood = Executors.newFixedThreadPool(7);
            List<Future<?>> floods = new ArrayList<>();
            try {
                for (int thread = 0; thread < 3; thread++) {
                    int first = 1 + thread * 20_000;
                    floods.add(flood.submit(() -> wrongLogins(jar, first, flooding, webRequests)));
                    floods.add(flood.submit(() -> tryItPosts(jar, first + 10_000, flooding, webRequests)));
                }
                floods.add(flood.submit(() -> {
                    while (flooding.get()) {
                        healthStatuses.add(jar.get("/health").statusCode());
                        Thread.sleep(200);
                    }
                    return null;
                }));

                // the flood is under way before the burst starts and goes on until every update is acknowledged
                Thread.sleep(2_000);
                Map<Long, String> markerByChat = new HashMap<>();
                for (int i = 0; i < BURST; i++) {
                    Thread.sleep(10);
                    long chat = 7_000_000L + i;
                    markerByChat.put(chat, marker(i));
                    api.push(Updates.text(chat, "招聘 " + marker(i) + " 客服，包机票，到了再签合同，护照由公司保管，妙瓦底"));
                }
                api.await(c -> c.method().equals("sendMessage") && markerByChat.containsKey(c.chatId()), BURST,
                        Duration.ofSeconds(90));
                api.awaitAllConfirmed(Duration.ofSeconds(30));
                flooding.set(false);
                for (Future<?> f : floods) {
                    f.get(30, TimeUnit.SECONDS);
                }

                Set<String> answered = new HashSet<>();
                api.calls("sendMessage").forEach(c -> answered.add(markerByChat.get(c.chatId())));
                answered.remove(null);
                Set<String> stored = new HashSet<>();
                for (String pattern : jar.exportedPatterns(moderator)) {
                    int at = pattern.indexOf("zq");
                    if (at >= 0) {
                        stored.add(pattern.substring(at, at + 5));
                    }
                }
                System.out.printf("bot burst of %d during a web flood of %d requests: %d answered, %d stored;"
                                + " /health sampled %d times: %s%n", BURST, webRequests.get(), answered.size(),
                        stored.size(), healthStatuses.size(), new HashSet<>(healthStatuses));
                assertEquals(BURST, answered.size());
                Set<String> lost = new HashSet<>(answered);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "answered and acknowledged but not stored");
                assertTrue(healthStatuses.stream().allMatch(s -> s == 200), "/health while storing: " + healthStatuses);
            } finally {
                flooding.set(false);
                flood.shutdownNow();
            }
            jar.assertStillServing(moderator);
            jar.assertNoJvmErrorsLogged();
            jar.assertStopsOnSigterm();
        }
    }

    /** Wrong passwords for the moderator, each from a new address so that the throttle lets them reach Argon2. */
    private static Void wrongLogins(ServiceJar jar, int firstAddress, AtomicBoolean flooding, AtomicInteger requests)
            throws Exception {
        for (int n = firstAddress; flooding.get(); n++) {
            ServiceJar.LoginForm form = jar.loginForm();
            HttpResponse<String> r = jar.postForm("/admin/login", Map.of("_csrf", form.csrf(),
                            "user", ServiceJar.MODERATOR, "password", "wrong"), "Cookie", form.cookie(),
                    "X-Forwarded-For", ServiceJar.clientAddress(n));
            assertTrue(r.statusCode() == 401 || r.statusCode() == 429, "login answered " + r.statusCode());
            requests.addAndGet(2);
        }
        return null;
    }

    /**
     * Flagged try-it texts: the first {@value #TRY_IT_CLIENTS} each from a new address, so each is checked and
     * stored, then all from the last one, refused by its limit. Fewer than the limits over all clients, so that a
     * check after the flood is still checked and stored.
     */
    private static Void tryItPosts(ServiceJar jar, int firstAddress, AtomicBoolean flooding, AtomicInteger requests)
            throws Exception {
        for (int n = 0; flooding.get(); n++) {
            String address = ServiceJar.clientAddress(firstAddress + Math.min(n, TRY_IT_CLIENTS));
            HttpResponse<String> r = jar.postForm("/?ui=en", Map.of("text", ServiceJar.FLAGGED + " 第" + n + "条"),
                    "X-Forwarded-For", address);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 429, "try-it answered " + r.statusCode());
            requests.incrementAndGet();
        }
        return null;
    }

    /** A letters-only marker ("zqaab"): survives normalizing and redaction, unlike digits. */
    private static String marker(int i) {
        return "zq" + (char) ('a' + i / 676) + (char) ('a' + (i / 26) % 26) + (char) ('a' + i % 26);
    }
}
