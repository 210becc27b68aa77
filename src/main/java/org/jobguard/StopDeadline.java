package org.jobguard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A stop that ends in time whatever a part is doing: the service's stop runs with a deadline, and past it the
 * process is halted with one log line. A web server stuck in its shutdown once kept a stopped service alive for
 * eight minutes; a supervisor waiting for it could not start a fresh one.
 */
public final class StopDeadline {
    /** How long SIGTERM may take; the parts' own graces (the bot's, the web server's) fit within it. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);
    /** The exit code of a stop cut short: not 0, since updates in flight may not have been acknowledged. */
    public static final int EXIT_STOP_OVERRAN = 75;
    private static final Logger log = LoggerFactory.getLogger(StopDeadline.class);

    private StopDeadline() {
    }

    /**
     * Runs {@code stop} (on the shutdown hook's thread), halting the process if it has not returned within
     * {@code deadline}. The watchdog is a daemon thread, so a stop in time leaves nothing behind.
     */
    public static void run(Runnable stop, Duration deadline) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            log.error("Stopping took over {} s: halting (exit code {})", deadline.toSeconds(), EXIT_STOP_OVERRAN);
            Runtime.getRuntime().halt(EXIT_STOP_OVERRAN);
        }, "jobguard-stop-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            stop.run();
        } finally {
            watchdog.interrupt();
        }
    }
}
