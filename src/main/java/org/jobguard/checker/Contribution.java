package org.jobguard.checker;

/**
 * What one feature added to a verdict's risk, for people who ask why: "pair:all_expenses_paid+risky_destination"
 * +1.8, "wording" +0.9 (the n-grams together, quoted in the verdict's flags), "zone:domestic+pay_too_good" -1.2.
 *
 * @param weight its share of the weighted sum before calibration; negative ones speak against a scam
 */
public record Contribution(String feature, double weight) {
}
