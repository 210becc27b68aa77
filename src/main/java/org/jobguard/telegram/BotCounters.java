package org.jobguard.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What went wrong in the bot, for {@code /metrics} and {@code /health}: failed and skipped updates, failed polls,
 * and when polling last succeeded. Kept here because the web server, which prints them, may not depend on the bot.
 */
public final class BotCounters {
    /** Polling that has not succeeded for this long makes {@code /health} answer 503. */
    public static final Duration POLLING_STALE_AFTER = Duration.ofSeconds(60);

    private final Clock clock;
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder skippedUpdates = new LongAdder();
    private final LongAdder failedPolls = new LongAdder();
    private final LongAdder takenOver = new LongAdder();
    private volatile Instant lastPoll;
    private volatile boolean stopping;
    private volatile boolean polling;

    BotCounters(Clock clock) {
        this.clock = clock;
        this.lastPoll = clock.instant();
    }

    void updateFailed() {
        failedAttempts.increment();
    }

    void updateSkipped() {
        skippedUpdates.increment();
    }

    /** An update another instance had claimed and not finished (it was killed) is handled here. */
    void updateTakenOver() {
        takenOver.increment();
    }

    /** From the stop on, {@code /health} answers 503, so that a proxy sends new posts to the other instances. */
    void stopping() {
        stopping = true;
    }

    void pollFailed() {
        failedPolls.increment();
    }

    void pollingStarted() {
        lastPoll = clock.instant();
        polling = true;
    }

    void pollSucceeded() {
        lastPoll = clock.instant();
    }

    /** Counter values by their Prometheus labels. */
    public Map<String, Long> events() {
        Map<String, Long> out = new TreeMap<>();
        out.put("event=\"update_failed\"", failedAttempts.sum());
        out.put("event=\"update_skipped\"", skippedUpdates.sum());
        out.put("event=\"poll_failed\"", failedPolls.sum());
        out.put("event=\"update_taken_over\"", takenOver.sum());
        return out;
    }

    /**
     * Why the bot is not working, when it is not: it is stopping, or polling has not succeeded for
     * {@link #POLLING_STALE_AFTER}.
     */
    public Optional<String> problem() {
        if (stopping) {
            return Optional.of("stopping");
        }
        if (polling && Duration.between(lastPoll, clock.instant()).compareTo(POLLING_STALE_AFTER) > 0) {
            return Optional.of("telegram polling failing");
        }
        return Optional.empty();
    }
}
