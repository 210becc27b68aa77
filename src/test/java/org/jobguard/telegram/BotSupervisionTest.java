package org.jobguard.telegram;

import org.jobguard.CapturedLog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a fake Bot API on real HTTP: a failed update is not acknowledged (polling) or answered 500 (webhook), so it
 * comes again, and a stalled poll shows in health.
 */
class BotSupervisionTest {
    private static final String FLAGGED = "高薪招聘客服，包机票，到了再签合同，护照公司保管，地点妙瓦底。";

    @Test
    void anUpdateWhoseStoringFailedIsHandledAgainStoredAndAnsweredOnce() throws Exception {
        try (BotHarness h = new BotHarness()) {
            h.failingRecords.set(UpdatePoller.ATTEMPTS - 1);
            h.api.push(Updates.text(701, FLAGGED));
            BotHarness.Recorded stored = h.recorded(0);
            assertEquals(org.jobguard.checker.Risk.HIGH, stored.risk());
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertEquals(1, h.api.calls("sendMessage").size(), "answered once, however often it was handled");
            Map<String, Long> events = h.bot().counters().events();
            assertEquals(UpdatePoller.ATTEMPTS - 1, events.get("event=\"update_failed\""));
            assertEquals(0, events.get("event=\"update_skipped\""));
        }
    }

    @Test
    void anUpdateThatKeepsFailingIsSkippedAfterThreeAttemptsAndCounted() throws Exception {
        try (CapturedLog log = CapturedLog.start(); BotHarness h = new BotHarness()) {
            h.failingRecords.set(1_000);
            h.api.push(Updates.text(702, FLAGGED));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertEquals(0, h.recorded.size());
            Map<String, Long> events = h.bot().counters().events();
            assertEquals(UpdatePoller.ATTEMPTS, events.get("event=\"update_failed\""));
            assertEquals(1, events.get("event=\"update_skipped\""), "skipped once, not retried for ever");
            assertEquals(1, log.errors().size(), "logged once: " + log.errors());
            assertTrue(log.errors().get(0).contains("Update skipped after 3 failed attempts"), log.errors().get(0));
            h.failingRecords.set(0);
            h.api.push(Updates.text(703, FLAGGED + " 第二条"));
            h.recorded(0);
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
        }
    }

    @Test
    void inWebhookModeAnUpdateWhoseStoringFailedIsAnsweredNon200SoTelegramSendsItAgainAndItIsAnsweredOnce()
            throws Exception {
        try (BotHarness h = webhookBot()) {
            WebhookReceiver hook = h.bot().webhook().orElseThrow();
            h.failingRecords.set(UpdatePoller.ATTEMPTS - 1);
            byte[] update = Updates.text(711, FLAGGED).put("update_id", 9_001).toString().getBytes(UTF_8);
            assertEquals(WebhookReceiver.FAILED, hook.receive(update), "not stored: Telegram must deliver it again");
            assertEquals(WebhookReceiver.FAILED, hook.receive(update), "the redelivery is handled again");
            assertEquals(WebhookReceiver.OK, hook.receive(update));
            assertEquals(1, h.recorded.size(), "stored on the third delivery");
            assertEquals(1, h.api.calls("sendMessage").size(), "answered once, however often it was delivered");
            assertEquals(WebhookReceiver.OK, hook.receive(update), "a repeat after success is not handled again");
            assertEquals(1, h.recorded.size());
            Map<String, Long> events = h.bot().counters().events();
            assertEquals(UpdatePoller.ATTEMPTS - 1, events.get("event=\"update_failed\""));
            assertEquals(0, events.get("event=\"update_skipped\""));
        }
    }

    @Test
    void inWebhookModeAnUpdateThatKeepsFailingIsSkippedAfterThreeDeliveriesAndCounted() throws Exception {
        try (CapturedLog log = CapturedLog.start(); BotHarness h = webhookBot()) {
            WebhookReceiver hook = h.bot().webhook().orElseThrow();
            h.failingRecords.set(1_000);
            byte[] update = Updates.text(712, FLAGGED).put("update_id", 9_002).toString().getBytes(UTF_8);
            for (int attempt = 1; attempt < UpdatePoller.ATTEMPTS; attempt++) {
                assertEquals(WebhookReceiver.FAILED, hook.receive(update), "attempt " + attempt);
            }
            assertEquals(WebhookReceiver.OK, hook.receive(update), "skipped: Telegram must stop sending it");
            assertEquals(0, h.recorded.size());
            Map<String, Long> events = h.bot().counters().events();
            assertEquals(UpdatePoller.ATTEMPTS, events.get("event=\"update_failed\""));
            assertEquals(1, events.get("event=\"update_skipped\""), "skipped once, not retried for ever");
            assertEquals(1, log.errors().size(), "logged once: " + log.errors());
            assertTrue(log.errors().get(0).contains("Update skipped after 3 failed attempt(s)"), log.errors().get(0));

            h.failingRecords.set(0);
            byte[] next = Updates.text(713, FLAGGED + " 第二条").put("update_id", 9_003).toString().getBytes(UTF_8);
            assertEquals(WebhookReceiver.OK, hook.receive(next), "the next update is handled as usual");
            assertEquals(1, h.recorded.size());
        }
    }

    private static BotHarness webhookBot() throws Exception {
        return new BotHarness(s -> s.withWebhook(new WebhookSettings(URI.create("https://bot.example.org/tg/hook"),
                "webhook-secret-0123456789")), BotHarness.CHECKER::check);
    }

    @Test
    void pollingThatHasNotSucceededForAMinuteIsAProblem() throws Exception {
        org.jobguard.MutableClock clock = new org.jobguard.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (BotHarness h = new BotHarness(s -> s, BotHarness.CHECKER::check, clock)) {
            h.reply(Updates.text(704, "hello"));
            assertEquals(Optional.empty(), h.bot().counters().problem());
            h.api.fail("getUpdates", 1_000, 500, null);
            // the poll in progress may still succeed once after the faults are set
            Thread.sleep(300);
            clock.advance(Duration.ofSeconds(61));
            assertEquals(Optional.of("telegram polling failing"), h.bot().counters().problem());
            h.api.clearFaults();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (h.bot().counters().problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(Optional.empty(), h.bot().counters().problem(), "healthy again once a poll succeeds");
        }
    }
}
