package org.jobguard.patterns;

import org.jobguard.checker.Normalizer;
import org.jobguard.privacy.Redactor;

import java.util.regex.Pattern;

/**
 * The one way texts become fingerprints, so a stored pattern and a live message compare alike: the
 * checker hands {@link ConfirmedPatternIndex} normalized text, so stored patterns are fingerprinted from
 * the normalized original the same way (redacted after normalizing). Only the 64 bits are kept.
 */
public final class Fingerprinter {
    /**
     * Largest Hamming distance between two fingerprints of the same template. Measured on
     * {@code src/test/resources/patterns/near-duplicates.jsonl} by {@code NearDuplicateThresholdTest},
     * which prints precision and recall for every threshold: at 12 precision 1.00, recall 0.97, while the
     * closest pair of different messages is 20 bits apart. Higher would catch the last few heavily edited
     * copies, but across tens of thousands of groups the margin to unrelated ads of the same vocabulary
     * matters more: a false match here turns an innocent message into "high risk".
     */
    public static final int THRESHOLD = 12;
    /** Below this many distinct 3-grams a fingerprint says too little to call two texts the same. */
    public static final int MIN_SHINGLES = 16;

    /**
     * Normalizing turns {@code @hr_recruit_fake} into {@code @hr recruit fake}, so in the checker's text a
     * handle or link is redacted only up to the first gap; the Latin words right after it are most likely
     * the rest of it and would make two copies of one ad with different contacts look different.
     */
    private static final Pattern HANDLE_TAIL = Pattern.compile("(<HANDLE>|<URL:[^>]*>)[a-z0-9]*(?: [a-z0-9]+){0,3}");

    private final Normalizer normalizer;
    private final Redactor redactor;

    public Fingerprinter(Normalizer normalizer, Redactor redactor) {
        this.normalizer = normalizer;
        this.redactor = redactor;
    }

    public SimHash.Fingerprint ofOriginal(String original) {
        return ofNormalized(normalizer.normalize(original == null ? "" : original).text());
    }

    public SimHash.Fingerprint ofNormalized(String normalizedText) {
        String redacted = redactor.redactText(normalizedText);
        return SimHash.of(HANDLE_TAIL.matcher(redacted).replaceAll("$1"));
    }

    public static boolean near(SimHash.Fingerprint a, long b) {
        return a.shingles() >= MIN_SHINGLES && a.distance(b) <= THRESHOLD;
    }
}
