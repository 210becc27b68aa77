package org.jobguard.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web side of a machine-to-machine endpoint such as the Telegram webhook: the secret is asked before the body
 * is read, an oversized body never reaches the receiver, no session or CSRF token is needed, and the receiver's
 * status is what the caller gets.
 */
class InboundPostTest {
    private static final String HEADER = "X-Test-Secret";
    private static final List<byte[]> received = new CopyOnWriteArrayList<>();
    private static final List<String> asked = new CopyOnWriteArrayList<>();

    @TempDir
    static Path data;
    private static RunningWeb web;

    @BeforeAll
    static void start() {
        InboundPost post = new InboundPost("/in/hook", HEADER, 1000, secret -> {
            asked.add(String.valueOf(secret));
            return "s3cret".equals(secret);
        }, body -> {
            received.add(body);
            return body.length == 0 ? 400 : 200;
        });
        web = new RunningWeb(WebSettings.forTest(data).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD),
                Optional.of(post));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void theReceiverGetsTheBodyAndAnswersWithItsStatusWithoutSessionOrCsrf() throws Exception {
        byte[] body = "{\"update_id\": 1}".getBytes(StandardCharsets.UTF_8);
        int before = received.size();
        // a cross-site header would stop any form post; the shared secret is this route's proof instead
        HttpResponse<String> r = web.post("/in/hook", "application/json", body, HEADER, "s3cret",
                "Origin", "https://elsewhere.example");
        assertEquals(200, r.statusCode());
        assertArrayEquals(body, received.get(before));
        assertEquals(400, web.post("/in/hook", "application/json", new byte[0], HEADER, "s3cret").statusCode());
    }

    @Test
    void aWrongSecretIs401AndTheBodyNeverReachesTheReceiver() throws Exception {
        int before = received.size();
        assertEquals(401, web.post("/in/hook", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                HEADER, "guess").statusCode());
        assertEquals(401, web.post("/in/hook", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .statusCode());
        assertTrue(asked.contains("null"), "a missing header is asked about as null");
        assertEquals(before, received.size());
    }

    @Test
    void anOversizedBodyIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        int before = received.size();
        assertEquals(413, web.post("/in/hook", "application/json", new byte[1001], HEADER, "s3cret").statusCode());
        // streamed without Content-Length (chunked): cut at the limit while reading
        HttpResponse<Void> chunked = web.http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(web.url("/in/hook"))).header(HEADER, "s3cret")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5000]))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(413, chunked.statusCode());
        assertEquals(200, web.post("/in/hook", "application/json", new byte[1000], HEADER, "s3cret").statusCode());
        assertEquals(before + 1, received.size());
    }

    @Test
    void getIs405AndTheRouteHasItsOwnRole() throws Exception {
        HttpResponse<String> get = web.get("/in/hook");
        assertEquals(405, get.statusCode());
        assertTrue(web.server.routes().stream().filter(r -> r.path().equals("/in/hook"))
                .allMatch(r -> r.access() == Access.SHARED_SECRET));
    }

    @Test
    void aPathThatIsAlreadyAPageIsRefusedAtStart() {
        InboundPost clash = new InboundPost("/report", HEADER, 1000, s -> true, b -> 200);
        assertThrows(IllegalArgumentException.class, () -> new RunningWeb(
                WebSettings.forTest(data.resolve("clash")).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD),
                Optional.of(clash)));
    }
}
