package org.jobguard.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recall of the {@link Redactor} on {@link PlantedIdentifiers}: the share of planted identifiers of
 * which nothing recognisable is left. A number counts as leaked when its last 7 digits still appear in
 * the output with separators removed, so a half-redacted phone number is a miss.
 */
public record RedactionRecall(int planted, int caught, List<Miss> misses) {

    public record Miss(Redaction.Type type, String written, String output) {
    }

    public double recall() {
        return planted == 0 ? 1.0 : (double) caught / planted;
    }

    public static RedactionRecall measure(Redactor redactor, List<PlantedIdentifiers.Message> messages) {
        int planted = 0;
        int caught = 0;
        List<Miss> misses = new ArrayList<>();
        for (PlantedIdentifiers.Message m : messages) {
            String out = redactor.redactText(m.text());
            for (PlantedIdentifiers.Planted p : m.planted()) {
                planted++;
                if (leaks(out, p.secret())) {
                    misses.add(new Miss(p.type(), p.written(), out));
                } else {
                    caught++;
                }
            }
        }
        return new RedactionRecall(planted, caught, misses);
    }

    /** Whether the secret, or for numbers their last 7 digits, can still be read in the output. */
    public static boolean leaks(String output, String secret) {
        String view = Redactor.detectionView(output).toLowerCase(Locale.ROOT);
        if (view.contains(secret.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String digits = Redactor.digits(secret);
        if (digits.length() >= 7 && digits.length() * 2 >= secret.length()) {
            String tail = digits.substring(digits.length() - 7);
            return view.replaceAll("(?<=\\d)[ \\-().]+(?=\\d)", "").contains(tail);
        }
        return false;
    }
}
