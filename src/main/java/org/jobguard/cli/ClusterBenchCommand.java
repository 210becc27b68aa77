package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.patterns.StoreBenchmark;
import org.jobguard.patterns.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 17's figures: this jar started as 1, 2 and 3 instances in webhook mode on one PostgreSQL database behind
 * HAProxy ({@code deploy/haproxy.cfg}), a stand-in Bot API on loopback, and Telegram's side posting updates through
 * the proxy, posting again what was not answered 200. Prints updates per second and the p99 of a post's answer
 * (the update handled and replied to) per instance count, the failover after one of 2 instances is killed (SIGKILL),
 * then {@code store-bench}'s writes per second on a scratch SQLite file and, when given, a scratch PostgreSQL database.
 */
@Command(name = "cluster-bench", mixinStandardHelpOptions = true,
        description = "Benchmark several instances behind HAProxy on one PostgreSQL database: updates/s with 1, 2 and 3 "
                + "instances, reply p99, failover after a kill -9, then store writes/s on SQLite and PostgreSQL.")
public final class ClusterBenchCommand implements Callable<Integer> {
    private static final String SECRET = "cluster-bench-Secret_0123456789";
    private static final String TEXT = "Customer service job in Myawaddy, high pay, no experience needed, free flight. "
            + "The company will keep your passport.";

    @Option(names = "--database-url", required = true, description = "an empty scratch PostgreSQL database the "
            + "instances share (postgresql://user:password@host:port/database); the benchmark fills it")
    String databaseUrl;

    @Option(names = "--store-database-url", description = "another empty scratch PostgreSQL database for the store "
            + "writes (store-bench); without it only SQLite's are measured")
    String storeDatabaseUrl;

    @Option(names = "--updates", defaultValue = "1000", description = "updates per instance count")
    int updates;

    @Option(names = "--chats", defaultValue = "40", description = "chats posted for at once (Telegram's default connections)")
    int chats;

    @Option(names = "--haproxy", description = "the haproxy executable (default: found on the PATH or in /usr/sbin)")
    Path haproxy;

    @Option(names = "--config", defaultValue = "deploy/haproxy.cfg", description = "the HAProxy configuration to start from")
    Path config;

    @Spec
    CommandSpec spec;

    private final AtomicLong nextUpdateId = new AtomicLong(1);
    /** Each feed's users are new, so that no earlier run's replies or rate limits count. */
    private final AtomicLong runs = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path proxyExe = haproxy != null ? haproxy : HaproxyFront.executable().orElseThrow(() ->
                new ParameterException(spec.commandLine(), "haproxy was not found: apt-get install haproxy, or --haproxy"));
        if (!Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "--config: no file " + config.toAbsolutePath());
        }
        postgres(databaseUrl, "--database-url");
        Path work = Files.createTempDirectory("jobguard-cluster-bench");
        try (StandIn api = new StandIn()) {
            out.printf("%d updates of %d chats at once through HAProxy, per instance count (Telegram allows a bot ~30 messages a second):%n",
                    updates, chats);
            for (int n = 1; n <= 3; n++) {
                try (Cluster cluster = new Cluster(n, api, proxyExe, work.resolve("run" + n))) {
                    Run run = feed(cluster, updates, Integer.MAX_VALUE, null);
                    out.printf("  %d instance(s): %.0f updates/s, answer p50 %d ms, p99 %d ms%n", n, run.perSecond(),
                            run.percentile(50), run.percentile(99));
                    out.flush();
                }
            }
            try (Cluster cluster = new Cluster(2, api, proxyExe, work.resolve("failover"))) {
                Run run = feed(cluster, updates, updates / 3, cluster.instances.get(0));
                out.printf("  failover, 2 instances, one killed (SIGKILL) a third in: every update in flight at the kill"
                        + " answered %d ms after it; p99 over the run %d ms; %d posts delivered again%n",
                        run.failoverMillis(), run.percentile(99), run.redelivered.get());
            }
        } finally {
            delete(work);
        }
        out.println("store writes (store-bench, 8 writers, 10 s):");
        out.flush();
        Path scratch = Files.createTempDirectory("jobguard-store-bench");
        try {
            StoreBenchmark.run(new StoreLocation.SqliteFile(scratch.resolve("bench.db")), 2_000, 8, Duration.ofSeconds(10), out);
            if (storeDatabaseUrl != null) {
                StoreBenchmark.run(postgres(storeDatabaseUrl, "--store-database-url"), 2_000, 8, Duration.ofSeconds(10), out);
            }
        } finally {
            delete(scratch);
        }
        return 0;
    }

    private StoreLocation.Postgres postgres(String url, String option) {
        try {
            return StoreLocation.postgres(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** Telegram's side: each chat's updates one after another, each posted until it is answered 200. */
    private Run feed(Cluster cluster, int count, int killAfter, Process victim) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Run run = new Run(count);
        long runNo = runs.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(chats);
        AtomicInteger answered = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        int perChat = Math.max(1, count / chats);
        for (int c = 0; c < chats; c++) {
            long thread = c;
            done.add(pool.submit(() -> {
                for (int m = 0; m < perChat; m++) {
                    // a new user every 10 updates: the bot answers one user at most 20 times a minute
                    long chat = 1_000_000L * runNo + thread * 10_000 + m / 10;
                    ObjectNode update = LoopbackBotApi.JSON.createObjectNode().put("update_id", nextUpdateId.getAndIncrement());
                    ObjectNode message = update.putObject("message").put("message_id", m + 1).put("date", 1_764_000_000)
                            .put("text", TEXT);
                    message.putObject("chat").put("id", chat).put("type", "private");
                    message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "A").put("language_code", "en");
                    long posted = System.nanoTime();
                    post(http, cluster.proxy.url("/tg/hook"), update.toString(), run);
                    long now = System.nanoTime();
                    run.record(posted, now);
                    if (answered.incrementAndGet() == killAfter) {
                        run.killedAt.set(System.nanoTime());
                        victim.destroyForcibly();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        run.seconds = (System.nanoTime() - start) / 1e9;
        run.total = perChat * chats;
        return run;
    }

    private static void post(HttpClient http, URI hook, String body, Run run) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int attempt = 0; ; attempt++) {
            if (System.nanoTime() > deadline) {
                throw new IOException("an update was not accepted within 120 s; see the instances' service.log");
            }
            HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // not answered: posted again, as Telegram does
            }
            run.redelivered.incrementAndGet();
            Thread.sleep(Math.min(1_000, 50L << Math.min(attempt, 4)));
        }
    }

    /** Answer times of one feed. */
    private static final class Run {
        final long[] postedAt;
        final long[] millis;
        final long[] answeredAt;
        final AtomicInteger n = new AtomicInteger();
        final AtomicInteger redelivered = new AtomicInteger();
        final AtomicLong killedAt = new AtomicLong();
        double seconds;
        int total;

        Run(int count) {
            postedAt = new long[count + 1024];
            millis = new long[count + 1024];
            answeredAt = new long[count + 1024];
        }

        void record(long posted, long answered) {
            int i = n.getAndIncrement();
            postedAt[i] = posted;
            answeredAt[i] = answered;
            millis[i] = TimeUnit.NANOSECONDS.toMillis(answered - posted);
        }

        double perSecond() {
            return total / seconds;
        }

        long percentile(int p) {
            long[] sorted = Arrays.copyOf(millis, n.get());
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        /** From the kill until the last post that was in flight then was answered. */
        long failoverMillis() {
            long kill = killedAt.get();
            long last = kill;
            for (int i = 0; i < n.get(); i++) {
                if (postedAt[i] <= kill && answeredAt[i] > kill) {
                    last = Math.max(last, answeredAt[i]);
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(last - kill);
        }
    }

    /** N instances of this jar and HAProxy in front of them. */
    private final class Cluster implements AutoCloseable {
        final List<Process> instances = new ArrayList<>();
        final HaproxyFront proxy;

        Cluster(int n, StandIn api, Path haproxyExe, Path work) throws Exception {
            List<Integer> ports = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    int port = freePort();
                    ports.add(port);
                    instances.add(start(api, port, work.resolve("instance" + i)));
                }
                for (int i = 0; i < n; i++) {
                    awaitHealthy(ports.get(i), instances.get(i));
                }
                proxy = HaproxyFront.start(haproxyExe, config, work.resolve("haproxy"), ports);
                // HAProxy's first health checks
                Thread.sleep(2_500);
            } catch (Exception e) {
                instances.forEach(Process::destroyForcibly);
                throw e;
            }
        }

        private Process start(StandIn api, int port, Path dir) throws IOException {
            Files.createDirectories(dir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar;
            try {
                jar = Path.of(ClusterBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            // the run command's JVM options (README)
            ProcessBuilder b = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:CompileThresholdScaling=0.3", "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", "123456:cluster-bench");
            env.put("TELEGRAM_API_URL", api.url());
            env.put("JOBGUARD_WEBHOOK_URL", "https://bot.example.org/tg/hook");
            env.put("JOBGUARD_WEBHOOK_SECRET", SECRET);
            env.put("JOBGUARD_HMAC_SECRET", "cluster-bench-hmac-secret-0123456789abcdef");
            env.put("JOBGUARD_DATABASE_URL", databaseUrl);
            env.put("JOBGUARD_PORT", Integer.toString(port));
            env.put("JOBGUARD_DATA_DIR", dir.toString());
            env.put("JOBGUARD_ADMIN_PASSWORD", "cluster-bench-password");
            b.environment().putAll(env);
            return b.start();
        }

        /** Healthy and started: the web server answers before the bot has registered its webhook. */
        private static void awaitHealthy(int port, Process instance) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && instance.isAlive()) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        // setWebhook is the last step of the start-up; it fails the start when refused
                        Thread.sleep(1_000);
                        if (instance.isAlive()) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IOException("the instance on port " + port + " did not start (see its service.log)");
        }

        @Override
        public void close() throws Exception {
            proxy.close();
            for (Process p : instances) {
                p.destroy();
            }
            for (Process p : instances) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** The Bot API on loopback: webhook mode never polls, replies are only answered. */
    private static final class StandIn extends LoopbackBotApi {
        StandIn() throws IOException {
            super("cluster_bench_bot", 200);
        }

        @Override
        ArrayNode updates(JsonNode request) {
            return JSON.createArrayNode();
        }

        @Override
        void replied(long chat) {
            // the post's answer says when the update was handled and replied to
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
