package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One line of a labelled corpus file (the format of {@code src/test/resources/corpus/README.md}). */
record LabelledMessage(String id, String text, String label, String lang, List<String> expectedCategories) {
    /** What the risk model must flag: recruitment into a compound, or a ransom demand for someone held in one. */
    static final Set<String> DANGER = Set.of("scam_recruit", "ransom");
    static final Set<String> LABELS = Set.of("scam_recruit", "ransom", "other_scam", "legit_job", "chat", "awareness");

    boolean danger() {
        return DANGER.contains(label);
    }

    /** A line of the real corpora, quoted from a public source (their ids start with "real": realzh-, real21-). */
    boolean real() {
        return id.startsWith("real");
    }

    /** Every labelled line of {@code file}, in order; a line without text or with an unknown label is an error. */
    static List<LabelledMessage> read(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        List<LabelledMessage> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode n = mapper.readTree(lines.get(i));
                String label = n.path("label").asText("");
                if (!LABELS.contains(label) || !n.path("text").isTextual()) {
                    throw new IllegalArgumentException("needs text and a known label");
                }
                List<String> cats = new ArrayList<>();
                n.path("expected_categories").forEach(c -> cats.add(c.asText()));
                out.add(new LabelledMessage(n.path("id").asText(file.getFileName() + ":" + (i + 1)),
                        n.get("text").asText(), label, n.path("lang").asText("?"), cats));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
