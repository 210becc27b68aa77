package org.jobguard.patterns;

import org.jobguard.checker.Risk;
import org.jobguard.patterns.PatternStore.FiredRule;
import org.jobguard.patterns.PatternStore.HashedIndicator;
import org.jobguard.patterns.PatternStore.NewPattern;
import org.jobguard.patterns.PatternStore.Stored;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the bot and the web write: patterns into their near-duplicate groups, reports, daily counters, and the
 * deletions of retention and /forget. Every method is one transaction on the store's writer thread.
 */
final class PatternWrites {
    private final Database db;
    /** Fingerprints of all groups, touched only on the writer thread. */
    private final GroupFingerprints groups;

    PatternWrites(Database db, GroupFingerprints groups) {
        this.db = db;
        this.groups = groups;
    }

    /** Inserts a pattern into the nearest group within the threshold, or a new group; committed on return. */
    Stored insert(NewPattern p) {
        return db.write(c -> insert(c, p));
    }

    /** Inserts a pattern and a report about it in one transaction. */
    Stored insertReport(NewPattern p, FeedbackKind kind) {
        return db.write(c -> {
            Stored s = insert(c, p);
            insertReportRow(c, s.patternId(), kind, p.source(), p.day(), p.risk(), p.language(), p.rules());
            return s;
        });
    }

    /**
     * A report about a pattern stored earlier (the bot's button comes after the reply, without the text).
     *
     * @return the pattern's group, or empty when the pattern is gone (purged or forgotten): nothing is written
     */
    Optional<Stored> reportOnPattern(long patternId, FeedbackKind kind, Source source, LocalDate day) {
        return db.write(c -> {
            String risk;
            String language;
            long groupId;
            try (PreparedStatement st = c.prepareStatement("SELECT risk, language, group_id FROM pattern WHERE id = ?")) {
                st.setLong(1, patternId);
                try (ResultSet r = st.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Stored>empty();
                    }
                    risk = r.getString(1);
                    language = r.getString(2);
                    groupId = r.getLong(3);
                }
            }
            List<FiredRule> rules = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT rule_id, category, shadow FROM pattern_rule WHERE pattern_id = ?")) {
                st.setLong(1, patternId);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        rules.add(new FiredRule(r.getString(1), r.getString(2), r.getInt(3) == 1));
                    }
                }
            }
            insertReportRow(c, patternId, kind, source, day, Risk.fromId(risk), language, rules);
            return Optional.of(new Stored(patternId, groupId));
        });
    }

    /** A report about a message that was not stored: only its verdict's rules, risk and language are kept. */
    void reportWithoutPattern(FeedbackKind kind, Source source, LocalDate day, Risk risk, String language, List<FiredRule> rules) {
        db.write(c -> {
            insertReportRow(c, null, kind, source, day, risk, language, rules);
            return null;
        });
    }

    private static void insertReportRow(Connection c, Long patternId, FeedbackKind kind, Source source, LocalDate day,
                                        Risk risk, String language, List<FiredRule> rules) throws SQLException {
        long reportId;
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO feedback_report (pattern_id, kind, source, day, risk, language, rule_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (patternId == null) {
                st.setNull(1, java.sql.Types.INTEGER);
            } else {
                st.setLong(1, patternId);
            }
            st.setString(2, kind.id());
            st.setString(3, source.id());
            st.setString(4, day.toString());
            st.setString(5, risk.id());
            st.setString(6, language);
            st.setString(7, rules.stream().map(FiredRule::ruleId).collect(Collectors.joining(",")));
            st.executeUpdate();
            reportId = generatedKey(st);
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO feedback_report_category (report_id, category) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (FiredRule r : rules) {
                if (r.category() != null) {
                    st.setLong(1, reportId);
                    st.setString(2, r.category());
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
        String column = kind == FeedbackKind.FALSE_POSITIVE ? "false_positives" : "false_negatives";
        for (FiredRule r : rules) {
            bumpRule(c, day, r, column, 1);
        }
    }

    /** Marks one report handled (e.g. a report with no stored text, which no group decision resolves). */
    void resolveReport(long reportId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE feedback_report SET status = 'resolved' WHERE id = ?")) {
                st.setLong(1, reportId);
                if (st.executeUpdate() == 0) {
                    throw new StoreException("no report " + reportId);
                }
            }
            return null;
        });
    }

    /** Inserts many patterns in one transaction: for importing and for seeding benchmarks. */
    int insertAll(List<NewPattern> patterns) {
        return db.write(c -> {
            for (NewPattern p : patterns) {
                insert(c, p);
            }
            return patterns.size();
        });
    }

    /** Counts one checked message and the rules that fired on it; no text. */
    void countCheck(LocalDate day, Source source, boolean flagged, List<FiredRule> rules) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO check_daily (day, source, checked, flagged) VALUES (?, ?, 1, ?) "
                            + "ON CONFLICT (day, source) DO UPDATE SET checked = check_daily.checked + 1, flagged = check_daily.flagged + excluded.flagged")) {
                st.setString(1, day.toString());
                st.setString(2, source.id());
                st.setInt(3, flagged ? 1 : 0);
                st.executeUpdate();
            }
            for (FiredRule r : rules) {
                bumpRule(c, day, r, "hits", 1);
            }
            return null;
        });
    }

    /** Counts the check and stores the pattern in one transaction, so stats and patterns never disagree. */
    Stored countAndInsert(LocalDate day, Source source, List<FiredRule> rules, NewPattern p) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO check_daily (day, source, checked, flagged) VALUES (?, ?, 1, 1) "
                            + "ON CONFLICT (day, source) DO UPDATE SET checked = check_daily.checked + 1, flagged = check_daily.flagged + 1")) {
                st.setString(1, day.toString());
                st.setString(2, source.id());
                st.executeUpdate();
            }
            for (FiredRule r : rules) {
                bumpRule(c, day, r, "hits", 1);
            }
            return insert(c, p);
        });
    }

    private static void bumpRule(Connection c, LocalDate day, FiredRule r, String column, int by) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO rule_hit_daily (day, rule_id, shadow, " + column + ") VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (day, rule_id) DO UPDATE SET " + column + " = rule_hit_daily." + column + " + excluded." + column)) {
            st.setString(1, day.toString());
            st.setString(2, r.ruleId());
            st.setInt(3, r.shadow() ? 1 : 0);
            st.setInt(4, by);
            st.executeUpdate();
        }
    }

    private Stored insert(Connection c, NewPattern p) throws SQLException {
        long groupId = p.shingles() >= Fingerprinter.MIN_SHINGLES ? groups.nearest(p.simhash(), Fingerprinter.THRESHOLD) : -1;
        String day = p.day().toString();
        if (groupId < 0) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO pattern_group (simhash, size, first_day, last_day, template_text) VALUES (?, 1, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setLong(1, p.simhash());
                st.setString(2, day);
                st.setString(3, day);
                st.setString(4, p.redactedText());
                st.executeUpdate();
                groupId = generatedKey(st);
            }
            groups.add(groupId, p.simhash());
        } else {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE pattern_group SET size = size + 1, last_day = CASE WHEN last_day < ? THEN ? ELSE last_day END, "
                            + "first_day = CASE WHEN first_day > ? THEN ? ELSE first_day END WHERE id = ?")) {
                for (int i = 1; i <= 4; i++) {
                    st.setString(i, day);
                }
                st.setLong(5, groupId);
                st.executeUpdate();
            }
        }
        long patternId;
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO pattern (group_id, origin, redacted_text, risk, language, day, forwarded, source, simhash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, groupId);
            st.setString(2, p.origin());
            st.setString(3, p.redactedText());
            st.setString(4, p.risk().id());
            st.setString(5, p.language());
            st.setString(6, day);
            st.setInt(7, p.forwarded() ? 1 : 0);
            st.setString(8, p.source().id());
            st.setLong(9, p.simhash());
            st.executeUpdate();
            patternId = generatedKey(st);
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO pattern_rule (pattern_id, rule_id, category, shadow) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (FiredRule r : p.rules()) {
                st.setLong(1, patternId);
                st.setString(2, r.ruleId());
                st.setString(3, r.category());
                st.setInt(4, r.shadow() ? 1 : 0);
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO indicator_hash (pattern_id, kind, hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (HashedIndicator h : p.indicators()) {
                st.setLong(1, patternId);
                st.setString(2, h.kind());
                st.setString(3, h.hash());
                st.addBatch();
            }
            st.executeBatch();
        }
        return new Stored(patternId, groupId);
    }

    /**
     * Deletes patterns (with their rule hits, indicator hashes and reports) from before {@code cutoff}, and
     * groups left empty unless confirmed: a confirmed group keeps its fingerprint, count and redacted
     * template so the checker still recognises the scam. Daily counters hold no text and are kept.
     */
    PurgeResult purgeBefore(LocalDate cutoff) {
        return db.write(c -> {
            String day = cutoff.toString();
            int reports;
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM feedback_report WHERE day < ? OR pattern_id IN (SELECT id FROM pattern WHERE day < ?)")) {
                st.setString(1, day);
                st.setString(2, day);
                reports = st.executeUpdate();
            }
            int patterns;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM pattern WHERE day < ?")) {
                st.setString(1, day);
                patterns = st.executeUpdate();
            }
            int removedGroups = cleanGroups(c);
            return new PurgeResult(cutoff, patterns, reports, removedGroups);
        });
    }

    /**
     * A message recorded again as it grew (an album, read picture by picture): the pattern recorded for it before,
     * if any, is deleted and the new one, if any, inserted, in one transaction. The message was counted as checked
     * when first recorded and is not counted again; the day's flagged count follows whether it is flagged now.
     */
    Optional<Stored> replacePattern(LocalDate day, Source source, Optional<Long> earlierId, Optional<NewPattern> p) {
        return db.write(c -> {
            int deleted = 0;
            if (earlierId.isPresent()) {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM pattern WHERE id = ?")) {
                    st.setLong(1, earlierId.get());
                    deleted = st.executeUpdate();
                }
                cleanGroups(c);
            }
            int flaggedBy = (p.isPresent() ? 1 : 0) - deleted;
            if (flaggedBy != 0) {
                // CASE rather than MAX(0, ...), which PostgreSQL does not have
                try (PreparedStatement st = c.prepareStatement("UPDATE check_daily SET flagged = "
                        + "CASE WHEN flagged + ? < 0 THEN 0 ELSE flagged + ? END WHERE day = ? AND source = ?")) {
                    st.setInt(1, flaggedBy);
                    st.setInt(2, flaggedBy);
                    st.setString(3, day.toString());
                    st.setString(4, source.id());
                    st.executeUpdate();
                }
            }
            return p.isPresent() ? Optional.of(insert(c, p.get())) : Optional.<Stored>empty();
        });
    }

    /** Deletes the given patterns (used by /forget for the ones still linked in memory). */
    int deletePatterns(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
            int n;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM pattern WHERE id IN (" + in + ")")) {
                int i = 1;
                for (long id : ids) {
                    st.setLong(i++, id);
                }
                n = st.executeUpdate();
            }
            cleanGroups(c);
            return n;
        });
    }

    /** Re-derives group size, days and template after deletions; drops empty unconfirmed groups. */
    private int cleanGroups(Connection c) throws SQLException {
        int removed;
        try (Statement st = c.createStatement()) {
            removed = st.executeUpdate("DELETE FROM pattern_group WHERE status <> 'confirmed' "
                    + "AND NOT EXISTS (SELECT 1 FROM pattern p WHERE p.group_id = pattern_group.id)");
            st.executeUpdate("UPDATE pattern_group SET "
                    + "size = (SELECT COUNT(*) FROM pattern p WHERE p.group_id = pattern_group.id), "
                    + "first_day = COALESCE((SELECT MIN(day) FROM pattern p WHERE p.group_id = pattern_group.id), first_day), "
                    + "last_day = COALESCE((SELECT MAX(day) FROM pattern p WHERE p.group_id = pattern_group.id), last_day), "
                    + "template_text = COALESCE((SELECT redacted_text FROM pattern p WHERE p.group_id = pattern_group.id "
                    + "ORDER BY p.day, p.id LIMIT 1), template_text) "
                    + "WHERE size <> (SELECT COUNT(*) FROM pattern p WHERE p.group_id = pattern_group.id)");
        }
        groups.load(c);
        return removed;
    }

    private static long generatedKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
