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
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of the Bot API on loopback for the service to run against it in-process: getMe, getUpdates as the
 * subclass hands them out, sendMessage and editMessageText recorded, anything else "ok". The class-archive training
 * and {@code flood-bench} differ only in how they hand out updates and what they count.
 */
abstract class LoopbackBotApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String username;
    private final AtomicInteger messageIds = new AtomicInteger(100);

    LoopbackBotApi(String username, int backlog) throws IOException {
        this.username = username;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, username + "-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The updates getUpdates returns for this request (offset, limit, timeout as Telegram reads them). */
    abstract ArrayNode updates(JsonNode request) throws InterruptedException;

    /** The bot sent or edited a message in {@code chat}. */
    abstract void replied(long chat);

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                // setWebhook comes as a multipart form, which nothing here reads
                boolean json = body.length > 0 && body[0] == '{';
                request = json ? JSON.readTree(body) : JSON.createObjectNode();
            }
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ObjectNode response = JSON.createObjectNode().put("ok", true);
            switch (method) {
                case "getme" -> response.putObject("result").put("id", 1).put("is_bot", true)
                        .put("first_name", "JobGuard").put("username", username);
                case "getupdates" -> response.set("result", updates(request));
                case "sendmessage", "editmessagetext" -> {
                    long chat = request.path("chat_id").asLong();
                    replied(chat);
                    ObjectNode message = response.putObject("result").put("message_id", messageIds.incrementAndGet())
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
}
