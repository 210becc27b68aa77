package org.jobguard.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;

/**
 * Every Bot API call goes through here: 429 waits exactly as long as Telegram asks ({@code retry_after}),
 * 5xx and network errors back off exponentially, anything else (a 400 such as "message not modified")
 * fails at once. Logs name the method and the error code only: descriptions can echo request content.
 */
final class BotApi {
    private static final Logger log = LoggerFactory.getLogger(BotApi.class);

    private final TelegramClient client;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration longestWait;

    BotApi(TelegramClient client, int maxAttempts, Duration firstBackoff, Duration longestWait) {
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.longestWait = longestWait;
    }

    /**
     * @throws CallFailed when Telegram refused the call or every attempt failed
     * @throws InterruptedException when the bot is stopping; the caller must not treat the update as handled
     */
    <T extends Serializable> T call(BotApiMethod<T> method) throws CallFailed, InterruptedException {
        return call(method.getMethod(), () -> client.execute(method));
    }

    /** setWebhook is not a {@link BotApiMethod} (it may upload a certificate), so the client has its own overload. */
    Boolean call(SetWebhook method) throws CallFailed, InterruptedException {
        return call(method.getMethod(), () -> client.execute(method));
    }

    /** One Bot API request as the client sends it. */
    @FunctionalInterface
    private interface Request<T> {
        T send() throws TelegramApiException;
    }

    private <T> T call(String name, Request<T> request) throws CallFailed, InterruptedException {
        long backoff = firstBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            long waitMillis;
            try {
                return request.send();
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    waitMillis = retryAfter == null ? backoff : retryAfter * 1000L;
                } else if (code >= 500 || code == 0) {
                    // code 0: the response could not be read at all (a proxy's HTML error page, a cut connection)
                    waitMillis = backoff;
                } else {
                    log.warn("Telegram refused {}: error {}", name, code);
                    throw new CallFailed(name, code);
                }
                if (attempt >= maxAttempts) {
                    log.warn("Telegram {} failed {} times, last error {}", name, attempt, code);
                    throw new CallFailed(name, code);
                }
                log.info("Telegram {} answered {}, retrying in {} ms", name,
                        code == 0 ? "something unreadable" : code, waitMillis);
            } catch (TelegramApiException e) {
                if (isInterruption(e)) {
                    throw new InterruptedException();
                }
                if (attempt >= maxAttempts) {
                    log.warn("Telegram {} unreachable after {} attempts ({})", name, attempt,
                            rootType(e));
                    throw new CallFailed(name, 0);
                }
                waitMillis = backoff;
                log.info("Telegram {} unreachable ({}), retrying in {} ms", name, rootType(e), waitMillis);
            }
            Thread.sleep(Math.min(waitMillis, longestWait.toMillis()));
            backoff = Math.min(backoff * 2, longestWait.toMillis());
        }
    }

    /** Like {@link #call} for calls whose failure changes nothing for the user (answering a button, deleting). */
    void callQuietly(BotApiMethod<? extends Serializable> method) throws InterruptedException {
        try {
            call(method);
        } catch (CallFailed e) {
            // already logged with method and code; the reply itself went out or will be retried with the update
        }
    }

    /** OkHttp reports a call cancelled by {@code stop()} as an IOException "Canceled". */
    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException
                    || t instanceof java.io.IOException && "Canceled".equals(t.getMessage())) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static String rootType(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** A call that did not succeed; carries no request or response content. */
    static final class CallFailed extends Exception {
        private final int code;

        CallFailed(String method, int code) {
            super(method + " failed with " + code, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
