package org.jobguard.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.App;
import org.jobguard.config.Config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole app in webhook mode, wired by {@link App} from environment variables as in production, with the fake
 * Bot API behind it and a plain HTTP client playing Telegram's side of the webhook.
 */
final class WebhookBot implements AutoCloseable {
    static final String PUBLIC_URL = "https://bot.example.org/tg/hook";
    static final String PATH = "/tg/hook";
    static final String SECRET = "test_webhook-Secret_0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeBotApi api;
    final App app;
    private final boolean ownsApi;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private long nextUpdateId = 1;

    WebhookBot(Path dataDir) throws IOException {
        this(dataDir, fake -> { });
    }

    /** @param beforeStart prepares the fake Bot API before the app starts, e.g. to fail setWebhook */
    WebhookBot(Path dataDir, java.util.function.Consumer<FakeBotApi> beforeStart) throws IOException {
        this(dataDir, startApi(beforeStart), true, Map.of());
    }

    /**
     * One of several instances of the same bot: they share {@code api} (not closed here) and whatever
     * {@code env} names, e.g. {@code JOBGUARD_DATABASE_URL}.
     */
    WebhookBot(Path dataDir, FakeBotApi api, Map<String, String> env) {
        this(dataDir, api, false, env);
    }

    private static FakeBotApi startApi(java.util.function.Consumer<FakeBotApi> beforeStart) throws IOException {
        FakeBotApi api = FakeBotApi.start();
        beforeStart.accept(api);
        return api;
    }

    private WebhookBot(Path dataDir, FakeBotApi api, boolean ownsApi, Map<String, String> extraEnv) {
        this.api = api;
        this.ownsApi = ownsApi;
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", api.url().toString());
        env.put("JOBGUARD_WEBHOOK_URL", PUBLIC_URL);
        env.put("JOBGUARD_WEBHOOK_SECRET", SECRET);
        env.put("JOBGUARD_HMAC_SECRET", "webhook-test-hmac-secret-0123456789");
        env.put("JOBGUARD_PORT", "0");
        env.put("JOBGUARD_DATA_DIR", dataDir.toString());
        App started;
        try {
            started = App.start(Config.load(env), Clock.systemUTC());
        } catch (RuntimeException e) {
            if (ownsApi) {
                api.close();
            }
            throw e;
        }
        app = started;
    }

    URI hook() {
        return URI.create("http://127.0.0.1:" + app.port() + PATH);
    }

    /** Gives the update the next update_id, as Telegram numbers them. */
    synchronized ObjectNode numbered(ObjectNode update) {
        return update.put("update_id", nextUpdateId++);
    }

    HttpRequest post(ObjectNode update, String secret) {
        return post(JSON.valueToTree(update).toString(), secret);
    }

    HttpRequest post(String body, String secret) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hook()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return b.build();
    }

    /** Posts as Telegram does, with the right secret; returns the status. */
    int deliver(ObjectNode update) throws IOException, InterruptedException {
        return http.send(post(update, SECRET), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    CompletableFuture<HttpResponse<Void>> deliverAsync(ObjectNode update) {
        return http.sendAsync(post(update, SECRET), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            if (ownsApi) {
                api.close();
            }
        }
    }
}
