package org.jobguard.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the moderator dashboard reads and changes: the pattern store seen from the web. Everything here is
 * already anonymized (redacted text, days, counts, keyed-hash counts); the adapter over the store lives
 * with the wiring, so the web package knows nothing of SQL.
 */
public interface Moderation {

    enum Status {
        PENDING, CONFIRMED, REJECTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Status> fromId(String id) {
            for (Status s : values()) {
                if (s.id().equals(id)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    enum Decision {
        CONFIRM, REJECT, NOTE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One group of near-duplicate patterns in the review queue.
     *
     * @param indicators recruiter indicators seen in this group, by kind, with how many stored reports
     *                   (in any group) carry the same keyed hash: "the same handle in 12 reports"
     */
    record GroupRow(long id, Status status, String redactedText, List<String> rules, int size, String firstDay,
                    String lastDay, List<String> languages, List<IndicatorCount> indicators, int confirmations,
                    String note) {
    }

    record IndicatorCount(String kind, int reports) {
    }

    record ReportRow(long id, String kind, String day, String risk, String source, String redactedText,
                     List<String> rules, String status) {
    }

    /** Hits and false-positive reports of one rule over the stored history. */
    record RuleCounts(String ruleId, long hits, long falsePositives) {
    }

    record DayCount(String day, long checked, long flagged, long reports) {
    }

    record CategoryCount(String category, long hits) {
    }

    record PatternRow(long id, long groupId, String day, String risk, String language, String source,
                      boolean forwarded, List<String> rules, String redactedText) {
    }

    record ToggleRow(String ruleId, boolean enabled, boolean shadow, String moderator, String at) {
    }

    List<GroupRow> queue(Status status, int offset, int limit);

    long count(Status status);

    /** Records the decision with the moderator's name for audit; a confirm or reject takes effect in the checker. */
    void decide(long groupId, Decision decision, String note, String moderator);

    List<ReportRow> reports(int offset, int limit);

    List<RuleCounts> ruleCounts();

    /** Stores the rule's new switches with an audit entry; the caller applies them to the running checker. */
    void toggleRule(String ruleId, boolean enabled, boolean shadow, String moderator);

    List<ToggleRow> toggleAudit(int limit);

    List<DayCount> perDay(int days);

    List<CategoryCount> perCategory(int days);

    long patternCount();

    /** Every stored pattern in id order, handed over one at a time so exports stream. */
    void eachPattern(Consumer<PatternRow> sink);

    /** Whether the store answers a trivial query. */
    boolean healthy();
}
