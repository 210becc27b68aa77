package org.jobguard.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the bot needs to run; {@code App} builds it from the environment and {@code jobguard.yaml}.
 *
 * @param apiUrl              Bot API base URL, {@code TELEGRAM_API_URL} (scheme, host and port only)
 * @param pollTimeoutSeconds  long-poll timeout of getUpdates
 * @param workers             threads handling updates; updates of one chat never run in parallel
 * @param messagesPerMinute   per-user rate limit
 * @param hmacSecret          {@code JOBGUARD_HMAC_SECRET}: keys the hashes that replace user ids in memory
 * @param rememberFor         how long /lang and /discreet choices outlive a user's last message
 * @param discreetDeleteAfter default auto-delete delay of /discreet (zero: keep messages)
 * @param retentionDays       how long the pattern store keeps records (stated by /privacy)
 * @param shutdownGrace       how long stop() lets in-flight updates finish
 * @param webhook             set: Telegram posts updates to the web server; empty: long polling
 */
public record BotSettings(String token, URI apiUrl, int pollTimeoutSeconds, int workers, int messagesPerMinute,
                          byte[] hmacSecret, Duration rememberFor, Duration discreetDeleteAfter, int retentionDays,
                          Duration shutdownGrace, Optional<WebhookSettings> webhook) {
    public static final URI OFFICIAL_API = URI.create("https://api.telegram.org");
    /** How long /lang and /discreet choices outlive a user's last message. */
    public static final Duration REMEMBER_FOR = Duration.ofDays(30);

    public BotSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhook, "webhook");
        if (token.isBlank()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is empty");
        }
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null
                || !(apiUrl.getScheme().equals("http") || apiUrl.getScheme().equals("https"))
                || apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !apiUrl.getPath().equals("/")) {
            throw new IllegalArgumentException(
                    "TELEGRAM_API_URL must be http(s)://host[:port] without a path, got " + apiUrl);
        }
        if (hmacSecret == null || hmacSecret.length < 16) {
            throw new IllegalArgumentException("JOBGUARD_HMAC_SECRET must have at least 16 bytes");
        }
        if (workers < 1 || messagesPerMinute < 1 || pollTimeoutSeconds < 0) {
            throw new IllegalArgumentException("workers and messagesPerMinute must be positive");
        }
        hmacSecret = hmacSecret.clone();
    }

    /** The defaults used in production: 25 s long polls, 8 workers, 20 messages a minute. */
    public static BotSettings defaults(String token, URI apiUrl, byte[] hmacSecret) {
        return new BotSettings(token, apiUrl, 25, 8, 20, hmacSecret, REMEMBER_FOR, Duration.ofMinutes(10),
                180, Duration.ofSeconds(10), Optional.empty());
    }

    /** The API URL from {@code TELEGRAM_API_URL}, or the official one when unset or blank. */
    public static URI apiUrlFrom(String value) {
        return value == null || value.isBlank() ? OFFICIAL_API : URI.create(value.trim());
    }

    public BotSettings withPolling(int timeoutSeconds, int workerCount) {
        return new BotSettings(token, apiUrl, timeoutSeconds, workerCount, messagesPerMinute, hmacSecret,
                rememberFor, discreetDeleteAfter, retentionDays, shutdownGrace, webhook);
    }

    public BotSettings withRateLimit(int perMinute) {
        return new BotSettings(token, apiUrl, pollTimeoutSeconds, workers, perMinute, hmacSecret,
                rememberFor, discreetDeleteAfter, retentionDays, shutdownGrace, webhook);
    }

    public BotSettings withDiscreetDeleteAfter(Duration after) {
        return new BotSettings(token, apiUrl, pollTimeoutSeconds, workers, messagesPerMinute, hmacSecret,
                rememberFor, after, retentionDays, shutdownGrace, webhook);
    }

    /** Webhook mode instead of long polling. */
    public BotSettings withWebhook(WebhookSettings hook) {
        return new BotSettings(token, apiUrl, pollTimeoutSeconds, workers, messagesPerMinute, hmacSecret,
                rememberFor, discreetDeleteAfter, retentionDays, shutdownGrace, Optional.of(hook));
    }

    @Override
    public byte[] hmacSecret() {
        return hmacSecret.clone();
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "BotSettings[apiUrl=" + apiUrl + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", workers=" + workers
                + ", messagesPerMinute=" + messagesPerMinute + ", rememberFor=" + rememberFor
                + ", discreetDeleteAfter=" + discreetDeleteAfter + ", retentionDays=" + retentionDays
                + ", webhook=" + webhook + "]";
    }

    /** Identity: a secret has no business in equality checks (and arrays compare by reference anyway). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
