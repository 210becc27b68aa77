package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On a store several instances share, a moderator's rule switch or group decision is made on one of them; the
 * others read the latest of each every few seconds and, when it moved, rebuild their checker's rules or reload
 * the confirmed patterns. The instance the moderator used applies it at once, as with one instance.
 */
public final class ModerationFollower implements AutoCloseable {
    /** How soon the other instances pick up a moderator's change, at most (plus the rebuild). */
    public static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ModerationFollower.class);

    private final PatternStore store;
    private final Runnable rulesChanged;
    private final Runnable decisionsChanged;
    private ScheduledExecutorService scheduler;
    private DashboardQueries.ModerationMarks seen;

    /**
     * @param rulesChanged     rebuilds the checker from rules.yaml with every stored switch applied
     * @param decisionsChanged reloads the confirmed patterns the checker matches
     */
    public ModerationFollower(PatternStore store, Runnable rulesChanged, Runnable decisionsChanged) {
        this.store = store;
        this.rulesChanged = rulesChanged;
        this.decisionsChanged = decisionsChanged;
    }

    /** Starts following when the store is shared; a store of one instance has nothing to follow. */
    public synchronized void start(Duration every) {
        if (!store.shared() || scheduler != null) {
            return;
        }
        seen = store.dashboard().moderationMarks();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "moderation-follower");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::followOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the marks; a failure is logged and the next look tries again. */
    void followOnce() {
        try {
            DashboardQueries.ModerationMarks now = store.dashboard().moderationMarks();
            if (now.lastRuleToggle() != seen.lastRuleToggle()) {
                rulesChanged.run();
            }
            if (now.lastDecision() != seen.lastDecision()) {
                decisionsChanged.run();
            }
            seen = now;
        } catch (RuntimeException e) {
            log.warn("{}: cannot read moderators' changes from other instances: {}", store.where(), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
