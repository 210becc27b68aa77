package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Bot API of {@code flood-bench}: updates pushed into a queue are handed out by getUpdates (with Telegram's offset: everything below it is acknowledged, and a long poll waits for an update),
 * and the chats answered by sendMessage are recorded.
 */
final class BurstBotApi extends LoopbackBotApi {
    static final String TOKEN = "0:flood-bench";

    private final Object lock = new Object();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Set<Long> answeredChats = new HashSet<>();
    private long nextUpdateId = 1;
    private long acknowledged = 1;

    BurstBotApi() throws IOException {
        super("jobguard_bench_bot", 100);
    }

    /** Queues a private-chat text message from user {@code chat}. */
    void push(long chat, String text) {
        ObjectNode message = JSON.createObjectNode().put("message_id", chat % 1_000_000).put("date", 1_764_000_000)
                .put("text", text);
        message.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Bench");
        message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Bench")
                .put("language_code", "zh-hans");
        synchronized (lock) {
            ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
            update.set("message", message);
            queue.add(update);
            lock.notifyAll();
        }
    }

    /** Waits until every pushed update was acknowledged; false when {@code seconds} passed first. */
    boolean awaitAllAcknowledged(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lock) {
            while (acknowledged < nextUpdateId) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }

    Set<Long> answeredChats() {
        synchronized (lock) {
            return Set.copyOf(answeredChats);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            lock.notifyAll();
        }
        super.close();
    }

    @Override
    void replied(long chat) {
        synchronized (lock) {
            answeredChats.add(chat);
        }
    }

    @Override
    ArrayNode updates(JsonNode request) throws InterruptedException {
        long offset = request.path("offset").asLong(0);
        int limit = request.path("limit").asInt(100);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(request.path("timeout").asLong(0), 2));
        synchronized (lock) {
            if (offset > acknowledged) {
                acknowledged = offset;
                queue.removeIf(u -> u.path("update_id").asLong() < offset);
                lock.notifyAll();
            }
            while (queue.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
            ArrayNode result = JSON.createArrayNode();
            queue.stream().limit(limit).forEach(result::add);
            return result;
        }
    }
}
