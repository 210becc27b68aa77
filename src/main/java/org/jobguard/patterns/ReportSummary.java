package org.jobguard.patterns;

import org.jobguard.checker.Risk;

import java.time.LocalDate;
import java.util.List;

/** A "this is wrong" report with the anonymized pattern it is about. */
public record ReportSummary(long id, FeedbackKind kind, Source source, LocalDate day, Risk risk, boolean open,
                            long patternId, long groupId, String redactedText, List<String> rules) {
    public ReportSummary {
        rules = List.copyOf(rules);
    }
}
