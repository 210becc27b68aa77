package org.jobguard.cli;

import org.jobguard.patterns.StoreBenchmark;
import org.jobguard.patterns.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Prints patterns stored per second and dashboard query latency at a given store size, in a scratch database. */
@Command(name = "store-bench", mixinStandardHelpOptions = true,
        description = "Benchmark the pattern store: concurrent writes through the pattern service, then dashboard queries at N patterns.")
public final class StoreBenchCommand implements Callable<Integer> {
    @Option(names = "--patterns", defaultValue = "100000", description = "store size for the query latencies")
    int patterns;

    @Option(names = "--threads", defaultValue = "8", description = "concurrent writers")
    int threads;

    @Option(names = "--seconds", defaultValue = "10", description = "length of the write phase")
    int seconds;

    @Option(names = "--database-url", description = "a PostgreSQL database to measure instead of a SQLite file "
            + "(postgresql://user:password@host:port/database, as JOBGUARD_DATABASE_URL; use an empty scratch database: "
            + "the benchmark fills it)")
    String databaseUrl;

    @Option(names = "--dir", description = "where to put the scratch database (default: a new temp directory, deleted afterwards)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean scratch = dir == null;
        Path base = scratch ? Files.createTempDirectory("jobguard-store-bench") : dir;
        try {
            StoreLocation location = databaseUrl == null ? new StoreLocation.SqliteFile(base.resolve("bench.db"))
                    : postgres(databaseUrl);
            StoreBenchmark.run(location, patterns, threads, Duration.ofSeconds(seconds), out);
        } finally {
            if (scratch) {
                try (Stream<Path> files = Files.walk(base)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return 0;
    }

    private StoreLocation.Postgres postgres(String url) {
        try {
            return StoreLocation.postgres(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--database-url: " + e.getMessage());
        }
    }
}
