package org.jobguard.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Webhook mode: Telegram posts each update to {@code url}, proving itself with {@code secretToken}.
 *
 * @param url          the public https URL given to setWebhook; its path is where the web server takes the posts
 * @param secretToken  sent by Telegram in {@link WebhookReceiver#SECRET_HEADER} with every post
 * @param answerWithin how long a post waits for its update to be handled before it is answered anyway (see
 *                     {@link WebhookReceiver})
 */
public record WebhookSettings(URI url, String secretToken, Duration answerWithin) {
    /** Well under the minute after which Telegram is commonly seen to give up on a webhook request. */
    public static final Duration DEFAULT_ANSWER_WITHIN = Duration.ofSeconds(10);

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secretToken, "secretToken");
        Objects.requireNonNull(answerWithin, "answerWithin");
        if (url.getRawPath() == null || url.getRawPath().length() < 2) {
            throw new IllegalArgumentException("the webhook URL needs a path");
        }
    }

    public WebhookSettings(URI url, String secretToken) {
        this(url, secretToken, DEFAULT_ANSWER_WITHIN);
    }

    public String path() {
        return url.getRawPath();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", answerWithin=" + answerWithin + "]";
    }
}
