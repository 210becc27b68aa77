package org.jobguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The service command exactly as README.md documents it, so that tests starting the jar start it the way a
 * newcomer does: {@code java <options> -jar target/jobguard.jar} from the "Run" command.
 */
public final class ReadmeRunCommand {
    private static final String MARKER = "mvn -B -q -DskipTests package && java ";

    private ReadmeRunCommand() {
    }

    /** The JVM options between {@code java} and {@code -jar} in README's run command. */
    public static List<String> jvmOptions() {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = readme.lines().filter(l -> l.startsWith(MARKER)).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no run command starting with: " + MARKER));
        List<String> words = Arrays.asList(line.substring(MARKER.length()).trim().split("\\s+"));
        int jar = words.indexOf("-jar");
        if (jar < 0 || !words.get(jar + 1).equals("target/jobguard.jar")) {
            throw new AssertionError("README.md's run command does not start target/jobguard.jar: " + line);
        }
        // a file named relative to the repository (the class-data archive) is found from any working directory
        List<String> options = new ArrayList<>();
        for (String option : words.subList(0, jar)) {
            int eq = option.indexOf("=target/");
            options.add(eq < 0 ? option
                    : option.substring(0, eq + 1) + Path.of(option.substring(eq + 1)).toAbsolutePath());
        }
        return options;
    }

    /** {@code java <README options> <extra> -jar <jar>} with this JVM's java. */
    public static List<String> command(Path jar, String... extraOptions) {
        List<String> options = jvmOptions();
        options.addAll(List.of(extraOptions));
        return command(jar, options);
    }

    /** {@code java <options> -jar <jar>} with this JVM's java. */
    public static List<String> command(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
