package org.jobguard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A clone of the repository is all a reader has: the READMEs may only point at files it holds. */
class ReadmeNamesOnlyRepositoryFilesTest {
    /** A path into the repository's own folders; {@code target/} and {@code data/} are made by running it. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("(?<![\\w./-])(?:\\.ci|config|messages|src)/[\\w./-]*[\\w/]");
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w./-])[\\w./-]+\\.md\\b");

    @Test
    void everyFileAReadmeNamesIsInTheRepository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path readme : readmes()) {
            String text = Files.readString(readme);
            Path folder = readme.toAbsolutePath().getParent();
            if (text.contains("../")) {
                missing.add(readme + ": names a file outside the repository (../)");
            }
            Matcher path = REPOSITORY_PATH.matcher(text);
            while (path.find()) {
                if (!Files.exists(Path.of(path.group()))) {
                    missing.add(readme + ": " + path.group());
                }
            }
            Matcher document = DOCUMENT.matcher(text);
            while (document.find()) {
                String name = document.group();
                if (!Files.exists(folder.resolve(name)) && !Files.exists(Path.of(name))) {
                    missing.add(readme + ": " + name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static List<Path> readmes() throws IOException {
        List<Path> readmes = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            files.filter(p -> p.getFileName().toString().equals("README.md")).forEach(readmes::add);
        }
        return readmes;
    }
}
