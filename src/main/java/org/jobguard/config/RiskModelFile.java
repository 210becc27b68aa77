package org.jobguard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.RiskModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code config/risk-model.json}, the file {@code train} writes and the checker's scoring reads. JSON so that a
 * person can read each part's named weights and the training figures; a part's wording weights are one line of
 * {@code bucketDelta:thousandths} pairs, buckets ascending, to keep the file small: whole thousandths write each weight
 * in about half the characters of a decimal, and no verdict of the corpora changes with weights rounded to them (the
 * largest change of a probability was 0.001).
 */
public final class RiskModelFile {
    public static final String NAME = "risk-model.json";
    /**
     * 5: a medium threshold of its own for job ads ({@code thresholds.ad_medium}); 4: wording weights in whole
     * thousandths; 3: the wording read twice in a text that names a place abroad (see Wording#abroad); 2: one-vs-rest
     * parts, each with its named weights and its wording; 1 had one set of weights
     */
    public static final int FORMAT = 5;
    /** a wording weight is stored as a whole number of these */
    private static final int UNITS = 1000;

    private RiskModelFile() {
    }

    /**
     * A wording weight as the file can hold it, or 0 for one it leaves out: training keeps exactly what the checker
     * will read back.
     */
    public static float storable(double weight) {
        return Math.round(weight * UNITS) / (float) UNITS;
    }

    /** A part's wording weights as the file stores them: {@code delta:thousandths}, buckets ascending. */
    public static String ngramLine(RiskModel.Part part) {
        StringBuilder line = new StringBuilder(part.ngramBuckets().length * 12);
        int previous = 0;
        for (int i = 0; i < part.ngramBuckets().length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(part.ngramBuckets()[i] - previous).append(':').append(Math.round(part.ngramWeights()[i] * UNITS));
            previous = part.ngramBuckets()[i];
        }
        return line.toString();
    }

    public static RiskModel load(ConfigFiles files) {
        ConfigFiles.Text text = files.textOrBundled(NAME);
        return parse(text.name(), text.content());
    }

    public static RiskModel parse(String file, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file, 0, "not a JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new ConfigException(file, 0, "format must be " + FORMAT + " (retrain with `train`)");
        }
        try {
            JsonNode partsNode = root.path("parts");
            if (!partsNode.isArray() || partsNode.isEmpty()) {
                throw new IllegalArgumentException("needs a list of parts");
            }
            List<RiskModel.Part> parts = new ArrayList<>();
            for (JsonNode p : partsNode) {
                parts.add(part(p));
            }
            JsonNode cal = root.path("calibration");
            JsonNode th = root.path("thresholds");
            return new RiskModel(root.path("version").asText("unnamed"), root.path("ngram_bits").asInt(),
                    parts, number(cal, "scale"), number(cal, "shift"),
                    new RiskModel.Thresholds(number(th, "low"), number(th, "medium"), number(th, "high"),
                            number(th, "ad_medium")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, 0, e.getMessage());
        }
    }

    private static RiskModel.Part part(JsonNode p) {
        String name = p.path("name").asText("");
        if (name.isBlank() || !p.path("danger").isBoolean()) {
            throw new IllegalArgumentException("a part needs a name and whether it is danger");
        }
        Map<String, Double> named = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.path("named").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("named weight " + e.getKey() + " of part " + name + " is not a number");
            }
            named.put(e.getKey(), e.getValue().asDouble());
        }
        String[] pairs = p.path("ngrams").asText("").isBlank() ? new String[0]
                : p.path("ngrams").asText().trim().split(" ");
        int[] buckets = new int[pairs.length];
        float[] weights = new float[pairs.length];
        int bucket = 0;
        for (int i = 0; i < pairs.length; i++) {
            int colon = pairs[i].indexOf(':');
            try {
                bucket += Integer.parseInt(pairs[i].substring(0, Math.max(colon, 0)));
                weights[i] = Integer.parseInt(pairs[i].substring(colon + 1)) / (float) UNITS;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ngram entry " + (i + 1) + " of part " + name
                        + " is not delta:thousandths (two whole numbers): " + pairs[i]);
            }
            buckets[i] = bucket;
        }
        return new RiskModel.Part(name, p.path("danger").asBoolean(), named, buckets, weights);
    }

    private static double number(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("needs a number at " + field);
        }
        return n.asDouble();
    }
}
