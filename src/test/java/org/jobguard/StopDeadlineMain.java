package org.jobguard;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** A service whose stop hangs for ever, as a web server stuck in its shutdown did; run by {@link StopDeadlineTest}. */
public final class StopDeadlineMain {
    private StopDeadlineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration deadline = Duration.ofSeconds(Long.parseLong(args[0]));
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> StopDeadline.run(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, deadline), "test-shutdown"));
        System.out.println("running");
        System.out.flush();
        never.await();
    }
}
