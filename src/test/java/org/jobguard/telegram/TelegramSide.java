package org.jobguard.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Telegram's side of a webhook in front of several instances: an update is posted until an instance answers 2xx,
 * and a post that failed (a refused connection, a timeout, any other status) is delivered again, to the next
 * instance, after a short pause, as Telegram does (with longer pauses) and as a proxy would route it.
 */
final class TelegramSide {
    private final List<URI> hooks;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger redeliveries = new AtomicInteger();

    TelegramSide(List<URI> hooks, String secret) {
        this.hooks = List.copyOf(hooks);
        this.secret = secret;
    }

    /**
     * Delivers {@code update} first to instance {@code first}, then round the others until one answers 2xx.
     *
     * @return the index of the instance that answered 2xx
     */
    int deliver(ObjectNode update, int first, Duration giveUpAfter) throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        String body = update.toString();
        for (int attempt = 0; ; attempt++) {
            int target = Math.floorMod(first + attempt, hooks.size());
            if (post(target, body) / 100 == 2) {
                return target;
            }
            redeliveries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("update " + update.path("update_id") + " not accepted within " + giveUpAfter);
            }
            Thread.sleep(Math.min(1_000, 50L << Math.min(attempt, 4)));
        }
    }

    /** One post; 0 when the instance could not be reached or did not answer in time. */
    int post(int target, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hooks.get(target)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header(WebhookReceiver.SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Posts that were not answered 2xx and were delivered again. */
    int redeliveries() {
        return redeliveries.get();
    }
}
