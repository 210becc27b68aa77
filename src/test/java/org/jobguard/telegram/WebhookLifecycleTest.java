package org.jobguard.telegram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starting and stopping in webhook mode. Stopping (SIGTERM runs the same {@code App.close()}): new posts get 503
 * so that Telegram keeps them, the update in flight is finished and acknowledged, and the webhook stays registered.
 */
class WebhookLifecycleTest {

    @Test
    void aWebhookUrlTelegramRefusesStopsTheStartNamingTheVariable(@TempDir Path data) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new WebhookBot(data, fake -> fake.fail("setWebhook", 1, 400, null)));
        assertTrue(e.getMessage().contains("JOBGUARD_WEBHOOK_URL"), e.getMessage());
        assertFalse(e.getMessage().contains(WebhookBot.SECRET));
    }

    @Test
    void stoppingRefusesNewPostsFinishesTheOneInFlightAndKeepsTheWebhook(@TempDir Path data) throws Exception {
        WebhookBot bot = new WebhookBot(data);
        CompletableFuture<Void> stopping = null;
        try {
            // the reply waits out a 429 with retry_after 2 s, so the update is still in flight when the stop begins
            bot.api.fail("sendMessage", 1, 429, 2);
            long user = 90_001;
            CompletableFuture<HttpResponse<Void>> inFlight =
                    bot.deliverAsync(bot.numbered(Updates.text(user, UpdateKindsTest.SCAM_EN)));
            bot.api.awaitOne("sendMessage", Duration.ofSeconds(10));

            stopping = CompletableFuture.runAsync(bot.app::close);
            Thread.sleep(300);
            assertEquals(503, bot.deliver(bot.numbered(Updates.text(user + 1, UpdateKindsTest.SCAM_HANS))),
                    "a post during the stop is refused so that Telegram sends it again later");

            assertEquals(200, inFlight.get(20, TimeUnit.SECONDS).statusCode(), "the update in flight is finished");
            List<FakeBotApi.Call> sent = bot.api.calls("sendMessage");
            assertEquals(2, sent.size(), "the 429'd reply and its retry; nothing for the refused post");
            assertTrue(sent.stream().allMatch(c -> c.chatId() == user));
            stopping.get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), bot.api.calls("deleteWebhook"), "Telegram keeps updates queued while we are down");
        } finally {
            if (stopping != null) {
                stopping.get(30, TimeUnit.SECONDS);
            }
            bot.close();
        }
    }
}
