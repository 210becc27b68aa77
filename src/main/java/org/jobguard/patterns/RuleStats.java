package org.jobguard.patterns;

/**
 * How a rule did over a period.
 *
 * @param hits           messages it fired on (shown flags, or silently for shadow rules)
 * @param falsePositives "this is wrong" reports on flagged messages it fired on
 * @param falseNegatives reports that a message it fired on was under-rated
 */
public record RuleStats(String ruleId, boolean shadow, long hits, long falsePositives, long falseNegatives) {
    /** Reported false positives per hit; 0 when it never fired. */
    public double falsePositiveRate() {
        return hits == 0 ? 0 : (double) falsePositives / hits;
    }
}
