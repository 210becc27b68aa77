package org.jobguard.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy on loopback in front of instances on loopback, configured by the shipped {@code deploy/haproxy.cfg} with
 * only its listening address, its servers and its log target replaced, so that what is measured and tested is the
 * configuration operators copy. Runs in the foreground as a child process until closed.
 */
public final class HaproxyFront implements AutoCloseable {
    /** Where the example configuration lives in the source tree. */
    public static final Path EXAMPLE = Path.of("deploy/haproxy.cfg");

    private final Process process;
    private final int port;
    private final Path log;

    private HaproxyFront(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The haproxy executable on the PATH or in /usr/sbin (Debian's package), if installed. */
    public static Optional<Path> executable() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/sbin");
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts HAProxy on a free loopback port in front of the instances on {@code ports} (loopback), and waits until
     * it listens.
     *
     * @param work where the configuration and HAProxy's output go
     */
    public static HaproxyFront start(Path haproxy, Path example, Path work, List<Integer> ports)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(work);
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, config(Files.readString(example, StandardCharsets.UTF_8), port, ports));
        Path log = work.resolve("haproxy.log");
        Process p = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HaproxyFront front = new HaproxyFront(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return front;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    front.close();
                    throw new IOException("HAProxy did not start: " + Files.readString(log, StandardCharsets.UTF_8).trim());
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * The example with its {@code bind} on the given loopback port without TLS, each group of {@code server} lines
     * replaced by one line per instance port (keeping the sticky cookie when the group has one), and no syslog.
     */
    static String config(String example, int port, List<Integer> ports) {
        StringBuilder out = new StringBuilder();
        boolean inServers = false;
        for (String line : example.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("server ")) {
                if (!inServers) {
                    inServers = true;
                    String indent = line.substring(0, line.indexOf("server"));
                    for (int i = 0; i < ports.size(); i++) {
                        String name = String.valueOf((char) ('a' + i));
                        out.append(indent).append("server ").append(name).append(" 127.0.0.1:").append(ports.get(i))
                                .append(" check").append(t.contains(" cookie ") ? " cookie " + name : "").append('\n');
                    }
                }
                continue;
            }
            inServers = false;
            if (t.startsWith("bind ")) {
                out.append(line, 0, line.indexOf("bind")).append("bind 127.0.0.1:").append(port).append('\n');
            } else if (!t.startsWith("log ")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    public int port() {
        return port;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
