package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jobguard.App;
import org.jobguard.config.ConfigException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The build's training run for the JVM's class-data archive: started with {@code -XX:ArchiveClassesAtExit}, it
 * runs the service in polling mode against a stand-in Bot API on loopback, has it answer one update of each kind
 * it reads, fetches the try-it and login pages, and stops. The JVM then writes every class it loaded, parsed and
 * verified, to the archive that README's run command maps with {@code -XX:SharedArchiveFile}: the service no
 * longer reads and verifies several thousand classes from the jar at each start, nor on its first replies. A
 * service that cannot start or answer fails the build; a broken configuration file only skips the training.
 */
public final class ClassArchiveTraining {
    private static final long WAIT_SECONDS = 120;

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        // exits the JVM, which is when the archive is written; a lingering non-daemon thread would otherwise hold it
        System.exit(train(System.getenv(), System.out));
    }

    /**
     * Runs the service through the training updates and pages; a broken configuration file only skips the
     * training (the archive is an optimisation), so that the service itself reports it at start.
     *
     * @param environment where {@code JOBGUARD_HOME} (the config directory's parent) is read from
     * @return the exit code: 0, as anything else is thrown
     */
    static int train(Map<String, String> environment, PrintStream out) throws Exception {
        ArrayNode updates = (ArrayNode) LoopbackBotApi.JSON.readTree(resource("class-archive-updates.json"));
        long lastUpdate = updates.get(updates.size() - 1).path("update_id").asLong();
        Path data = Files.createTempDirectory("jobguard-archive-training");
        StandInBotApi api = new StandInBotApi(updates, lastUpdate);
        // the service's log lines would read as a service started by the build; they are shown only on a failure
        PrintStream console = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        boolean done = false;
        try {
            Map<String, String> env = new HashMap<>();
            if (environment.containsKey("JOBGUARD_HOME")) {
                env.put("JOBGUARD_HOME", environment.get("JOBGUARD_HOME"));
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            env.put("TELEGRAM_BOT_TOKEN", "0:archive-training");
            env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.port());
            env.put("JOBGUARD_HMAC_SECRET", HexFormat.of().formatHex(secret));
            env.put("JOBGUARD_DATA_DIR", data.toString());
            env.put("JOBGUARD_PORT", "0");
            App app;
            try {
                app = App.start(env, Clock.systemDefaultZone());
            } catch (ConfigException e) {
                out.println("class-archive training skipped: " + e.getMessage());
                done = true;
                return 0;
            }
            try {
                if (!api.allAcknowledged.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the service did not acknowledge the training updates");
                }
                if (api.replies.get() == 0) {
                    throw new IllegalStateException("the service answered none of the training updates");
                }
                String web = "http://127.0.0.1:" + app.port();
                get(web + "/");
                post(web + "/", "text=" + URLEncoder.encode(updates.get(0).path("message").path("text").asText(),
                        StandardCharsets.UTF_8));
                get(web + "/contacts?location=" + URLEncoder.encode("妙瓦底", StandardCharsets.UTF_8));
                get(web + "/admin/login");
                get(web + "/health");
            } finally {
                app.close();
            }
            // the build's output stays quiet unless something is wrong: a newcomer reads any line there as a failure
            unexpectedReplies(api.replies.get(), updates).ifPresent(out::println);
            done = true;
            return 0;
        } finally {
            System.setErr(console);
            if (!done) {
                console.print(log.toString(StandardCharsets.UTF_8));
            }
            api.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A line saying what went wrong when the service did not answer the training updates as it should, or
     * nothing. Every update gets one reply except a message in a group that does not address the bot: the bot
     * stays silent in groups unless addressed, and the training has one such message so that the archive holds
     * the classes of that path too (so 19 replies to the 20 training updates is right).
     */
    static Optional<String> unexpectedReplies(int replies, ArrayNode updates) {
        int silentByDesign = 0;
        for (JsonNode update : updates) {
            String chatType = update.path("message").path("chat").path("type").asText();
            if (chatType.equals("group") || chatType.equals("supergroup")) {
                silentByDesign++;
            }
        }
        int expected = updates.size() - silentByDesign;
        if (replies == expected) {
            return Optional.empty();
        }
        return Optional.of("class-archive training: " + replies + " replies to " + updates.size() + " updates, expected "
                + expected + " (one to each but the " + silentByDesign + " group messages not addressed to the bot); "
                + "the archive holds fewer of the classes the service uses");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ClassArchiveTraining.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    private static void get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        drain(c);
    }

    private static void post(String url, String form) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        drain(c);
    }

    private static void drain(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status >= 500) {
            throw new IllegalStateException(c.getURL().getPath() + " answered " + status);
        }
    }

    /** Just enough of the Bot API for the service's start-up and replies; it hands out the updates once. */
    private static final class StandInBotApi extends LoopbackBotApi {
        private final ArrayNode updates;
        private final long lastUpdate;
        final AtomicInteger replies = new AtomicInteger();
        final CountDownLatch allAcknowledged = new CountDownLatch(1);

        StandInBotApi(ArrayNode updates, long lastUpdate) throws IOException {
            super("jobguard_training_bot", 0);
            this.updates = updates;
            this.lastUpdate = lastUpdate;
        }

        @Override
        void replied(long chat) {
            replies.incrementAndGet();
        }

        @Override
        ArrayNode updates(JsonNode request) throws InterruptedException {
            long offset = request.path("offset").asLong(0);
            if (offset > lastUpdate) {
                allAcknowledged.countDown();
            }
            ArrayNode pending = JSON.createArrayNode();
            updates.forEach(u -> {
                if (u.path("update_id").asLong() >= offset) {
                    pending.add(u);
                }
            });
            if (pending.isEmpty()) {
                // a long poll with nothing to deliver, shortened: the training has no one to wait for
                Thread.sleep(50);
            }
            return pending;
        }
    }
}
