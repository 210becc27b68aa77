package org.jobguard.config;

import org.jobguard.checker.RiskModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelFileTest {
    private static final String GOOD = """
            {"format": 5, "version": "t", "ngram_bits": 18,
             "calibration": {"scale": 1.5, "shift": -0.5},
             "thresholds": {"low": 0.2, "medium": 0.5, "high": 0.9, "ad_medium": 0.4},
             "parts": [
               {"name": "ransom", "danger": true, "named": {"bias": -2.0, "cat:ransom": 3.25},
                "ngrams": "5:500 10:-250 1:1000"},
               {"name": "benign", "danger": false, "named": {"bias": 1.0}, "ngrams": ""}]}
            """;

    @Test
    void readsWeightsThresholdsAndDeltaEncodedBuckets() {
        RiskModel m = RiskModelFile.parse("m.json", GOOD);
        assertEquals(2, m.parts().size());
        RiskModel.Part ransom = m.parts().get(0);
        assertEquals("ransom", ransom.name());
        assertTrue(ransom.danger());
        assertFalse(m.parts().get(1).danger());
        assertEquals(Map.of("bias", -2.0, "cat:ransom", 3.25), ransom.named());
        assertArrayEquals(new int[] {5, 15, 16}, ransom.ngramBuckets());
        assertArrayEquals(new float[] {0.5f, -0.25f, 1f}, ransom.ngramWeights());
        assertEquals(0.5, m.thresholds().medium());
        assertEquals(0.4, m.thresholds().adMedium());
        assertEquals(0.4, m.thresholds().medium(true));
        assertEquals("5:500 10:-250 1:1000", RiskModelFile.ngramLine(ransom));
        assertEquals(0.5, m.probability(1 / 3.0), 1e-9);
    }

    @Test
    void brokenFilesNameTheFileTheLineAndTheReason() {
        ConfigException json = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", "{\n\"format\": 3,\n\"parts\": {,}\n}"));
        assertEquals("m.json", json.file());
        assertEquals(3, json.line());
        assertTrue(json.reason().startsWith("not valid JSON"), json.reason());

        ConfigException format = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("\"format\": 5", "\"format\": 7")));
        assertTrue(format.reason().contains("format"), format.reason());

        ConfigException bands = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("\"medium\": 0.5", "\"medium\": 0.95")));
        assertTrue(bands.reason().contains("thresholds"), bands.reason());

        ConfigException adAboveMedium = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("\"ad_medium\": 0.4", "\"ad_medium\": 0.6")));
        assertTrue(adAboveMedium.reason().contains("job ads"), adAboveMedium.reason());

        ConfigException noAdMedium = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace(", \"ad_medium\": 0.4", "")));
        assertTrue(noAdMedium.reason().contains("ad_medium"), noAdMedium.reason());

        ConfigException decimal = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("5:500 10:-250", "5:0.5 10:-250")));
        assertTrue(decimal.reason().contains("ngram entry 1 of part ransom is not delta:thousandths"), decimal.reason());

        ConfigException buckets = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("5:500 10:-250 1:1000", "5:500 0:1000")));
        assertTrue(buckets.reason().contains("ascend"), buckets.reason());

        ConfigException noSafePart = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("\"danger\": false", "\"danger\": true")));
        assertTrue(noSafePart.reason().contains("must not be flagged"), noSafePart.reason());

        ConfigException missing = assertThrows(ConfigException.class,
                () -> RiskModelFile.parse("m.json", GOOD.replace("\"shift\": -0.5", "\"shift\": \"x\"")));
        assertTrue(missing.reason().contains("shift"), missing.reason());
    }
}
