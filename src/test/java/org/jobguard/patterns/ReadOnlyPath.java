package org.jobguard.patterns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or directory read-only for this process and back. Permissions are enough for an ordinary
 * user; root writes through them, so as root the path is also made immutable ({@code chattr +i}), which
 * needs a file system that supports it. {@link #isReadOnly} says whether it worked: tests skip otherwise.
 */
public final class ReadOnlyPath implements AutoCloseable {
    private final Path path;
    private final Set<PosixFilePermission> before;
    private boolean immutable;

    public ReadOnlyPath(Path path) throws IOException, InterruptedException {
        this.path = path;
        this.before = Files.getPosixFilePermissions(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-x------" : "r--------"));
        if (Files.isWritable(path)) {
            immutable = run("chattr", "+i", path.toString());
        }
    }

    public boolean isReadOnly() {
        return !Files.isWritable(path);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", path.toString());
        }
        Files.setPosixFilePermissions(path, before);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
