package org.jobguard.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.patterns.PostgresCluster;
import org.jobguard.patterns.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the bot in webhook mode, wired by App from the environment as in production, on one PostgreSQL
 * store and one (fake) Telegram: whichever instance a post reaches, an update is answered once, a /lang holds, an
 * edit updates the reply the other instance sent, and /privacy says where the choices are kept.
 */
class SharedStateAcrossInstancesTest {
    private static final String SCAM = "Customer service job in Myawaddy, high pay, no experience needed, free flight. "
            + "The company will keep your passport.";
    private static final AtomicLong USERS = new AtomicLong(90_000);

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    private static FakeBotApi api;
    private static WebhookBot a;
    private static WebhookBot b;

    @BeforeAll
    static void start() throws Exception {
        StoreLocation.Postgres db = PostgresCluster.get().newDatabase();
        String url = PostgresCluster.get().url(db.jdbcUrl().replaceAll(".*/", ""));
        api = FakeBotApi.start();
        a = new WebhookBot(dataA, api, Map.of("JOBGUARD_DATABASE_URL", url));
        b = new WebhookBot(dataB, api, Map.of("JOBGUARD_DATABASE_URL", url));
    }

    @AfterAll
    static void stop() {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            if (api != null) {
                api.close();
            }
        }
    }

    private static List<FakeBotApi.Call> sent(String method, long chat) {
        return api.calls(method).stream().filter(c -> c.chatId() == chat).toList();
    }

    @Test
    void aRedeliveredUpdateIsAnsweredOnceWhicheverInstanceGetsIt() throws Exception {
        long u = USERS.incrementAndGet();
        ObjectNode update = a.numbered(Updates.text(u, SCAM));
        assertEquals(200, a.deliver(update));
        assertEquals(200, b.deliver(update), "Telegram's redelivery to the other instance");
        assertEquals(200, a.deliver(update));
        Thread.sleep(300);
        assertEquals(1, sent("sendMessage", u).size(), "one reply");
    }

    @Test
    void aLanguageChosenThroughOneInstanceHoldsOnTheOther() throws Exception {
        long u = USERS.incrementAndGet();
        assertEquals(200, a.deliver(a.numbered(Updates.text(u, "/lang zh-Hant"))));
        assertEquals(200, b.deliver(a.numbered(Updates.text(u, SCAM))));
        List<FakeBotApi.Call> replies = sent("sendMessage", u);
        assertTrue(replies.get(replies.size() - 1).text().contains("高風險"), replies.get(replies.size() - 1).text());
        assertEquals(200, b.deliver(a.numbered(Updates.text(u, "/forget"))));
        assertEquals(200, a.deliver(a.numbered(Updates.text(u, SCAM))));
        replies = sent("sendMessage", u);
        assertTrue(replies.get(replies.size() - 1).text().contains("High risk"), "/forget through the other instance");
    }

    @Test
    void anEditReachingTheOtherInstanceEditsTheReply() throws Exception {
        long u = USERS.incrementAndGet();
        ObjectNode message = Updates.text(u, "hello, is this a good job? cooking in a restaurant in Taipei");
        int messageId = message.path("message").path("message_id").asInt();
        assertEquals(200, a.deliver(a.numbered(message)));
        assertEquals(200, b.deliver(a.numbered(Updates.edited(u, messageId, SCAM))));
        assertEquals(1, sent("sendMessage", u).size(), "no second reply");
        api.await(c -> c.method().equals("editMessageText") && c.chatId() == u, 1, Duration.ofSeconds(10));
    }

    /**
     * Telegram may post a chat's next update before the previous one is answered (it answered early, or it delivers
     * on several connections): the update reaching the other instance waits for the chat's turn, so the replies keep
     * the updates' order although the first reply is held up 2 s by a Bot API rate limit.
     */
    @Test
    void aChatsUpdatesOnTwoInstancesAreAnsweredInOrder() throws Exception {
        long u = USERS.incrementAndGet();
        api.fail("sendMessage", 1, 429, 2);
        CompletableFuture<HttpResponse<Void>> first = a.deliverAsync(a.numbered(Updates.text(u, SCAM)));
        // the first reply was tried and refused: instance a holds the chat's turn while it waits to send it again
        api.await(c -> c.method().equals("sendMessage") && c.chatId() == u, 1, Duration.ofSeconds(10));
        assertEquals(200, b.deliver(a.numbered(Updates.text(u, "/help"))));
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
        List<FakeBotApi.Call> replies = sent("sendMessage", u);
        assertEquals(3, replies.size(), "the refused try, the verdict, the help");
        assertTrue(replies.get(1).text().contains("High risk"), "the verdict first: " + replies.get(1).text());
        assertTrue(!replies.get(2).text().contains("High risk"), "then the help: " + replies.get(2).text());
    }

    @Test
    void privacySaysTheChoicesAreInTheSharedDatabase() throws Exception {
        long u = USERS.incrementAndGet();
        assertEquals(200, b.deliver(a.numbered(Updates.text(u, "/privacy"))));
        String text = sent("sendMessage", u).get(0).text();
        assertTrue(text.contains("share one database"), text);
        assertTrue(!text.contains("Nothing about you is written to disk"), text);
    }
}
