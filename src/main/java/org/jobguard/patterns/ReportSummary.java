package org.jobguard.patterns;

import org.jobguard.checker.Risk;

import java.time.LocalDate;
import java.util.List;

/**
 * A "this is wrong" report.
 *
 * @param language     language tag of the reported verdict
 * @param patternId    the stored pattern it is about; null when the message was not flagged and so not stored
 * @param groupId      that pattern's group; null with {@code patternId}
 * @param redactedText that pattern's text; null with {@code patternId}
 * @param rules        rule ids of the reported verdict
 */
public record ReportSummary(long id, FeedbackKind kind, Source source, LocalDate day, Risk risk, String language,
                            boolean open, Long patternId, Long groupId, String redactedText, List<String> rules) {
    public ReportSummary {
        rules = List.copyOf(rules);
    }
}
