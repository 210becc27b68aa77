package org.jobguard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API over real HTTP on 127.0.0.1 for tests: getUpdates with Telegram's offset (acknowledge
 * everything below it) and timeout (hold the request until an update arrives) semantics, the methods the
 * bot calls, a record of every call, and injectable 429 / 5xx answers.
 */
final class FakeBotApi implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token";
    static final long BOT_ID = 999_000_111L;
    static final String BOT_USERNAME = "JobGuardTestBot";
    /** A fault code: close the connection without answering, as a dying network or proxy does. */
    static final int DROP_CONNECTION = -1;

    /** One call the bot made; {@code nanos} is when it arrived. */
    record Call(String method, JsonNode body, long nanos) {
        long chatId() {
            return body.path("chat_id").asLong();
        }

        String text() {
            return body.path("text").asText();
        }
    }

    private record Fault(int code, Integer retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server writes headers and body separately; with Nagle on, every answer waits for the
        // client's delayed ACK (~40 ms on Linux) and the fake, not the bot, would dominate any latency figure
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Object lock = new Object();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Map<Long, Long> pushedAt = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1_000_000);
    /** Files the bot may fetch with getFile, by file id. */
    private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    private long nextUpdateId = 1;
    private long confirmed;
    private boolean closed;

    private FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    static FakeBotApi start() throws IOException {
        return new FakeBotApi();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- driving ------------------------------------------------------------------------------------

    /** Queues an update (without update_id; one is assigned) and wakes a waiting getUpdates. */
    long push(ObjectNode update) {
        synchronized (lock) {
            long id = nextUpdateId++;
            update.put("update_id", id);
            queue.add(update);
            pushedAt.put(id, System.nanoTime());
            lock.notifyAll();
            return id;
        }
    }

    /** A file the bot can fetch: getFile answers its path, and GET /file/bot&lt;token&gt;/&lt;path&gt; its bytes. */
    void file(String fileId, byte[] bytes) {
        files.put(fileId, bytes);
    }

    long pushedAt(long updateId) {
        synchronized (lock) {
            return pushedAt.get(updateId);
        }
    }

    /**
     * The next {@code count} calls of {@code method} fail with {@code code}: 429 carries retry_after, 502
     * answers a proxy's HTML page, {@link #DROP_CONNECTION} closes the connection without an answer.
     */
    void fail(String method, int count, int code, Integer retryAfter) {
        synchronized (lock) {
            Deque<Fault> d = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < count; i++) {
                d.add(new Fault(code, retryAfter));
            }
        }
    }

    /** Drops the faults not yet served. */
    void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    /** Every update below this id was acknowledged by a getUpdates offset. */
    long confirmedOffset() {
        synchronized (lock) {
            return confirmed;
        }
    }

    List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls match, failing the test with what was seen after {@code timeout}. */
    List<Call> await(Predicate<Call> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Call> found = new ArrayList<>();
        int scanned = 0;
        synchronized (lock) {
            while (true) {
                // scan only what arrived since the last wake-up: bursts record thousands of calls
                for (; scanned < calls.size(); scanned++) {
                    if (match.test(calls.get(scanned))) {
                        found.add(calls.get(scanned));
                    }
                }
                if (found.size() >= count) {
                    return found;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching calls, saw " + found.size()
                            + " among " + calls.size() + " calls");
                }
                lock.wait(left);
            }
        }
    }

    Call awaitOne(String method, Duration timeout) throws InterruptedException {
        return await(c -> c.method().equals(method), 1, timeout).get(0);
    }

    /** Waits until every queued update was acknowledged. */
    void awaitAllConfirmed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (confirmed < nextUpdateId) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("confirmed up to " + confirmed + ", pushed up to " + (nextUpdateId - 1));
                }
                lock.wait(left);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ------------------------------------------------------------------------------------

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/file/bot" + TOKEN + "/")) {
                byte[] bytes = files.get(path.substring(path.lastIndexOf('/') + 1));
                synchronized (lock) {
                    calls.add(new Call("downloadFile", JSON.createObjectNode(), System.nanoTime()));
                    lock.notifyAll();
                }
                ex.sendResponseHeaders(bytes == null ? 404 : 200, bytes == null ? -1 : bytes.length);
                if (bytes != null) {
                    ex.getResponseBody().write(bytes);
                }
                return;
            }
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                respond(ex, 401, error(401, "Unauthorized"));
                return;
            }
            String method = canonical(path.substring(prefix.length()));
            JsonNode body = parseBody(ex);
            Fault fault;
            synchronized (lock) {
                calls.add(new Call(method, body, System.nanoTime()));
                lock.notifyAll();
                Deque<Fault> d = faults.get(method);
                fault = d == null ? null : d.poll();
            }
            if (fault != null && fault.code() == DROP_CONNECTION) {
                return;
            }
            if (fault != null && fault.code() == 502) {
                byte[] html = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(502, html.length);
                ex.getResponseBody().write(html);
                return;
            }
            if (fault != null) {
                ObjectNode err = error(fault.code(), fault.code() == 429 ? "Too Many Requests: retry after "
                        + fault.retryAfter() : "Internal Server Error");
                if (fault.retryAfter() != null) {
                    err.putObject("parameters").put("retry_after", fault.retryAfter());
                }
                respond(ex, fault.code(), err);
                return;
            }
            respond(ex, 200, answer(method, body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            respond(ex, 500, error(500, e.toString()));
        }
    }

    private JsonNode answer(String method, JsonNode body) throws InterruptedException {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "getUpdates" -> ok.set("result", updates(body));
            case "getMe" -> ok.putObject("result").put("id", BOT_ID).put("is_bot", true)
                    .put("first_name", "JobGuard").put("username", BOT_USERNAME);
            case "sendMessage", "editMessageText" -> {
                ObjectNode m = ok.putObject("result");
                m.put("message_id", method.equals("sendMessage") ? messageIds.incrementAndGet()
                        : body.path("message_id").asInt());
                m.put("date", System.currentTimeMillis() / 1000);
                m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                m.put("text", body.path("text").asText());
            }
            case "getFile" -> {
                String id = body.path("file_id").asText();
                byte[] bytes = files.get(id);
                if (bytes == null) {
                    return error(400, "Bad Request: invalid file_id");
                }
                ok.putObject("result").put("file_id", id).put("file_unique_id", "u" + id)
                        .put("file_size", bytes.length).put("file_path", "photos/" + id);
            }
            default -> ok.put("result", true);
        }
        return ok;
    }

    private ArrayNode updates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long timeoutMillis = Math.min(body.path("timeout").asLong(0), 30) * 1000;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (lock) {
            if (offset > confirmed) {
                confirmed = offset;
                queue.removeIf(u -> u.path("update_id").asLong() < offset);
                lock.notifyAll();
            }
            while (queue.isEmpty() && !closed) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
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

    private static final List<String> METHODS = List.of("getUpdates", "getMe", "sendMessage", "editMessageText",
            "answerCallbackQuery", "setMyCommands", "deleteMessage", "deleteWebhook", "setWebhook", "getFile");

    /** Telegram method names are case-insensitive; calls are recorded under the documented spelling. */
    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private static JsonNode parseBody(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (raw.length == 0) {
            return JSON.createObjectNode();
        }
        if (type != null && type.startsWith("multipart/form-data")) {
            return multipart(raw, type);
        }
        if (type != null && type.contains("application/x-www-form-urlencoded")) {
            ObjectNode n = JSON.createObjectNode();
            for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                n.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return n;
        }
        return JSON.readTree(raw);
    }

    /** The text parts of a multipart form (setWebhook is sent so, as it may upload a certificate). */
    private static ObjectNode multipart(byte[] raw, String type) {
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "").trim();
        // ISO-8859-1 keeps one char per byte, so the UTF-8 values can be decoded after splitting
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        ObjectNode n = JSON.createObjectNode();
        for (String part : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (headerEnd < 0 || !name.find() || name.start() > headerEnd) {
                continue;
            }
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            n.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return n;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
