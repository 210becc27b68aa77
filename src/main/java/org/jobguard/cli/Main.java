package org.jobguard.cli;

import org.jobguard.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar jobguard.jar [command]}: with no command it runs the service (bot and/or web). */
@Command(name = "jobguard", mixinStandardHelpOptions = true, version = "JobGuard 0.1",
        description = "JobGuard (求职防骗助手): warns job seekers about scam-compound recruitment.",
        subcommands = {ServeCommand.class, CheckCommand.class, EvalCommand.class, BenchCommand.class, ContactsCommand.class,
                RedactionEvalCommand.class, StoreBenchCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code for bad configuration or bad input files: the caller must fix something. */
    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; tests call this instead of {@link #main}, which exits the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // the README's run command has no arguments: the whole command tree (eight commands read by reflection)
        // would cost a noticeable part of the service's start-up for nothing
        CommandLine cmd = args.length == 0 ? new CommandLine(new ServeCommand()) : new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                err.println("error: " + e.getMessage());
                return EXIT_CONFIG;
            }
            err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command: serve, as the README's run command does. */
    @Override
    public Integer call() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.spec = spec;
        return serve.call();
    }
}
