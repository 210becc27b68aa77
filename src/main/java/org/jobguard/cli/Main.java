package org.jobguard.cli;

import org.jobguard.config.ConfigException;
import org.jobguard.patterns.UnusableDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar jobguard.jar [command]}: with no command it runs the service (bot and/or web). */
@Command(name = "jobguard", mixinStandardHelpOptions = true, version = "JobGuard 0.1",
        description = "JobGuard (求职防骗助手): warns job seekers about scam-compound recruitment.",
        subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, CheckCommand.class, EvalCommand.class,
                BenchCommand.class, FloodBenchCommand.class, ContactsCommand.class,
                RedactionEvalCommand.class, StoreBenchCommand.class, ClusterBenchCommand.class, TrainCommand.class, OcrEvalCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code for bad configuration, bad input files or an unusable database file: the caller must fix something. */
    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; tests call this instead of {@link #main}, which exits the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code;
        if (args.length == 0) {
            // the README's run command has no arguments: picocli would read a command by reflection and load some
            // 160 classes of a class-file version too old for the class-data archive, about 0.1 s of start-up
            try {
                code = ServeCommand.serve(out);
            } catch (Exception e) {
                code = failure(e, err);
            }
        } else {
            CommandLine cmd = new CommandLine(new Main());
            cmd.setOut(out);
            cmd.setErr(err);
            cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, err));
            code = cmd.execute(args);
        }
        out.flush();
        err.flush();
        return code;
    }

    private static int failure(Exception e, PrintWriter err) {
        if (e instanceof ConfigException || e instanceof UnusableDatabase) {
            err.println("error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return 1;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command: serve, as the README's run command does. */
    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(spec.commandLine().getOut());
    }
}
