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
        Database db = new Database(Path.of(args[0]), Clock.systemUTC(), 0, c -> null,
                error -> App.exitAfterFatalError("the pattern store's writer"));
        try {
            db.write(c -> {
                throw new StackOverflowError();
            });
        } catch (StoreException expected) {
            System.out.println("write failed: " + expected.getMessage());
        }
        // a service would go on answering here; the process must end without anyone asking
        Thread.sleep(60_000);
        System.out.println("still running");
    }
}
