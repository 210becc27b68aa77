package org.jobguard.patterns;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests: Debian's server binaries ({@code apt-get install postgresql}, which
 * {@code .ci/run} does), initialized in a temporary directory, listening on a free loopback port, started once per
 * test JVM and stopped when it exits. Each test gets a database of its own.
 *
 * <p>initdb and the server refuse to run as root, so as root (CI, this project's machines) they run as the
 * {@code postgres} user Debian's package creates, or {@code nobody}, through {@code runuser}.
 *
 * <p>When the cluster cannot start, the PostgreSQL tests fail with the reason. A developer without PostgreSQL may set
 * {@code JOBGUARD_TEST_POSTGRES=skip} to skip them instead, with that message; with {@code CI} set the variable is
 * ignored, so CI never passes without them.
 */
public final class PostgresCluster {
    public static final String SKIP_VARIABLE = "JOBGUARD_TEST_POSTGRES";
    private static final String USER = "jobguard";

    private final List<String> asServerUser;
    private final Path bin;
    private final Path base;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    /** Started once, on first use; a failure is remembered, so every PostgreSQL test reports the same reason. */
    private static final class Shared {
        static final Object CLUSTER = startOrFailure();

        private static Object startOrFailure() {
            try {
                return new PostgresCluster();
            } catch (Exception | AssertionError e) {
                return e;
            }
        }
    }

    /** The running cluster; fails (or skips, see the class comment) the calling test when it cannot start. */
    public static PostgresCluster get() {
        if (Shared.CLUSTER instanceof PostgresCluster c) {
            return c;
        }
        Throwable failure = (Throwable) Shared.CLUSTER;
        String why = "PostgreSQL could not be started for the tests: " + failure.getMessage();
        Map<String, String> env = System.getenv();
        if ("skip".equals(env.get(SKIP_VARIABLE)) && env.get("CI") == null) {
            Assumptions.abort(why + " (skipped because " + SKIP_VARIABLE + "=skip)");
        }
        return Assertions.fail(why + ". Install it (Debian: apt-get install postgresql) or, outside CI, set "
                + SKIP_VARIABLE + "=skip to skip the PostgreSQL tests", failure);
    }

    private PostgresCluster() throws Exception {
        bin = binaries();
        asServerUser = serverUser();
        port = freePort();
        base = Files.createTempDirectory("jobguard-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        if (!asServerUser.isEmpty()) {
            UserPrincipalLookupService users = base.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(base, users.lookupPrincipalByName(asServerUser.get(2)));
        }
        try {
            start();
        } catch (Exception e) {
            deleteBase();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-test-cluster-stop"));
    }

    private void start() throws Exception {
        Path data = base.resolve("data");
        run(server("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        // a throwaway cluster: durability is not what the tests measure
        run(server("pg_ctl", "-D", data.toString(), "-l", base.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + base + " -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=200", "start"), 90);
    }

    /** A new, empty database in the cluster. */
    public StoreLocation.Postgres newDatabase() {
        String name = "jobguard_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return StoreLocation.postgres(url(name));
    }

    /** Restarts the server, as an operator's upgrade or a crash would: every open connection breaks. */
    public void restart() throws Exception {
        run(server("pg_ctl", "-D", base.resolve("data").toString(), "-l", base.resolve("server.log").toString(),
                "-m", "fast", "-w", "-t", "60", "restart"), 90);
    }

    /** {@code postgresql://jobguard@127.0.0.1:PORT/NAME}, as an operator sets {@code JOBGUARD_DATABASE_URL}. */
    public String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    /** The whole database as {@code pg_dump} writes it (plain SQL): what a backup holds. */
    public byte[] dump(StoreLocation.Postgres db) throws Exception {
        String name = db.jdbcUrl().replaceAll(".*/", "").replaceAll("\\?.*", "");
        Path out = Files.createTempFile("jobguard-dump-", ".sql");
        try {
            Process p = new ProcessBuilder(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", USER, "-d", name, "-f", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Assertions.assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pg_dump took over 60 s");
            Assertions.assertEquals(0, p.exitValue(), "pg_dump failed");
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void stop() {
        try {
            run(server("pg_ctl", "-D", base.resolve("data").toString(), "-m", "immediate", "-w", "stop"), 30);
        } catch (Exception e) {
            System.err.println("stopping the test PostgreSQL: " + e.getMessage());
        }
        deleteBase();
    }

    private void deleteBase() {
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it
        }
    }

    /** {@code JOBGUARD_TEST_PG_BIN}, or the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout). */
    private static Path binaries() throws IOException {
        String given = System.getenv("JOBGUARD_TEST_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no PostgreSQL server binaries under " + root);
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
                            && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb and pg_ctl under " + root + "/*/bin"));
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Empty when this process may run the server itself; otherwise runuser to a user that may. */
    private static List<String> serverUser() throws Exception {
        if (!"0".equals(output(List.of("id", "-u")).trim())) {
            return List.of();
        }
        String user = exitCode(List.of("id", "-u", "postgres")) == 0 ? "postgres" : "nobody";
        return List.of("runuser", "-u", user, "--");
    }

    private List<String> server(String program, String... args) {
        List<String> cmd = new ArrayList<>(asServerUser);
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Output goes to a file: a server started by the command may hold a pipe open for as long as it runs. */
    private static void run(List<String> cmd, int seconds) throws Exception {
        Path out = Files.createTempFile("jobguard-pg-command-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " took over " + seconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue() + ": "
                        + Files.readString(out, StandardCharsets.UTF_8).trim());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String output(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static int exitCode(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "PostgresCluster[127.0.0.1:" + port + ", " + bin + "]";
    }
}
