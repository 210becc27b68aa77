package org.jobguard.patterns;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;

/** Moderators' decisions on groups and their rule switches, each kept with an audit entry. */
final class Moderation {
    private final Database db;
    private final Clock clock;

    Moderation(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Marks a group a confirmed scam template; each confirmation counts. */
    void confirm(long groupId, String moderator, String note) {
        decide(groupId, "confirm", GroupStatus.CONFIRMED, moderator, note);
    }

    void reject(long groupId, String moderator, String note) {
        decide(groupId, "reject", GroupStatus.REJECTED, moderator, note);
    }

    /** Attaches a note to a group without changing its status. */
    void note(long groupId, String moderator, String note) {
        decide(groupId, "note", null, moderator, note);
    }

    private void decide(long groupId, String action, GroupStatus status, String moderator, String note) {
        db.write(c -> {
            String set = status == null ? "note = ?"
                    : status == GroupStatus.CONFIRMED ? "status = 'confirmed', confirmations = confirmations + 1, note = COALESCE(?, note)"
                    : "status = '" + status.id() + "', note = COALESCE(?, note)";
            try (PreparedStatement st = c.prepareStatement("UPDATE pattern_group SET " + set + " WHERE id = ?")) {
                st.setString(1, note);
                st.setLong(2, groupId);
                if (st.executeUpdate() == 0) {
                    throw new StoreException("no pattern group " + groupId);
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO moderator_decision (group_id, action, note, moderator, at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, groupId);
                st.setString(2, action);
                st.setString(3, note);
                st.setString(4, moderator);
                st.setString(5, Instant.now(clock).toString());
                st.executeUpdate();
            }
            if (status != null) {
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE feedback_report SET status = 'resolved' WHERE status = 'open' "
                                + "AND pattern_id IN (SELECT id FROM pattern WHERE group_id = ?)")) {
                    st.setLong(1, groupId);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Records a rule switch and its audit entry together. */
    void toggleRule(RuleToggle t) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO rule_state (rule_id, enabled, shadow, changed_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled, shadow = excluded.shadow, changed_at = excluded.changed_at")) {
                st.setString(1, t.ruleId());
                st.setInt(2, t.enabled() ? 1 : 0);
                st.setInt(3, t.shadow() ? 1 : 0);
                st.setString(4, t.at().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO rule_toggle_audit (rule_id, enabled, shadow, moderator, reason, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, t.ruleId());
                st.setInt(2, t.enabled() ? 1 : 0);
                st.setInt(3, t.shadow() ? 1 : 0);
                st.setString(4, t.moderator());
                st.setString(5, t.reason());
                st.setString(6, t.at().toString());
                st.executeUpdate();
            }
            return null;
        });
    }
}
