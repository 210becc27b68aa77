package org.jobguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Risk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality targets of issue 3 on the labelled corpora in {@code src/test/resources/corpus/}:
 * recall >= 0.95 on scam_recruit + ransom, false positives <= 2 % legit_job, <= 1 % chat, <= 10 % awareness.
 * Positive means risk medium or high. The holdout file is only gated at these targets, never tuned against.
 */
class CorpusQualityTest {
    private final RedFlagChecker checker = org.jobguard.checker.TestModels.shippedChecker();

    @ParameterizedTest
    @ValueSource(strings = {"own.jsonl", "holdout.jsonl"})
    void meetsTheTargets(String file) throws Exception {
        Map<String, int[]> byLabel = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/corpus/" + file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String label = n.path("label").asText();
                boolean flagged = checker.check(n.path("text").asText(), Optional.empty()).risk().atLeast(Risk.MEDIUM);
                int[] counts = byLabel.computeIfAbsent(label, k -> new int[2]);
                counts[0]++;
                if (flagged) {
                    counts[1]++;
                }
                boolean positive = label.equals("scam_recruit") || label.equals("ransom") || label.equals("other_scam");
                if (flagged != positive) {
                    wrong.add(n.path("id").asText() + " [" + label + "]");
                }
            }
        }
        int[] scam = byLabel.getOrDefault("scam_recruit", new int[2]);
        int[] ransom = byLabel.getOrDefault("ransom", new int[2]);
        double recall = (scam[1] + ransom[1]) / (double) (scam[0] + ransom[0]);
        String detail = file + " recall=" + recall + " wrong=" + wrong;
        assertTrue(recall >= 0.95, detail);
        assertTrue(rate(byLabel, "legit_job") <= 0.02, "legit_job " + detail);
        assertTrue(rate(byLabel, "chat") <= 0.01, "chat " + detail);
        assertTrue(rate(byLabel, "awareness") <= 0.10, "awareness " + detail);
    }

    private static double rate(Map<String, int[]> byLabel, String label) {
        int[] c = byLabel.getOrDefault(label, new int[]{1, 0});
        return c[1] / (double) c[0];
    }
}
