package org.jobguard.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data files live: {@code config/} next to where the jar is started when it exists (so an operator
 * edits plain files), otherwise the copy bundled in the jar.
 */
public record ConfigFiles(Path configDir, Path messagesDir) {

    /** {@code JOBGUARD_HOME} or the working directory, when it holds {@code config/rules.yaml}. */
    public static ConfigFiles locate(java.util.Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("JOBGUARD_HOME", "."));
        Path config = home.resolve("config");
        Path messages = home.resolve("messages");
        return new ConfigFiles(Files.isRegularFile(config.resolve("rules.yaml")) ? config : null,
                Files.isDirectory(messages) ? messages : null);
    }

    /** A file of {@code config/} as text, from disk or from the jar, with the name errors should give. */
    public record Text(String name, String content) {
    }

    /** Reads a file of {@code config/}, from disk or from the jar; the name in errors says which. */
    public YamlDocument yaml(String name) {
        Text text = text(name);
        return YamlDocument.parse(text.name(), text.content());
    }

    /**
     * Like {@link #yaml}, except that a config directory without the file reads the jar's copy: a file added to
     * JobGuard after an operator copied {@code config/} (places.yaml, risk-model.json) then needs no step of theirs,
     * and the copy they add later is the one read.
     */
    public YamlDocument yamlOrBundled(String name) {
        Text text = textOrBundled(name);
        return YamlDocument.parse(text.name(), text.content());
    }

    public Text text(String name) {
        return configDir != null ? fromDisk(configDir.resolve(name)) : bundled(name);
    }

    public Text textOrBundled(String name) {
        if (configDir != null && Files.exists(configDir.resolve(name))) {
            return fromDisk(configDir.resolve(name));
        }
        return bundled(name);
    }

    private static Text fromDisk(Path file) {
        try {
            return new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(file.toString(), 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private static Text bundled(String name) {
        String resource = "jobguard/config/" + name;
        try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("classpath:" + resource, 0, "missing from the jar");
            }
            return new Text("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("classpath:" + resource, 0, "cannot read: " + e.getMessage());
        }
    }

    public org.jobguard.i18n.Messages messages() {
        return messagesDir != null ? org.jobguard.i18n.Messages.load(messagesDir)
                : org.jobguard.i18n.Messages.loadBundled();
    }
}
