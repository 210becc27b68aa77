package org.jobguard.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.ServiceJar;
import org.jobguard.cli.HaproxyFront;
import org.jobguard.patterns.PostgresCluster;
import org.jobguard.patterns.StoreLocation;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's proof: three instances of the real jar in webhook mode on one PostgreSQL database behind HAProxy
 * configured by {@code deploy/haproxy.cfg}, and Telegram's side posting 2,000 updates of 200 users through the proxy,
 * posting again whatever was not answered 200. A third of the way in one instance is killed (SIGKILL), two thirds in
 * another is stopped (SIGTERM) and drains. Every update is answered, in its chat's order, and its report stored; an
 * update is answered twice only when the killed instance had sent its reply and not yet recorded it (the one case
 * README names), and no more often than updates were taken over from it.
 */
class ClusterJarIT {
    private static final String SECRET = "cluster-Secret_0123456789";
    private static final int USERS = 200;
    /** One per update of a chat, each quoted by the reply, so a reply says which update it answers. */
    private static final List<String> PLACES = List.of("Myawaddy", "Shwe Kokko", "Sihanoukville", "KK Park", "Poipet",
            "Bavet", "Golden Triangle", "Laukkaing", "Tachileik", "Mong La");
    private static final int TOTAL = USERS * PLACES.size();
    /** Chats Telegram's side posts for at once (Telegram's default is 40 connections). */
    private static final int CHATS_AT_ONCE = 40;
    private static final Pattern TAKEN_OVER = Pattern.compile("event=\"update_taken_over\"} (\\d+)");

    @TempDir
    Path work;

    @Test
    void killingOneInstanceAndStoppingAnotherBehindTheProxyAnswersEveryUpdateOnceInOrder() throws Exception {
        Path haproxy = haproxy();
        StoreLocation.Postgres db = PostgresCluster.get().newDatabase();
        String name = db.jdbcUrl().replaceAll(".*/", "");
        try (FakeBotApi api = FakeBotApi.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
            env.put("TELEGRAM_API_URL", api.url().toString());
            env.put("JOBGUARD_WEBHOOK_URL", "https://bot.example.org/tg/hook");
            env.put("JOBGUARD_WEBHOOK_SECRET", SECRET);
            env.put("JOBGUARD_DATABASE_URL", PostgresCluster.get().url(name));
            env.put("JOBGUARD_TRUSTED_PROXIES", "127.0.0.1");
            List<ServiceJar> jars = startAll(env);
            ServiceJar a = jars.get(0);
            ServiceJar b = jars.get(1);
            ServiceJar c = jars.get(2);
            try (HaproxyFront proxy = HaproxyFront.start(haproxy, HaproxyFront.EXAMPLE, work.resolve("haproxy"),
                    jars.stream().map(j -> port(j)).toList())) {
                awaitHealthy(proxy);
                TelegramSide telegram = new TelegramSide(List.of(proxy.url("/tg/hook")), SECRET);
                assertEquals(401, new TelegramSide(List.of(proxy.url("/tg/hook")), "wrong-secret")
                        .post(0, Updates.text(1, "hello").put("update_id", 1).toString()), "the instances check the secret");
                ExecutorService chats = Executors.newFixedThreadPool(CHATS_AT_ONCE);
                AtomicInteger answered = new AtomicInteger();
                AtomicLong killedAt = new AtomicLong();
                java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
                AtomicLong stoppedAt = new AtomicLong();
                AtomicLong takenOverOnB = new AtomicLong();
                AtomicInteger redeliveredAfterStop = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    long user = 700_000 + u;
                    int userNo = u;
                    // one chat's updates one after another, as Telegram posts them; chats in parallel
                    done.add(chats.submit(() -> {
                        for (int m = 0; m < PLACES.size(); m++) {
                            ObjectNode update = Updates.text(user, "Customer service job in " + PLACES.get(m)
                                    + ", high pay, no experience needed, free flight. Ref " + marker(userNo * PLACES.size() + m));
                            update.put("update_id", user * 100 + m);
                            telegram.deliver(update, 0, Duration.ofSeconds(120));
                            int n = answered.incrementAndGet();
                            if (n == TOTAL / 3 && killed.compareAndSet(false, true)) {
                                a.process().destroyForcibly();
                                // a reply already on its way can still leave the instance until it is gone: the
                                // documented case ("sent by the killed instance") runs up to its death, not the signal
                                a.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                                killedAt.set(System.nanoTime());
                            }
                            if (n == 2 * TOTAL / 3 && stoppedAt.compareAndSet(0, System.nanoTime())) {
                                takenOverOnB.set(takenOver(b));
                                redeliveredAfterStop.set(-telegram.redeliveries());
                                b.process().destroy();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                chats.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                redeliveredAfterStop.addAndGet(telegram.redeliveries());
                assertTrue(b.process().waitFor(ServiceJar.SIGTERM_DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
                        "b drained and stopped");
                assertEquals(143, b.process().exitValue(), "b's exit after SIGTERM");
                Thread.sleep(500);

                long twice = 0;
                long twiceUndocumented = 0;
                for (int u = 0; u < USERS; u++) {
                    long chat = 700_000 + u;
                    List<FakeBotApi.Call> replies = api.calls("sendMessage").stream().filter(x -> x.chatId() == chat).toList();
                    int previous = -1;
                    long previousAt = 0;
                    for (FakeBotApi.Call reply : replies) {
                        int place = place(reply.text());
                        assertTrue(place >= previous, "chat " + chat + ": replies in the updates' order, got " + places(replies));
                        if (place == previous) {
                            twice++;
                            // the one documented case: sent by the killed instance before the kill, not recorded
                            if (!(previousAt < killedAt.get() && reply.nanos() > killedAt.get())) {
                                twiceUndocumented++;
                            }
                        } else {
                            assertEquals(previous + 1, place, "chat " + chat + ": no update unanswered, got " + places(replies));
                        }
                        previous = place;
                        previousAt = reply.nanos();
                    }
                    assertEquals(PLACES.size() - 1, previous, "chat " + chat + ": every update answered, got " + places(replies));
                }
                long takenOver = takenOverOnB.get() + takenOver(c);
                System.out.printf("3 instances behind HAProxy: %d updates of %d chats in %.1f s (%.0f/s); a killed after %d,"
                                + " b stopped (SIGTERM) after %d; %d posts delivered again by Telegram's side, %d of them after"
                                + " the stop; %d updates taken over from the killed instance, %d answered twice%n",
                        TOTAL, USERS, seconds, TOTAL / seconds, TOTAL / 3, 2 * TOTAL / 3, telegram.redeliveries(),
                        redeliveredAfterStop.get(), takenOver, twice);
                assertEquals(0, twiceUndocumented, "answered twice other than by the killed instance before the kill");
                assertTrue(twice <= takenOver, twice + " answered twice, " + takenOver + " taken over");
                assertEquals(TOTAL, count(name, "SELECT COUNT(DISTINCT substring(redacted_text from 'zq[a-z]{3}')) FROM pattern"),
                        "a report for every flagged message answered");
                assertEquals(TOTAL, count(name, "SELECT COUNT(*) FROM bot_update WHERE state = 'done'"));
                HttpResponse<String> admin = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(proxy.url("/admin/login")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(admin.headers().allValues("set-cookie").stream().anyMatch(v -> v.startsWith("jobguard_instance=")),
                        "a moderator is kept on one instance");
                c.assertNoJvmErrorsLogged();
                b.assertNoJvmErrorsLogged();
                c.assertStopsOnSigterm();
            } finally {
                for (ServiceJar j : jars) {
                    j.close();
                }
            }
        }
    }

    /** Found, or a failure; skipped only outside CI with PostgreSQL's skip variable set, as the PostgreSQL tests are. */
    private static Path haproxy() {
        Optional<Path> found = HaproxyFront.executable();
        if (found.isPresent()) {
            return found.get();
        }
        String why = "haproxy was not found (Debian: apt-get install haproxy, which .ci/run does)";
        if ("skip".equals(System.getenv(PostgresCluster.SKIP_VARIABLE)) && System.getenv("CI") == null) {
            Assumptions.abort(why + "; skipped because " + PostgresCluster.SKIP_VARIABLE + "=skip");
        }
        return Assertions.fail(why);
    }

    private List<ServiceJar> startAll(Map<String, String> env) throws Exception {
        List<ServiceJar> jars = new ArrayList<>();
        try {
            for (String n : List.of("a", "b", "c")) {
                jars.add(ServiceJar.start(work.resolve(n), env));
            }
            return jars;
        } catch (Exception | AssertionError e) {
            for (ServiceJar j : jars) {
                j.close();
            }
            throw e;
        }
    }

    private static int port(ServiceJar jar) {
        return java.net.URI.create(jar.url("/")).getPort();
    }

    /** Until HAProxy's health checks found every instance up: each post then reaches an instance that takes it. */
    private static void awaitHealthy(HaproxyFront proxy) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int healthyInARow = 0;
        while (healthyInARow < 6) {
            int status = http.send(HttpRequest.newBuilder(proxy.url("/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            healthyInARow = status == 200 ? healthyInARow + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the instances were not healthy behind HAProxy: " + proxy.log());
            }
            Thread.sleep(100);
        }
    }

    private static long takenOver(ServiceJar jar) throws Exception {
        Matcher m = TAKEN_OVER.matcher(jar.get("/metrics").body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int place(String reply) {
        for (int i = 0; i < PLACES.size(); i++) {
            if (reply.contains("“<i>" + PLACES.get(i) + "</i>”")) {
                return i;
            }
        }
        throw new AssertionError("a reply naming none of the places: " + reply);
    }

    private static List<Integer> places(List<FakeBotApi.Call> replies) {
        return replies.stream().map(r -> place(r.text())).toList();
    }

    /** A letters-only marker ("zqaab"), which survives redaction, unlike digits. */
    private static String marker(int i) {
        return "zq" + (char) ('a' + i / 676) + (char) ('a' + (i / 26) % 26) + (char) ('a' + i % 26);
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresCluster.get().jdbcUrl(database), "jobguard", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
