package org.jobguard.patterns;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Counters for the dashboard's charts: rule hits and reported errors, reports, stored patterns and checks per day. */
public final class Statistics {
    private final Database db;

    Statistics(Database db) {
        this.db = db;
    }

    /** Per-rule hits and reported errors between two days, inclusive; busiest rules first. */
    public List<RuleStats> ruleStats(LocalDate from, LocalDate to) {
        return db.read(c -> {
            List<RuleStats> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT rule_id, MAX(shadow), SUM(hits), SUM(false_positives), SUM(false_negatives) FROM rule_hit_daily "
                            + "WHERE day BETWEEN ? AND ? GROUP BY rule_id ORDER BY SUM(hits) DESC, rule_id")) {
                st.setString(1, from.toString());
                st.setString(2, to.toString());
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new RuleStats(r.getString(1), r.getInt(2) == 1, r.getLong(3), r.getLong(4), r.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Reports per day, keyed by feedback kind id. */
    public List<DailyCount> reportsPerDay(LocalDate from, LocalDate to) {
        return daily("SELECT day, kind, COUNT(*) FROM feedback_report WHERE day BETWEEN ? AND ? GROUP BY day, kind ORDER BY day, kind", from, to);
    }

    /** Reports per day, keyed by the category of each shown rule on the reported message. */
    public List<DailyCount> reportsPerCategory(LocalDate from, LocalDate to) {
        return daily("SELECT f.day, fc.category, COUNT(*) FROM feedback_report f "
                + "JOIN feedback_report_category fc ON fc.report_id = f.id "
                + "WHERE f.day BETWEEN ? AND ? GROUP BY f.day, fc.category ORDER BY f.day, fc.category", from, to);
    }

    /** Flagged patterns stored per day, keyed by source id. */
    public List<DailyCount> patternsPerDay(LocalDate from, LocalDate to) {
        return daily("SELECT day, source, COUNT(*) FROM pattern WHERE day BETWEEN ? AND ? GROUP BY day, source ORDER BY day, source", from, to);
    }

    public List<CheckCount> checksPerDay(LocalDate from, LocalDate to) {
        return db.read(c -> {
            List<CheckCount> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT day, source, checked, flagged FROM check_daily WHERE day BETWEEN ? AND ? ORDER BY day, source")) {
                st.setString(1, from.toString());
                st.setString(2, to.toString());
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new CheckCount(LocalDate.parse(r.getString(1)), Source.fromId(r.getString(2)), r.getLong(3), r.getLong(4)));
                    }
                }
            }
            return out;
        });
    }

    private List<DailyCount> daily(String sql, LocalDate from, LocalDate to) {
        return db.read(c -> {
            List<DailyCount> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, from.toString());
                st.setString(2, to.toString());
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new DailyCount(LocalDate.parse(r.getString(1)), r.getString(2), r.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

}
