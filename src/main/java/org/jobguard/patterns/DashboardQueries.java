package org.jobguard.patterns;

import org.jobguard.checker.Risk;
import org.jobguard.patterns.PatternStore.ConfirmedGroup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the moderator's dashboard reads: the queue of groups, a group's details, reports, decisions, rule switches. */
public final class DashboardQueries {
    /** Contacts listed per group in the queue; the dashboard shows a handful, not hundreds. */
    static final int INDICATORS_PER_GROUP = 10;
    /** Languages, rules and contacts of a group are taken from its latest this-many patterns. */
    static final int DETAIL_SAMPLE = 200;

    private final Database db;

    DashboardQueries(Database db) {
        this.db = db;
    }

    /**
     * The moderator queue: groups with the given status, most recently seen first, then largest.
     *
     * @param limit at most this many (the dashboard pages with {@code offset})
     */
    public List<GroupSummary> groups(GroupStatus status, int limit, int offset) {
        return db.read(c -> {
            List<long[]> ids = new ArrayList<>();
            Map<Long, GroupSummary> base = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, status, confirmations, note, template_text, size, first_day, last_day FROM pattern_group "
                            + "WHERE status = ? ORDER BY last_day DESC, size DESC, id DESC LIMIT ? OFFSET ?")) {
                st.setString(1, status.id());
                st.setInt(2, limit);
                st.setInt(3, offset);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        base.put(r.getLong(1), new GroupSummary(r.getLong(1), GroupStatus.fromId(r.getString(2)), r.getInt(3),
                                r.getString(4), r.getString(5), r.getInt(6), 0, LocalDate.parse(r.getString(7)),
                                LocalDate.parse(r.getString(8)), List.of(), List.of(), List.of()));
                    }
                }
            }
            List<GroupSummary> out = new ArrayList<>();
            for (GroupSummary g : base.values()) {
                out.add(details(c, g));
            }
            return out;
        });
    }

    public Optional<GroupSummary> group(long groupId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, status, confirmations, note, template_text, size, first_day, last_day FROM pattern_group WHERE id = ?")) {
                st.setLong(1, groupId);
                try (ResultSet r = st.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(details(c, new GroupSummary(r.getLong(1), GroupStatus.fromId(r.getString(2)), r.getInt(3),
                            r.getString(4), r.getString(5), r.getInt(6), 0, LocalDate.parse(r.getString(7)),
                            LocalDate.parse(r.getString(8)), List.of(), List.of(), List.of())));
                }
            }
        });
    }

    private static GroupSummary details(Connection c, GroupSummary g) throws SQLException {
        // a popular template has thousands of copies: describe it by its latest ones so a page of the
        // queue costs the same whatever the group sizes (measured with store-bench)
        String recent = "(SELECT id, language FROM pattern WHERE group_id = ? ORDER BY id DESC LIMIT " + DETAIL_SAMPLE + ")";
        List<String> languages = strings(c, "SELECT DISTINCT language FROM " + recent + " recent ORDER BY language", g.id());
        List<String> rules = strings(c, "SELECT pr.rule_id FROM " + recent + " p JOIN pattern_rule pr ON pr.pattern_id = p.id "
                + "GROUP BY pr.rule_id ORDER BY COUNT(*) DESC, pr.rule_id", g.id());
        List<GroupSummary.IndicatorCount> indicators = new ArrayList<>();
        // the group's most frequent contacts first, then how often each appears store-wide
        try (PreparedStatement st = c.prepareStatement(
                "SELECT h.kind, h.hash, (SELECT COUNT(*) FROM indicator_hash a WHERE a.hash = h.hash) FROM "
                        + "(SELECT ih.kind, ih.hash, COUNT(*) AS n FROM " + recent + " p JOIN indicator_hash ih ON ih.pattern_id = p.id "
                        + "GROUP BY ih.kind, ih.hash ORDER BY n DESC, ih.hash LIMIT " + INDICATORS_PER_GROUP + ") h "
                        + "ORDER BY 3 DESC, h.hash")) {
            st.setLong(1, g.id());
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    indicators.add(new GroupSummary.IndicatorCount(r.getString(1), r.getString(2), r.getInt(3)));
                }
            }
        }
        int reports;
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM feedback_report f JOIN pattern p ON p.id = f.pattern_id "
                + "WHERE p.group_id = ? AND f.status = 'open'")) {
            st.setLong(1, g.id());
            try (ResultSet r = st.executeQuery()) {
                reports = r.next() ? r.getInt(1) : 0;
            }
        }
        return new GroupSummary(g.id(), g.status(), g.confirmations(), g.note(), g.templateText(), g.size(), reports,
                g.firstDay(), g.lastDay(), languages, rules, indicators);
    }

    /** Redacted texts of a group's most recent patterns, for the moderator's detail view. */
    public List<String> groupTexts(long groupId, int limit) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT redacted_text FROM pattern WHERE group_id = ? ORDER BY day DESC, id DESC LIMIT ?")) {
                st.setLong(1, groupId);
                st.setInt(2, limit);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public List<Decision> decisions(long groupId) {
        return db.read(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT group_id, action, note, moderator, at FROM moderator_decision WHERE group_id = ? ORDER BY id")) {
                st.setLong(1, groupId);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new Decision(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), Instant.parse(r.getString(5))));
                    }
                }
            }
            return out;
        });
    }

    /** Reports, newest first; {@code openOnly} hides those a moderator has handled. */
    public List<ReportSummary> reports(boolean openOnly, int limit) {
        return db.read(c -> {
            List<ReportSummary> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT f.id, f.kind, f.source, f.day, f.risk, f.language, f.status, p.id, p.group_id, p.redacted_text, f.rule_ids "
                            + "FROM feedback_report f LEFT JOIN pattern p ON p.id = f.pattern_id "
                            + (openOnly ? "WHERE f.status = 'open' " : "") + "ORDER BY f.day DESC, f.id DESC LIMIT ?")) {
                st.setInt(1, limit);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        long patternId = r.getLong(8);
                        boolean stored = !r.wasNull();
                        String rules = r.getString(11);
                        out.add(new ReportSummary(r.getLong(1), FeedbackKind.fromId(r.getString(2)), Source.fromId(r.getString(3)),
                                LocalDate.parse(r.getString(4)), Risk.fromId(r.getString(5)), r.getString(6),
                                "open".equals(r.getString(7)), stored ? patternId : null, stored ? r.getLong(9) : null,
                                stored ? r.getString(10) : null, rules.isEmpty() ? List.of() : List.of(rules.split(","))));
                    }
                }
            }
            return out;
        });
    }

    /** The current switch of every rule a moderator has toggled. */
    public Map<String, RuleToggle> ruleStates() {
        return db.read(c -> {
            Map<String, RuleToggle> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                    "SELECT s.rule_id, s.enabled, s.shadow, a.moderator, a.reason, s.changed_at FROM rule_state s "
                            + "LEFT JOIN rule_toggle_audit a ON a.id = (SELECT MAX(id) FROM rule_toggle_audit x WHERE x.rule_id = s.rule_id) "
                            + "ORDER BY s.rule_id")) {
                while (r.next()) {
                    out.put(r.getString(1), new RuleToggle(r.getString(1), r.getInt(2) == 1, r.getInt(3) == 1,
                            r.getString(4), r.getString(5), Instant.parse(r.getString(6))));
                }
            }
            return out;
        });
    }

    /** Every rule toggle, newest first. */
    public List<RuleToggle> ruleAudit(int limit) {
        return db.read(c -> {
            List<RuleToggle> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT rule_id, enabled, shadow, moderator, reason, at FROM rule_toggle_audit ORDER BY id DESC LIMIT ?")) {
                st.setInt(1, limit);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new RuleToggle(r.getString(1), r.getInt(2) == 1, r.getInt(3) == 1, r.getString(4),
                                r.getString(5), Instant.parse(r.getString(6))));
                    }
                }
            }
            return out;
        });
    }

    List<ConfirmedGroup> confirmedGroups() {
        return db.read(c -> {
            List<ConfirmedGroup> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                    "SELECT id, simhash, confirmations FROM pattern_group WHERE status = 'confirmed'")) {
                while (r.next()) {
                    out.add(new ConfirmedGroup(r.getLong(1), r.getLong(2), r.getInt(3)));
                }
            }
            return out;
        });
    }

    /**
     * For each of {@code hashes}, how many patterns in groups moderators confirmed as scams carry it; hashes in none
     * are left out. Only keyed hashes are compared: the store holds no contact itself.
     */
    public Map<String, Integer> confirmedPatternsWithIndicators(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(hashes.size(), "?"));
        return db.read(c -> {
            Map<String, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT ih.hash, COUNT(DISTINCT ih.pattern_id) FROM indicator_hash ih"
                    + " JOIN pattern p ON p.id = ih.pattern_id JOIN pattern_group g ON g.id = p.group_id"
                    + " WHERE g.status = 'confirmed' AND ih.hash IN (" + marks + ") GROUP BY ih.hash")) {
                int i = 1;
                for (String h : hashes) {
                    st.setString(i++, h);
                }
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    public long patternCount() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM pattern")) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /**
     * The latest rule switch and group decision: when either moved, a moderator on some instance changed what the
     * checker must know (see {@link ModerationFollower}).
     */
    ModerationMarks moderationMarks() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                    "SELECT (SELECT COALESCE(MAX(id), 0) FROM rule_toggle_audit), (SELECT COALESCE(MAX(id), 0) FROM moderator_decision)")) {
                r.next();
                return new ModerationMarks(r.getLong(1), r.getLong(2));
            }
        });
    }

    record ModerationMarks(long lastRuleToggle, long lastDecision) {
    }

    private static List<String> strings(Connection c, String sql, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
