package org.jobguard.patterns;

import java.time.LocalDate;
import java.util.List;

/**
 * One group of near-duplicate patterns as the moderator queue shows it.
 *
 * @param templateText  redacted text, as written, of the group's oldest kept pattern
 * @param size          patterns in the group (flagged messages and reports)
 * @param reports       open "this is wrong" reports on its patterns
 * @param languages     language tags seen in the group's latest 200 patterns
 * @param rules         rule ids fired in the group's latest 200 patterns, most frequent first (shadow rules included)
 * @param indicators    the 10 commonest keyed contact hashes of those patterns, each with how many patterns
 *                      anywhere in the store carry it ("the same handle in 12 reports")
 */
public record GroupSummary(long id, GroupStatus status, int confirmations, String note, String templateText,
                           int size, int reports, LocalDate firstDay, LocalDate lastDay, List<String> languages,
                           List<String> rules, List<IndicatorCount> indicators) {
    public GroupSummary {
        languages = List.copyOf(languages);
        rules = List.copyOf(rules);
        indicators = List.copyOf(indicators);
    }

    /** @param kind e.g. {@code HANDLE}, {@code PHONE}; @param hash hex HMAC; @param patterns patterns carrying it, store-wide */
    public record IndicatorCount(String kind, String hash, int patterns) {
    }
}
