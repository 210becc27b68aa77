package org.jobguard.patterns;

import org.jobguard.App;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A process whose pattern store's writer dies of an Error, wired as the service wires it: run by
 * {@link WriterDeathTest} to see the process end by itself with {@link App#EXIT_PART_DIED}.
 */
public final class WriterDeathMain {
    private WriterDeathMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the exit races the caller's report of its failed write, which the test reads in the output: the exit
        // waits for the report (the writer releases its callers only after this callback returns)
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Database db = new Database(new SqliteConnections(Path.of(args[0]), 0), c -> null, c -> null, error -> new Thread(() -> {
            try {
                reported.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            App.exitAfterFatalError("the pattern store's writer");
        }).start());
        try {
            db.write(c -> {
                throw new StackOverflowError();
            });
        } catch (StoreException expected) {
            System.out.println("write failed: " + expected.getMessage());
        } finally {
            reported.countDown();
        }
        // a service would go on answering here; the process must end without anyone asking
        Thread.sleep(60_000);
        System.out.println("still running");
    }
}
