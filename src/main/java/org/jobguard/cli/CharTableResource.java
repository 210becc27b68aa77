package org.jobguard.cli;

import org.jobguard.checker.CharTableSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build step ({@code mvn process-classes}): writes the character table to the file named by the one argument. */
public final class CharTableResource {
    private CharTableResource() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, CharTableSource.encoded());
    }
}
