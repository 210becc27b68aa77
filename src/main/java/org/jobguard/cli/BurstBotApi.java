package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of the Bot API on loopback for {@code flood-bench}: updates pushed into a queue are handed out by
 * getUpdates (with Telegram's offset: everything below it is acknowledged, and a long poll waits for an update),
 * and the chats answered by sendMessage are recorded.
 */
final class BurstBotApi implements AutoCloseable {
    static final String TOKEN = "0:flood-bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Object lock = new Object();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Set<Long> answeredChats = new HashSet<>();
    private long nextUpdateId = 1;
    private long acknowledged = 1;
    private int messageIds = 100;

    BurstBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flood-bench-bot-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            }
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ObjectNode response = JSON.createObjectNode().put("ok", true);
            switch (method) {
                case "getme" -> response.putObject("result").put("id", 1).put("is_bot", true)
                        .put("first_name", "JobGuard").put("username", "jobguard_bench_bot");
                case "getupdates" -> response.set("result", updates(request));
                case "sendmessage", "editmessagetext" -> {
                    long chat = request.path("chat_id").asLong();
                    int id;
                    synchronized (lock) {
                        answeredChats.add(chat);
                        id = ++messageIds;
                    }
                    ObjectNode message = response.putObject("result").put("message_id", id)
                            .put("date", 1_764_000_000).put("text", request.path("text").asText());
                    message.putObject("chat").put("id", chat).put("type", "private");
                }
                default -> response.put("result", true);
            }
            byte[] out = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ArrayNode updates(JsonNode request) throws InterruptedException {
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
