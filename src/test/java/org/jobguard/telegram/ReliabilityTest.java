package org.jobguard.telegram;

import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Severity;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, exactly-once delivery under bursts and restarts, and isolation of slow chats. */
class ReliabilityTest {
    private static final Pattern SEQ = Pattern.compile("seq-(\\d+)-(\\d+)");

    /** Quotes the whole text as evidence, so each reply names the update it answers. */
    static Verdict echo(String text, Optional<Language> forced) {
        RedFlag flag = new RedFlag("test.echo", Category.VAGUE_JOB, Severity.WEAK, text, 0,
                text.codePointCount(0, text.length()), "flag.vague_job");
        return new Verdict(Risk.LOW, 30, 0.3, Language.EN, Verdict.Kind.MESSAGE, List.of(flag), List.of(), List.of(),
                List.of(), null, List.of(), List.of());
    }

    @Test
    void a429IsRetriedAfterRetryAfterAndTheReplyArrivesOnce() throws Exception {
        try (BotHarness h = new BotHarness(s -> s, ReliabilityTest::echo)) {
            h.api.fail("sendMessage", 1, 429, 1);
            h.api.push(Updates.text(501, "seq-501-1"));
            List<FakeBotApi.Call> calls = h.api.await(c -> c.method().equals("sendMessage"), 2, Duration.ofSeconds(10));
            long gapMillis = (calls.get(1).nanos() - calls.get(0).nanos()) / 1_000_000;
            assertTrue(gapMillis >= 950, "waited " + gapMillis + " ms for retry_after=1");
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertEquals(2, h.api.calls("sendMessage").size(), "one refused, one delivered, no duplicate");
        }
    }

    @Test
    void serverErrorsBrokenAnswersAndDroppedConnectionsAreRetried() throws Exception {
        try (BotHarness h = new BotHarness(s -> s, ReliabilityTest::echo)) {
            h.api.fail("sendMessage", 1, 500, null);
            h.api.fail("sendMessage", 1, 502, null);
            h.api.fail("sendMessage", 1, FakeBotApi.DROP_CONNECTION, null);
            h.api.push(Updates.text(502, "seq-502-1"));
            List<FakeBotApi.Call> calls = h.api.await(c -> c.method().equals("sendMessage"), 4, Duration.ofSeconds(20));
            assertTrue(calls.get(3).text().contains("seq-502-1"));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertEquals(4, h.api.calls("sendMessage").size());
        }
    }

    @Test
    void aReplyTelegramCannotParseIsSentAgainAsPlainText() throws Exception {
        try (BotHarness h = new BotHarness(s -> s, ReliabilityTest::echo)) {
            h.api.fail("sendMessage", 1, 400, null);
            h.api.push(Updates.text(504, "seq-504-1 <b>&"));
            List<FakeBotApi.Call> calls = h.api.await(c -> c.method().equals("sendMessage"), 2, Duration.ofSeconds(10));
            assertEquals("HTML", calls.get(0).body().path("parse_mode").asText());
            assertTrue(calls.get(1).body().path("parse_mode").isMissingNode());
            assertTrue(calls.get(1).text().contains("seq-504-1 <b>&"), "user text as written: " + calls.get(1).text());
            assertTrue(!calls.get(1).text().contains("<i>"), "no markup left: " + calls.get(1).text());
        }
    }

    @Test
    void pollingSurvivesErrorsAndKeepsGoing() throws Exception {
        try (BotHarness h = new BotHarness(s -> s, ReliabilityTest::echo)) {
            h.api.fail("getUpdates", 2, 500, null);
            h.api.fail("getUpdates", 1, FakeBotApi.DROP_CONNECTION, null);
            h.api.fail("getUpdates", 1, 429, 1);
            h.api.push(Updates.text(503, "seq-503-1"));
            FakeBotApi.Call reply = h.api.awaitOne("sendMessage", Duration.ofSeconds(20));
            assertTrue(reply.text().contains("seq-503-1"));
        }
    }

    @Test
    void aBurstOf2000UpdatesFrom200UsersIsAnsweredExactlyOnceInOrderPerChat() throws Exception {
        try (BotHarness h = new BotHarness(s -> s.withRateLimit(1000), ReliabilityTest::echo)) {
            pushBurst(h, 200, 10, 0);
            h.api.await(c -> c.method().equals("sendMessage"), 2000, Duration.ofSeconds(60));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertExactlyOnceInOrder(h.api.calls("sendMessage"), 200, 10);
        }
    }

    @Test
    void aBotRestartedMidBurstContinuesFromTheRightOffset() throws Exception {
        try (BotHarness h = new BotHarness(s -> s.withRateLimit(1000), ReliabilityTest::echo)) {
            pushBurst(h, 60, 10, 0);
            h.api.await(c -> c.method().equals("sendMessage"), 150, Duration.ofSeconds(30));
            h.stopBot();
            int answeredBeforeRestart = h.api.calls("sendMessage").size();
            assertTrue(answeredBeforeRestart < 600, "stopped mid-burst: " + answeredBeforeRestart);
            assertEquals(answeredBeforeRestart + 1, h.api.confirmedOffset(),
                    "exactly the answered updates are acknowledged");
            h.startBot();
            h.api.await(c -> c.method().equals("sendMessage"), 600, Duration.ofSeconds(30));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertExactlyOnceInOrder(h.api.calls("sendMessage"), 60, 10);
        }
    }

    @Test
    void aSlowUpdateHoldsUpOnlyItsOwnChatAndIsNotAcknowledgedEarly() throws Exception {
        TextChecker slowForOne = (text, lang) -> {
            if (text.startsWith("seq-700-")) {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return echo(text, lang);
        };
        try (BotHarness h = new BotHarness(s -> s, slowForOne)) {
            long slowId = h.api.push(Updates.text(700, "seq-700-1"));
            h.api.push(Updates.text(700, "seq-700-2"));
            for (int u = 701; u <= 720; u++) {
                h.api.push(Updates.text(u, "seq-" + u + "-1"));
            }
            long start = System.nanoTime();
            h.api.await(c -> c.method().equals("sendMessage") && c.chatId() != 700, 20, Duration.ofSeconds(10));
            long othersMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(othersMillis < 2000, "other chats answered in " + othersMillis + " ms");
            assertTrue(h.api.calls("sendMessage").stream().noneMatch(c -> c.chatId() == 700));
            assertTrue(h.api.confirmedOffset() <= slowId, "the slow update is not acknowledged before it is done");
            List<FakeBotApi.Call> slow = h.api.await(c -> c.method().equals("sendMessage") && c.chatId() == 700, 2,
                    Duration.ofSeconds(10));
            assertTrue(slow.get(0).text().contains("seq-700-1") && slow.get(1).text().contains("seq-700-2"));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
        }
    }

    @Test
    void theRateLimitWarnsOnceThenStaysQuiet() throws Exception {
        try (BotHarness h = new BotHarness(s -> s.withRateLimit(3), ReliabilityTest::echo)) {
            for (int i = 1; i <= 6; i++) {
                h.api.push(Updates.text(800, "seq-800-" + i));
            }
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            List<FakeBotApi.Call> sent = h.api.calls("sendMessage");
            assertEquals(4, sent.size());
            assertTrue(sent.get(3).text().contains("wait a minute"), sent.get(3).text());
        }
    }

    static void pushBurst(BotHarness h, int users, int perUser, int firstUser) {
        for (int i = 1; i <= perUser; i++) {
            for (int u = 0; u < users; u++) {
                long user = 100_000 + firstUser + u;
                h.api.push(Updates.text(user, "seq-" + user + "-" + i));
            }
        }
    }

    static void assertExactlyOnceInOrder(List<FakeBotApi.Call> sent, int users, int perUser) {
        Map<Long, List<Integer>> byChat = new HashMap<>();
        for (FakeBotApi.Call c : sent) {
            Matcher m = SEQ.matcher(c.text());
            assertTrue(m.find(), c.text());
            assertEquals(c.chatId(), Long.parseLong(m.group(1)), "answered in the right chat");
            byChat.computeIfAbsent(c.chatId(), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
        }
        assertEquals(users, byChat.size());
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= perUser; i++) {
            expected.add(i);
        }
        byChat.forEach((chat, seqs) -> assertEquals(expected, seqs, "chat " + chat));
    }
}
