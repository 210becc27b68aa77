package org.jobguard.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.Normalizer;
import org.jobguard.privacy.Redactor;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measures grouping precision and recall per Hamming threshold on the labelled pairs; prints the table. */
class NearDuplicateThresholdTest {
    private record Pair(boolean dup, int distance, int shingles) {
    }

    @Test
    void chosenThresholdGroupsNearDuplicatesPreciselyOnTheLabelledSample() throws IOException {
        Fingerprinter f = new Fingerprinter(new Normalizer(), new Redactor());
        ObjectMapper json = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/patterns/near-duplicates.jsonl")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                SimHash.Fingerprint a = f.ofOriginal(n.get("a").asText());
                SimHash.Fingerprint b = f.ofOriginal(n.get("b").asText());
                pairs.add(new Pair(n.get("dup").asBoolean(), a.distance(b.bits()), Math.min(a.shingles(), b.shingles())));
            }
        }
        System.out.printf(Locale.ROOT, "near-duplicate pairs: %d (%d duplicates)%n", pairs.size(), pairs.stream().filter(Pair::dup).count());
        int[] negatives = pairs.stream().filter(p -> !p.dup()).mapToInt(Pair::distance).sorted().toArray();
        System.out.printf(Locale.ROOT, "non-duplicates: closest %d bits, 1st percentile %d, median %d%n",
                negatives[0], negatives[negatives.length / 100], negatives[negatives.length / 2]);
        System.out.println("threshold  precision  recall   tp  fp  fn");
        double chosenPrecision = 0;
        double chosenRecall = 0;
        for (int t = 0; t <= 24; t += 1) {
            int tp = 0, fp = 0, fn = 0;
            for (Pair p : pairs) {
                boolean same = p.shingles() >= Fingerprinter.MIN_SHINGLES && p.distance() <= t;
                if (same && p.dup()) tp++;
                else if (same) fp++;
                else if (p.dup()) fn++;
            }
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            System.out.printf(Locale.ROOT, "%9d  %9.3f  %6.3f  %3d %3d %3d%s%n", t, precision, recall, tp, fp, fn,
                    t == Fingerprinter.THRESHOLD ? "   <- Fingerprinter.THRESHOLD" : "");
            if (t == Fingerprinter.THRESHOLD) {
                chosenPrecision = precision;
                chosenRecall = recall;
            }
        }
        assertTrue(chosenPrecision >= 0.99, "precision at the chosen threshold " + chosenPrecision);
        assertTrue(chosenRecall >= 0.85, "recall at the chosen threshold " + chosenRecall);
    }
}
