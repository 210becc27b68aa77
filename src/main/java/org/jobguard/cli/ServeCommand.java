package org.jobguard.cli;

import org.jobguard.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the service until SIGTERM/Ctrl-C: web always; the Telegram bot too when {@code TELEGRAM_BOT_TOKEN} is set.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run JobGuard: web try-it page and dashboard; the bot when TELEGRAM_BOT_TOKEN is set.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        return serve(spec.commandLine().getOut());
    }

    /** Runs until SIGTERM/Ctrl-C; README's run command comes here from {@link Main} without a command line to parse. */
    static int serve(PrintWriter out) throws InterruptedException {
        App app = App.start(System.getenv(), Clock.systemDefaultZone());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.jobguard.StopDeadline.run(app::close, org.jobguard.StopDeadline.DEFAULT);
            stopped.countDown();
        }, "jobguard-shutdown"));
        out.println(switch (app.mode()) {
            case LOCAL -> "JobGuard is running in local mode (no TELEGRAM_BOT_TOKEN): web only.";
            case WEBHOOK -> "JobGuard is running: Telegram bot (webhook) and web.";
            case POLLING -> "JobGuard is running: Telegram bot (long polling) and web.";
        });
        app.banner().forEach(out::println);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
