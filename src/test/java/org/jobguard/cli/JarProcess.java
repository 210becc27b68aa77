package org.jobguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code target/jobguard.jar} the way the README says, feeding stdin and capturing both outputs. */
record JarProcess(int exitCode, String stdout, String stderr) {
    static final Path JAR = Path.of("target/jobguard.jar");

    static JarProcess run(byte[] stdin, Map<String, String> env, Path workDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("jobguard-out", ".txt");
        Path err = Files.createTempFile("jobguard-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException ignored) {
            // the command may finish before reading all of stdin; its exit code tells the rest
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jobguard " + String.join(" ", args) + " did not finish in 120 s");
        }
        JarProcess result = new JarProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }

    static JarProcess run(String stdin, String... args) throws Exception {
        return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), Path.of("."), args);
    }
}
