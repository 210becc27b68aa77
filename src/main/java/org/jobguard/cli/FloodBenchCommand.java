package org.jobguard.cli;

import org.jobguard.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Issue 14's figures: the service started in this JVM on loopback (web and a bot polling a stand-in Bot API), then
 * flooded from this JVM: wrong logins, then try-it posts, then both while the bot answers a burst. For each flood it
 * prints the requests per second answered, the p99 latency of /health and of a check while it lasts, and at the end
 * the peak heap, the peak resident memory and the bot's reports stored against updates answered. Figures, not
 * assertions: the hostile-load tests ({@code *IT}) assert.
 */
@Command(name = "flood-bench", mixinStandardHelpOptions = true, description = "Requests/s held under login and try-it floods, p99 of /health and of a"
        + " check meanwhile, peak heap and RSS, and a bot burst's reports stored vs answered.")
final class FloodBenchCommand implements Callable<Integer> {
    private static final String FLAGGED = "高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底";
    private static final String MODERATOR = "moderator";
    private static final int FLOOD_THREADS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "length of each flood (default 10)")
    double seconds;

    @Option(names = "--updates", defaultValue = "300", description = "updates in the bot's burst (default 300)")
    int updates;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong nextClient = new AtomicLong(1);
    private final AtomicLong peakHeap = new AtomicLong();
    private String base;
    private String apiToken;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("jobguard-flood-bench");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        apiToken = HexFormat.of().formatHex(secret, 0, 12);
        try (BurstBotApi api = new BurstBotApi()) {
            Map<String, String> env = new HashMap<>();
            if (System.getenv("JOBGUARD_HOME") != null) {
                env.put("JOBGUARD_HOME", System.getenv("JOBGUARD_HOME"));
            }
            env.put("TELEGRAM_BOT_TOKEN", BurstBotApi.TOKEN);
            env.put("TELEGRAM_API_URL", api.url());
            env.put("JOBGUARD_HMAC_SECRET", HexFormat.of().formatHex(secret));
            env.put("JOBGUARD_DATA_DIR", data.toString());
            env.put("JOBGUARD_PORT", "0");
            env.put("JOBGUARD_ADMIN_USER", MODERATOR);
            env.put("JOBGUARD_ADMIN_PASSWORD", HexFormat.of().formatHex(secret, 12, 24));
            env.put("JOBGUARD_API_TOKEN", apiToken);
            // every flooding request names its own client address, as many clients behind a proxy would
            env.put("JOBGUARD_TRUSTED_PROXIES", "127.0.0.1");
            ScheduledHeapPeak heap = new ScheduledHeapPeak(peakHeap);
            heap.start();
            try (App app = App.start(env, Clock.systemUTC())) {
                base = "http://127.0.0.1:" + app.port();
                out.printf("flood-bench: %d flooding threads, %.0f s a flood, %d CPUs, heap max %d MB%n",
                        FLOOD_THREADS, seconds, Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20);
                out.println(flood("wrong logins", List.of(this::wrongLogin)).line());
                out.println(flood("try-it posts", List.of(this::tryIt)).line());

                Map<Long, String> markerByChat = new HashMap<>();
                Flood both = flood("logins + try-it during a bot burst", List.of(this::wrongLogin, this::tryIt), () -> {
                    for (int i = 0; i < updates; i++) {
                        long chat = 8_000_000L + i;
                        markerByChat.put(chat, marker(i));
                        api.push(chat, "招聘 " + marker(i) + " 客服，包机票，到了再签合同，护照由公司保管，妙瓦底");
                    }
                    if (!api.awaitAllAcknowledged(120)) {
                        out.println("the bot did not acknowledge the burst within 120 s");
                    }
                });
                out.println(both.line());
                Set<String> answered = new HashSet<>();
                api.answeredChats().forEach(chat -> {
                    if (markerByChat.containsKey(chat)) {
                        answered.add(markerByChat.get(chat));
                    }
                });
                Set<String> stored = storedMarkers(data.resolve("jobguard.db"));
                Set<String> lost = new HashSet<>(answered);
                lost.removeAll(stored);
                out.printf("bot burst of %d updates: %d answered, %d of them stored, %d answered but not stored%n",
                        updates, answered.size(), answered.size() - lost.size(), lost.size());
            } finally {
                heap.stop();
            }
            out.printf("peak heap used %d MB; peak resident memory (VmHWM) %s%n", peakHeap.get() >> 20,
                    peakResidentMemory());
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** One kind of flooding request; returns the HTTP status. */
    private interface Request {
        int send() throws Exception;
    }

    /** Something to do while a flood runs; the flood lasts at least {@link #seconds} and until it is done. */
    private interface During {
        void run() throws Exception;
    }

    /** What one flood measured. */
    private record Flood(String name, double seconds, long requests, long answered, long refused,
                         double[] healthMillis, double[] checkMillis) {
        String line() {
            return String.format("%-36s %,7.0f requests/s (%,.0f/s answered, %,.0f/s refused 429);"
                            + " /health p99 %.1f ms (%d samples); check p99 %.1f ms (%d samples)", name + ":",
                    requests / seconds, answered / seconds, refused / seconds, p99(healthMillis), healthMillis.length,
                    p99(checkMillis), checkMillis.length);
        }

        private static double p99(double[] sorted) {
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        }
    }

    private Flood flood(String name, List<Request> kinds) throws Exception {
        return flood(name, kinds, () -> { });
    }

    private Flood flood(String name, List<Request> kinds, During during) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder answered = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder other = new LongAdder();
        ConcurrentLinkedQueue<Double> health = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> checks = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(FLOOD_THREADS + 2);
        List<Future<?>> work = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int t = 0; t < FLOOD_THREADS; t++) {
                Request kind = kinds.get(t % kinds.size());
                work.add(pool.submit(() -> {
                    while (running.get()) {
                        int status = kind.send();
                        (status == 429 ? refused : status < 400 || status == 401 ? answered : other).increment();
                    }
                    return null;
                }));
            }
            // the probes: what a monitor and a person checking a message see while the flood goes on
            work.add(pool.submit(() -> probe(running, health, () -> send(get("/health")).statusCode(), 50)));
            work.add(pool.submit(() -> probe(running, checks, () -> send(post("/api/check", "application/json",
                    "{\"text\": \"" + FLAGGED + "\"}", "Authorization", "Bearer " + apiToken)).statusCode(), 100)));
            Thread.sleep(Math.min(2_000, (long) (seconds * 1000)));
            during.run();
            long left = t0 + (long) (seconds * 1e9) - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
            running.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long all = answered.sum() + refused.sum() + other.sum();
        return new Flood(name, elapsed, all, answered.sum(), refused.sum(), sorted(health), sorted(checks));
    }

    private Void probe(AtomicBoolean running, ConcurrentLinkedQueue<Double> millis, Request request, long everyMillis)
            throws Exception {
        while (running.get()) {
            long t0 = System.nanoTime();
            request.send();
            millis.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(everyMillis);
        }
        return null;
    }

    private static double[] sorted(ConcurrentLinkedQueue<Double> values) {
        double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    // ---- the requests -------------------------------------------------------------------------------

    /** A wrong password for the moderator from a new client address, so that it reaches the password check. */
    private int wrongLogin() throws IOException, InterruptedException {
        HttpResponse<String> form = send(get("/admin/login"));
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jg_login="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.body());
        String token = csrf.find() ? csrf.group(1) : "";
        return send(post("/admin/login", "application/x-www-form-urlencoded", "_csrf=" + encode(token) + "&user="
                + MODERATOR + "&password=wrong", "Cookie", cookie, "X-Forwarded-For", newClient())).statusCode();
    }

    /** A flagged try-it text from a new client address: checked and stored until the limits over all clients. */
    private int tryIt() throws IOException, InterruptedException {
        return send(post("/?ui=en", "application/x-www-form-urlencoded", "text=" + encode(FLAGGED + " "
                + nextClient.get()), "X-Forwarded-For", newClient())).statusCode();
    }

    private String newClient() {
        long n = nextClient.getAndIncrement();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpRequest post(String path, String type, String body, String... headers) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- what was kept and what it cost ------------------------------------------------------------

    /** A letters-only marker ("zqaab"): survives normalizing and redaction, unlike digits. */
    private static String marker(int i) {
        return "zq" + (char) ('a' + i / 676) + (char) ('a' + (i / 26) % 26) + (char) ('a' + i % 26);
    }

    private static Set<String> storedMarkers(Path db) throws java.sql.SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT redacted_text FROM pattern")) {
            while (r.next()) {
                String text = r.getString(1);
                int at = text.indexOf("zq");
                if (at >= 0 && at + 5 <= text.length()) {
                    stored.add(text.substring(at, at + 5));
                }
            }
        }
        return stored;
    }

    /** The most resident memory this process used, from Linux's /proc/self/status; "unknown" elsewhere. */
    private static String peakResidentMemory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("unknown");
    }

    /** Samples the used heap every 20 ms and keeps the most seen. */
    private static final class ScheduledHeapPeak {
        private final AtomicLong peak;
        private final java.util.concurrent.ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "flood-bench-heap");
                    t.setDaemon(true);
                    return t;
                });

        ScheduledHeapPeak(AtomicLong peak) {
            this.peak = peak;
        }

        void start() {
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
