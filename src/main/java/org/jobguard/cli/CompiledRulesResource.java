package org.jobguard.cli;

import org.jobguard.checker.CompiledRulesImage;
import org.jobguard.config.ConfigException;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step ({@code mvn process-classes}, after the character table, which normalizing needs): compiles the
 * rules of the config directory named by the second argument into the image file named by the first.
 */
public final class CompiledRulesResource {
    private CompiledRulesResource() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        ConfigFiles files = new ConfigFiles(Path.of(args[1]), null);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.deleteIfExists(out);
        try {
            Files.write(out, CompiledRulesImage.encoded(RulesLoader.load(files.yaml("rules.yaml"))));
        } catch (ConfigException e) {
            // the image only saves start-up time: the build goes on, and the service, which compiles the rules
            // itself when there is no image, stops at start with this error, its file and line, and exit code 2
            System.out.println("compiled-rules image not built: " + e.getMessage());
        }
    }
}
