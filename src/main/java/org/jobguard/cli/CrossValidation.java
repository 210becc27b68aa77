package org.jobguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.checker.RiskModel;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model's figures on messages each fold did not see: per label and language, the share flagged (medium or high
 * as the checker decides: the probability at or above the medium threshold or a strong sign, unless warning cues
 * make it a warning). For danger labels that is recall, for the others the false-alarm rate.
 */
record CrossValidation(List<LabelledMessage> messages, double[] probability, ModelTraining.Bounds bounds,
                       RiskModel.Thresholds thresholds) {

    private Map<String, int[]> counts(boolean byLanguage) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            LabelledMessage m = messages.get(i);
            String key = byLanguage ? m.label() + " " + m.lang() : m.label();
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            if (bounds.flagged(i, probability[i], thresholds)) {
                c[1]++;
            }
        }
        return counts;
    }

    double dangerRecall() {
        int n = 0;
        int hit = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).danger()) {
                n++;
                hit += bounds.flagged(i, probability[i], thresholds) ? 1 : 0;
            }
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "cross-validated (%d folds by batch, %d messages), thresholds low %.3f medium %.3f"
                        + " (job ads %.3f) high %.3f%n", ModelTraining.FOLDS, messages.size(), thresholds.low(),
                thresholds.medium(), thresholds.adMedium(), thresholds.high());
        out.printf(Locale.ROOT, "  recall scam_recruit+ransom: %.3f%n", dangerRecall());
        counts(false).forEach((label, c) -> out.printf(Locale.ROOT, "  %-13s %5d  flagged %4d  %6.3f  %s%n", label,
                c[0], c[1], (double) c[1] / c[0], LabelledMessage.DANGER.contains(label) ? "recall" : "false alarms"));
        counts(true).forEach((key, c) -> out.printf(Locale.ROOT, "    %-22s %5d  %6.3f%n", key, c[0], (double) c[1] / c[0]));
    }

    /**
     * probability, the checker's bounds (M: at least medium, O: unless the model reads it as ordinary, L: at most
     * low, W: at most low unless the model is sure) or "-", label, id, text: one message a line, for a person
     * studying what the model gets wrong
     */
    void writePredictions(java.nio.file.Path file) {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            LabelledMessage m = messages.get(i);
            String bound = (bounds.atLeastMedium()[i] ? "M" : "") + (bounds.atMostLow()[i] ? "L" : "")
                    + (bounds.warningCued()[i] ? "W" : "") + (bounds.overruledBelow()[i] > 0 ? "O" : "");
            tsv.append(String.format(Locale.ROOT, "%.4f\t%s\t%s\t%s\t%s%n", probability[i], bound.isEmpty() ? "-" : bound,
                    m.label(), m.id(),
                    m.text().replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')));
        }
        try {
            java.nio.file.Files.writeString(file, tsv, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("recall_scam_recruit_ransom", Math.round(dangerRecall() * 1000) / 1000.0);
        ObjectNode labels = o.putObject("flagged_share");
        counts(false).forEach((label, c) -> labels.put(label, Math.round(1000.0 * c[1] / c[0]) / 1000.0));
        ObjectNode langs = o.putObject("flagged_share_by_language");
        counts(true).forEach((key, c) -> langs.put(key, Math.round(1000.0 * c[1] / c[0]) / 1000.0));
        return o;
    }
}
