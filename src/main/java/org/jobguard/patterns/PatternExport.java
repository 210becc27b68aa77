package org.jobguard.patterns;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The dashboard's CSV and JSON export of every stored pattern. */
public final class PatternExport {
    private final Database db;

    PatternExport(Database db) {
        this.db = db;
    }

    /** One stored pattern as exports show it: anonymized text and facts, nothing about who sent it. */
    public record ExportedPattern(long id, long groupId, LocalDate day, String risk, String language, Source source,
                                  boolean forwarded, List<String> rules, String redactedText) {
        public ExportedPattern {
            rules = List.copyOf(rules);
        }
    }

    /**
     * Hands every stored pattern, in id order, to {@code sink} while reading, so an export of 100,000 patterns
     * streams instead of filling memory. Added for the dashboard's CSV and JSON export.
     */
    public void forEachPattern(java.util.function.Consumer<ExportedPattern> sink) {
        db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT p.id, p.group_id, p.day, p.risk, p.language, p.source, p.forwarded, p.redacted_text, "
                            + "(SELECT string_agg(rule_id, ',') FROM pattern_rule pr WHERE pr.pattern_id = p.id) "
                            + "FROM pattern p ORDER BY p.id")) {
                st.setFetchSize(1000);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        String rules = r.getString(9);
                        sink.accept(new ExportedPattern(r.getLong(1), r.getLong(2), LocalDate.parse(r.getString(3)),
                                r.getString(4), r.getString(5), Source.fromId(r.getString(6)), r.getInt(7) == 1,
                                rules == null ? List.of() : List.of(rules.split(",")), r.getString(8)));
                    }
                }
            }
            return null;
        });
    }
}
