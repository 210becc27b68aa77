package org.jobguard.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long polling written on plain {@code getUpdates} instead of the library's {@code BotSession}: in
 * TelegramBots 10.2 the session moves its offset past every update as soon as it is fetched, before the
 * consumer has handled it (an update in flight at a crash or restart is lost), and a runtime exception
 * escaping its scheduled task stops polling for good. Here the offset only moves past handled updates
 * ({@link AckWindow}), each chat's updates run in order on a bounded pool ({@link ChatQueues}), and the
 * loop survives any error.
 */
final class UpdatePoller {
    /** Telegram's maximum batch; also the most updates in flight at once. */
    static final int WINDOW = 100;
    /** How often to look for new updates while others are in flight: each look re-reads those in flight. */
    private static final long REPOLL_MILLIS = 10;
    /** The kinds of update the bot asks for, by getUpdates and by setWebhook alike. */
    static final List<String> ALLOWED = List.of(
            "message", "edited_message", "channel_post", "edited_channel_post", "callback_query");
    /** Attempts at one update before it is logged and skipped, so that one poisonous update cannot stop the bot. */
    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final BotApi pollApi;
    private final BotApi ackApi;
    private final Runnable cancelPoll;
    private final int timeoutSeconds;
    private final UpdateHandler handler;
    private final ExecutorService pool;
    private final ChatQueues queues;
    private final AckWindow window = new AckWindow(0);
    private final java.util.Map<Long, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private final BotCounters counters;
    private final java.util.function.Consumer<Error> onFatal;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param pollApi    used for getUpdates only, so that {@code cancelPoll} can abort a pending long poll
     * @param cancelPoll aborts the pending getUpdates call (stop must not wait out a long poll)
     * @param onFatal    told when an Error (not a stack overflow in one update) ended the poller or a worker's
     *                   update; it has been logged
     */
    UpdatePoller(BotApi pollApi, BotApi ackApi, Runnable cancelPoll, int timeoutSeconds, UpdateHandler handler,
                 ExecutorService pool, BotCounters counters, java.util.function.Consumer<Error> onFatal) {
        this.counters = counters;
        this.onFatal = onFatal;
        this.pollApi = pollApi;
        this.ackApi = ackApi;
        this.cancelPoll = cancelPoll;
        this.timeoutSeconds = timeoutSeconds;
        this.handler = handler;
        this.pool = pool;
        this.queues = new ChatQueues(pool);
    }

    synchronized void start() {
        running = true;
        counters.pollingStarted();
        thread = new Thread(this::supervisedLoop, "telegram-poller");
        thread.start();
    }

    /**
     * Stops fetching, lets the updates already fetched finish within {@code grace}, then tells Telegram
     * which ones are done. Anything unfinished stays unacknowledged and comes again on the next start.
     */
    synchronized void stop(Duration grace) throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        cancelPoll.run();
        thread.interrupt();
        thread.join(grace.toMillis());
        boolean drained = window.awaitDrained(grace.toMillis());
        pool.shutdownNow();
        pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        if (!drained) {
            log.warn("Stopped with {} updates unfinished; Telegram will send them again", window.inFlight());
        }
        long offset = window.nextOffset();
        if (offset > 0) {
            try {
                ackApi.call(GetUpdates.builder().offset((int) offset).limit(1).timeout(0).build());
            } catch (BotApi.CallFailed e) {
                log.warn("Could not acknowledge handled updates; some may be answered again after restart");
            }
        }
    }

    /** An Error ending the loop would stop polling for good while the service looked alive. */
    private void supervisedLoop() {
        try {
            loop();
        } catch (Error e) {
            log.error("The Telegram poller died: {}", e.getClass().getName());
            onFatal.accept(e);
        }
    }

    private void loop() {
        while (running) {
            try {
                List<Update> updates = pollApi.call(GetUpdates.builder()
                        .offset((int) window.nextOffset()).limit(WINDOW).timeout(timeoutSeconds)
                        .allowedUpdates(ALLOWED).build());
                counters.pollSucceeded();
                for (Update update : updates) {
                    long id = update.getUpdateId();
                    if (window.admit(id)) {
                        queues.submit(UpdateHandler.orderKey(update), () -> handle(update, id));
                    }
                }
                // Telegram re-sends unacknowledged updates at once, so without a pause this would spin
                if (window.inFlight() >= WINDOW) {
                    window.awaitRoom(WINDOW / 2, 50);
                } else if (updates.size() < WINDOW) {
                    // the next poll brings back whatever is still being handled: wait until something is done,
                    // but not for long, or an update arriving meanwhile waits for its predecessors' replies too
                    window.awaitProgress(REPOLL_MILLIS);
                }
            } catch (InterruptedException e) {
                break;
            } catch (BotApi.CallFailed | RuntimeException e) {
                if (!running) {
                    break;
                }
                counters.pollFailed();
                log.warn("Polling failed ({}), polling again in 1 s", e.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
    }

    private void handle(Update update, long id) {
        try {
            handler.handle(update);
            failures.remove(id);
            window.done(id);
        } catch (InterruptedException e) {
            // stopping: the update stays unacknowledged so that the next run handles it
            Thread.currentThread().interrupt();
        } catch (RuntimeException | StackOverflowError e) {
            // not acknowledged: Telegram sends it again (a store that failed may work the next time), but a bug
            // must not block the offset for ever
            counters.updateFailed();
            int attempts = failures.merge(id, 1, Integer::sum);
            if (attempts < ATTEMPTS) {
                window.retry(id);
                return;
            }
            failures.remove(id);
            counters.updateSkipped();
            // where, never the exception message (it may quote text)
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("Update skipped after {} failed attempts: {} at {}", attempts, e.getClass().getName(), at);
            window.done(id);
        } catch (Error e) {
            // out of memory and the like: nothing on this JVM can be trusted; unacknowledged, it comes again
            log.error("A Telegram worker died: {}", e.getClass().getName());
            onFatal.accept(e);
        }
    }
}
