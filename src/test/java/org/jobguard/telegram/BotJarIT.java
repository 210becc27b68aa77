package org.jobguard.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real jar, started the way the README says (with a token and {@code TELEGRAM_API_URL}), against the fake
 * Bot API over real HTTP: forwarded ads answered end to end, nothing identifying written anywhere, and a
 * kill -9 in the middle of a burst loses no answered report.
 */
class BotJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target/jobguard.jar").toAbsolutePath();

    @TempDir
    Path work;
    private FakeBotApi api;
    private Process process;
    private Path stdout;
    private Path stderr;

    @BeforeEach
    void startFakeApi() throws IOException {
        api = FakeBotApi.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        api.close();
    }

    private void startJar() throws IOException {
        startJar(Map.of());
    }

    private void startJar(Map<String, String> extraEnv) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder(org.jobguard.ReadmeRunCommand.command(JAR, "-Djava.io.tmpdir=" + tmp))
                .directory(Path.of(".").toFile());
        Map<String, String> env = pb.environment();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", api.url().toString());
        env.put("JOBGUARD_PORT", "0");
        env.put("JOBGUARD_DATA_DIR", work.resolve("data").toString());
        env.put("JOBGUARD_HMAC_SECRET", "integration-test-secret-0123456789");
        env.putAll(extraEnv);
        stdout = work.resolve("stdout-" + System.nanoTime() + ".log");
        stderr = work.resolve("stderr-" + System.nanoTime() + ".log");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        process = pb.start();
    }

    private static ObjectNode message(long userId, String firstName, String username, String text) {
        ObjectNode m = JSON.createObjectNode().put("message_id", Updates.nextMessageId()).put("date", 1_764_000_000)
                .put("text", text);
        m.putObject("chat").put("id", userId).put("type", "private").put("first_name", firstName);
        m.set("from", Updates.user(userId, firstName, username, "zh-hans"));
        return Updates.wrap("message", m);
    }

    @Test
    void answersForwardedOffersInEachLanguageWithQuotedEvidence() throws Exception {
        startJar();
        api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(90));
        long zh = 40_001;
        api.push(Updates.forwarded(zh, "高薪招聘客服，包机票，到了再签合同，妙 瓦 底，加TG联系",
                Updates.originChannel("Overseas Jobs Channel")));
        FakeBotApi.Call reply = api.await(c -> c.method().equals("sendMessage") && c.chatId() == zh, 1,
                Duration.ofSeconds(30)).get(0);
        assertTrue(reply.text().contains("高风险"), reply.text());
        assertTrue(reply.text().contains("到了再签合同"), reply.text());
        assertFalse(reply.text().contains("Overseas Jobs Channel"), "never names the forward source");

        long en = 40_002;
        api.push(Updates.text(en, "Teach Chinese cooking in Myawaddy, double pay, nothing illegal, we pay the ticket"));
        FakeBotApi.Call enReply = api.await(c -> c.method().equals("sendMessage") && c.chatId() == en, 1,
                Duration.ofSeconds(30)).get(0);
        assertTrue(enReply.text().contains("High risk"), enReply.text());
        assertTrue(enReply.text().contains("Myawaddy"), enReply.text());

        long hant = 40_003;
        api.push(Updates.text(hant, "高薪誠聘，包機票，到了再簽合同，護照由公司保管"));
        FakeBotApi.Call hantReply = api.await(c -> c.method().equals("sendMessage") && c.chatId() == hant, 1,
                Duration.ofSeconds(30)).get(0);
        assertTrue(hantReply.text().contains("高風險"), hantReply.text());
        api.awaitAllConfirmed(Duration.ofSeconds(30));
    }

    @Test
    void nothingIdentifyingReachesTheDatabaseLogsOrTempFiles() throws Exception {
        startJar();
        api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(90));
        long userId = 987_654_321_777L;
        String firstName = "Plantedfirstname";
        String username = "planted_username_x";
        String phone = "+95 9 123 456 789";
        String email = "planted.victim@example.com";
        String handle = "@planted_recruiter_z";
        String ad = "高薪招聘客服，包机票，到了再签合同，妙瓦底。联系 " + phone + " 或 " + email + " 或 " + handle
                + "，护照由公司保管";
        api.push(message(userId, firstName, username, ad));
        api.push(message(userId, firstName, username, "Teach cooking in Myawaddy, nothing illegal, call " + phone));
        api.await(c -> c.method().equals("sendMessage") && c.chatId() == userId, 2, Duration.ofSeconds(30));
        api.awaitAllConfirmed(Duration.ofSeconds(30));
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");

        List<String> planted = List.of(Long.toString(userId), firstName, username, "123456789", "9123456789",
                email, "planted_recruiter_z", "planted.victim");
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String p : planted) {
                    if (content.contains(new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        hits.add(work.relativize(f) + " contains " + p);
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("data/jobguard.db"));
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM pattern")) {
            r.next();
            assertEquals(2, r.getInt(1), "both flagged messages are stored, redacted");
        }
    }

    @Test
    void killMinusNineMidBurstLosesNoAnsweredReport() throws Exception {
        startJar();
        api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(90));
        int count = 1_000;
        Map<Long, String> markerByChat = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long chat = 500_000L + i;
            String marker = marker(i);
            markerByChat.put(chat, marker);
            api.push(Updates.text(chat, "招聘 " + marker + " 客服，包机票，到了再签合同，护照由公司保管，妙瓦底"));
        }
        api.await(c -> c.method().equals("sendMessage"), 300, Duration.ofSeconds(120));
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        Set<String> answered = new HashSet<>();
        for (FakeBotApi.Call c : api.calls("sendMessage")) {
            if (markerByChat.containsKey(c.chatId())) {
                answered.add(markerByChat.get(c.chatId()));
            }
        }
        assertTrue(answered.size() >= 300, "answered " + answered.size());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("data/jobguard.db"));
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertEquals("ok", r.getString(1));
        }

        // the killed instance's database opens again and the bot carries on where the acknowledgements stopped:
        // an update answered but killed before its pattern was stored was not acknowledged, so it comes again
        startJar();
        api.await(c -> c.method().equals("sendMessage"), count, Duration.ofSeconds(240));
        api.awaitAllConfirmed(Duration.ofSeconds(60));
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("data/jobguard.db"));
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT redacted_text FROM pattern")) {
            while (r.next()) {
                String text = r.getString(1);
                int at = text.indexOf("zq");
                if (at >= 0) {
                    stored.add(text.substring(at, Math.min(text.length(), at + 5)));
                }
            }
        }
        Set<String> lost = new HashSet<>(markerByChat.values());
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged but not stored");
    }

    /**
     * Webhook mode as the README sets it up: no polling, the webhook registered with a secret derived from the HMAC
     * secret, and a forwarded offer posted to the web port with that secret answered at the Bot API before the post
     * gets its 200. SIGTERM leaves the webhook registered.
     */
    @Test
    void webhookModeAnswersAForwardedOfferPostedToTheWebPort() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        startJar(Map.of("JOBGUARD_WEBHOOK_URL", "https://bot.example.org/tg/hook", "JOBGUARD_PORT",
                Integer.toString(port)));
        FakeBotApi.Call set = api.awaitOne("setWebhook", Duration.ofSeconds(90));
        api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(30));
        assertEquals("https://bot.example.org/tg/hook", set.body().path("url").asText());
        String secret = set.body().path("secret_token").asText();
        assertTrue(secret.matches("[A-Za-z0-9_-]{16,256}"), "a derived secret is set");

        long user = 40_100;
        ObjectNode update = Updates.forwarded(user, "高薪招聘客服，包机票，到了再签合同，妙 瓦 底，加TG联系",
                Updates.originChannel("Overseas Jobs Channel")).put("update_id", 777_001);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest.Builder post = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/tg/hook"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(update.toString()));
        // the web server starts while the bot registers the webhook: until it listens a connection is refused,
        // and until the bot is ready a post gets 503 (Telegram retries both)
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            try {
                status = http.send(post.copy().header("X-Telegram-Bot-Api-Secret-Token", secret).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.net.ConnectException notListeningYet) {
                status = 0;
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status);
        List<FakeBotApi.Call> replies = api.calls("sendMessage").stream().filter(c -> c.chatId() == user).toList();
        assertEquals(1, replies.size(), "answered before the post got its 200");
        assertTrue(replies.get(0).text().contains("高风险") && replies.get(0).text().contains("到了再签合同"),
                replies.get(0).text());
        assertFalse(replies.get(0).text().contains("Overseas Jobs Channel"));
        assertEquals(401, http.send(post.copy().header("X-Telegram-Bot-Api-Secret-Token", secret + "x").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(List.of(), api.calls("getUpdates"), "no polling in webhook mode");

        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
        assertEquals(List.of(), api.calls("deleteWebhook"), "the webhook stays set while the bot is down");
        String out = Files.readString(stdout) + Files.readString(stderr);
        assertTrue(out.contains("webhook mode"), "the log says which mode");
        assertFalse(out.contains(secret), "the secret is never logged");
        assertFalse(out.contains("妙") || out.contains(Long.toString(user)), "no message text or ids in the log");
    }

    /** A letters-only marker ("zqaab"): survives normalizing and redaction, unlike digits. */
    private static String marker(int i) {
        return "zq" + (char) ('a' + i / 676) + (char) ('a' + (i / 26) % 26) + (char) ('a' + i % 26);
    }
}
