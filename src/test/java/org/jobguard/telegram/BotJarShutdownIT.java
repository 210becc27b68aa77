package org.jobguard.telegram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real jar under a steady stream and then a SIGTERM: it survives a 429, ignores group and channel posts,
 * and on SIGTERM stops with every acknowledged update answered. Prints start-up time, latency over 300
 * updates and the process's resident memory under that load ({@link BotJarIT} covers the rest end to end).
 */
class BotJarShutdownIT {
    private static final Path JAR = Path.of("target/jobguard.jar").toAbsolutePath();

    @Test
    void theJarAnswersForwardedOffersAndStopsCleanly(@TempDir Path work) throws Exception {
        try (FakeBotApi api = FakeBotApi.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
            env.put("TELEGRAM_API_URL", api.url().toString());
            env.put("JOBGUARD_HMAC_SECRET", "jar-test-secret-0123456789");
            env.put("JOBGUARD_DATA_DIR", work.resolve("data").toString());
            env.put("JOBGUARD_PORT", "0");
            // started as README.md says; -Djobguard.it.jvm="..." tries other JVM options for the figures
            String override = System.getProperty("jobguard.it.jvm");
            List<String> jvmOptions = override == null ? org.jobguard.ReadmeRunCommand.jvmOptions()
                    : override.isBlank() ? List.of() : List.of(override.trim().split("\\s+"));
            String jvm = String.join(" ", jvmOptions);
            ProcessBuilder pb = new ProcessBuilder(org.jobguard.ReadmeRunCommand.command(JAR, jvmOptions))
                    .directory(work.toFile());
            pb.environment().putAll(env);
            Path log = work.resolve("jar.log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            long started = System.nanoTime();
            Process jar = pb.start();
            try {
                api.await(c -> c.method().equals("getUpdates"), 1, Duration.ofSeconds(120));
                long startupMillis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(2, api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(30)).size());

                long user = 4_200_001;
                FakeBotApi.Call en = reply(api, Updates.forwarded(user, UpdateKindsTest.SCAM_EN,
                        Updates.originHiddenUser("Agent")), 1);
                assertTrue(en.text().contains("High risk") && en.text().contains("“<i>Myawaddy</i>”"), en.text());
                assertTrue(en.text().contains("hides their account"), en.text());
                api.fail("sendMessage", 1, 429, 1);
                FakeBotApi.Call hans = reply(api, Updates.forwarded(user + 1, UpdateKindsTest.SCAM_HANS,
                        Updates.originChannel("招聘频道")), 2);
                assertTrue(hans.text().contains("高风险") && hans.text().contains("妙瓦底"), hans.text());
                FakeBotApi.Call hant = reply(api, Updates.forwarded(user + 2, UpdateKindsTest.SCAM_HANT,
                        Updates.originChat("工作群")), 1);
                assertTrue(hant.text().contains("高風險") && hant.text().contains("「<i>妙瓦底</i>」"), hant.text());

                int before = api.calls("sendMessage").size();
                api.push(Updates.group(user + 3, UpdateKindsTest.SCAM_EN, null, 0));
                api.push(Updates.channelPost(UpdateKindsTest.SCAM_HANS));

                Burst cold = burst(api, jar, 5_000_000);
                api.awaitAllConfirmed(Duration.ofSeconds(20));
                assertEquals(before + 300, api.calls("sendMessage").size(), "the group and channel posts got nothing");

                // the same burst again on a JVM that has compiled its hot paths: what a long-running bot sees
                Burst warm = burst(api, jar, 5_500_000);
                long rssAfterMb = Math.max(cold.rssMb(), warm.rssMb());
                api.awaitAllConfirmed(Duration.ofSeconds(20));

                // SIGTERM in the middle of a burst: whatever Telegram was told is done must have been answered
                Map<Long, Long> chatByUpdate = new HashMap<>();
                for (int i = 0; i < 200; i++) {
                    long u = 6_000_000 + i;
                    chatByUpdate.put(api.push(Updates.text(u, UpdateKindsTest.SCAM_EN)), u);
                }
                api.await(c -> c.method().equals("sendMessage") && c.chatId() >= 6_000_000, 20,
                        Duration.ofSeconds(30));
                jar.destroy();
                assertTrue(jar.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
                java.util.Set<Long> answered = new java.util.HashSet<>();
                api.calls("sendMessage").forEach(c -> answered.add(c.chatId()));
                long confirmed = api.confirmedOffset();
                chatByUpdate.forEach((update, chat) -> assertTrue(update >= confirmed || answered.contains(chat),
                        "update " + update + " acknowledged without an answer"));
                System.out.printf("jar [" + jvm + "]: start-up to first getUpdates %d ms; 300 updates 5 ms apart: p50 %.1f ms,"
                                + " p99 %.1f ms; again, warm: p50 %.1f ms, p99 %.1f ms; RSS under bursts %d MB;"
                                + " CPU %d / %d ms and getUpdates %d / %d times per burst (cold / warm);"
                                + " SIGTERM after %d of 200 answered%n",
                        startupMillis, cold.percentile(0.5), cold.percentile(0.99), warm.percentile(0.5),
                        warm.percentile(0.99), rssAfterMb, cold.cpuMillis(), warm.cpuMillis(), cold.polls(),
                        warm.polls(),
                        chatByUpdate.values().stream().filter(answered::contains).count());
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertFalse(output.contains("妙瓦底") || output.contains("Myawaddy") || output.contains("4200001"),
                        "no message text or ids in the log");
            } finally {
                jar.destroyForcibly();
            }
        }
    }

    /**
     * Update-to-reply times of one burst, sorted; the most memory the jar used during it; the CPU time it
     * spent (its threads, compilers and collector) and how often it called getUpdates meanwhile.
     */
    private record Burst(double[] millis, long rssMb, long cpuMillis, int polls) {
        double percentile(double p) {
            return p == 0.5 ? millis[millis.length / 2] : millis[(int) Math.ceil(millis.length * p) - 1];
        }
    }

    /** 300 flagged texts from new users, 5 ms apart, each answered once. */
    private static Burst burst(FakeBotApi api, Process jar, long firstUser) throws Exception {
        Duration cpuBefore = cpu(jar);
        int pollsBefore = api.calls("getUpdates").size();
        Map<Long, Long> pushed = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            long u = firstUser + i;
            Thread.sleep(5);
            pushed.put(u, api.pushedAt(api.push(Updates.text(u, UpdateKindsTest.SCAM_HANS))));
        }
        long rssMb = rssMegabytes(jar.pid());
        double[] millis = api.await(c -> c.method().equals("sendMessage") && pushed.containsKey(c.chatId()), 300,
                        Duration.ofSeconds(60)).stream()
                .mapToDouble(c -> (c.nanos() - pushed.get(c.chatId())) / 1e6).sorted().toArray();
        return new Burst(millis, Math.max(rssMb, rssMegabytes(jar.pid())), cpu(jar).minus(cpuBefore).toMillis(),
                api.calls("getUpdates").size() - pollsBefore);
    }

    /** @param attempts sendMessage calls expected for this reply (2 when the first one gets a 429) */
    private static FakeBotApi.Call reply(FakeBotApi api, com.fasterxml.jackson.databind.node.ObjectNode update,
                                         int attempts) throws InterruptedException {
        long chat = update.path("message").path("chat").path("id").asLong();
        api.push(update);
        List<FakeBotApi.Call> sent = api.await(c -> c.method().equals("sendMessage") && c.chatId() == chat,
                attempts, Duration.ofSeconds(20));
        return sent.get(attempts - 1);
    }

    private static Duration cpu(Process jar) {
        return jar.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long rssMegabytes(long pid) throws java.io.IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Arrays.stream(Files.readString(status).split("\n")).filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(-1) / 1024;
    }
}
