package org.jobguard.patterns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes patterns older than the retention period (default {@value #DEFAULT_DAYS} days): once at start,
 * then every {@code intervalHours}. The cut-off day comes from the service's injected clock.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    public static final int DEFAULT_DAYS = 180;

    private final PatternService service;
    private final int retentionDays;
    private final Runnable alsoDaily;
    private ScheduledExecutorService scheduler;

    public RetentionJob(PatternService service, int retentionDays) {
        this(service, retentionDays, () -> { });
    }

    /** @param alsoDaily another purge on the same schedule (the bot state instances share) */
    public RetentionJob(PatternService service, int retentionDays, Runnable alsoDaily) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, not " + retentionDays);
        }
        this.service = service;
        this.retentionDays = retentionDays;
        this.alsoDaily = alsoDaily;
    }

    /** One purge now; failures are logged and returned as null so the schedule goes on. */
    public PurgeResult runOnce() {
        try {
            alsoDaily.run();
        } catch (StoreException e) {
            log.error("retention: purge of the bot's shared state failed: {}", e.getMessage());
        }
        try {
            PurgeResult r = service.purge(retentionDays);
            log.info("retention: deleted {} patterns, {} reports, {} groups from before {}",
                    r.patterns(), r.reports(), r.groups(), r.cutoff());
            return r;
        } catch (StoreException e) {
            log.error("retention: purge failed: {}", e.getMessage());
            return null;
        }
    }

    public synchronized void start(long intervalHours) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pattern-retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::runOnce, 0, intervalHours, TimeUnit.HOURS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
