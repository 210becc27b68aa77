package org.jobguard.patterns;

import org.jobguard.checker.Risk;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The anonymized pattern database (SQLite): patterns, their rule hits and indicator hashes, groups of
 * near-duplicates, feedback reports, moderator decisions and rule toggles, and daily counters.
 * It stores what it is given; {@link PatternService} makes sure that is redacted. Thread-safe: writes
 * are serialized on one writer thread, reads use a pool of read-only connections.
 */
public final class PatternStore implements AutoCloseable {
    /** A rule that fired on a stored message; {@code category} is null for shadow rules. */
    record FiredRule(String ruleId, String category, boolean shadow) {
    }

    record HashedIndicator(String kind, String hash) {
    }

    record NewPattern(String origin, String redactedText, Risk risk, String language, LocalDate day, boolean forwarded,
                      Source source, long simhash, int shingles, List<FiredRule> rules, List<HashedIndicator> indicators) {
    }

    record Stored(long patternId, long groupId) {
    }

    record ConfirmedGroup(long groupId, long simhash, int confirmations) {
    }

    /**
     * Whether the store can write: its writer thread runs and the last writes did not all fail in the
     * database. {@code /health} answers 503 when not.
     *
     * @param failedInARow writes the database refused (read-only, full, I/O) since the last one it took
     */
    public record WriteHealth(boolean writerRunning, int failedInARow) {
        /** One failure can be a passing glitch; this many in a row, nothing is being stored. */
        public static final int FAILURES_BEFORE_UNHEALTHY = 3;

        public boolean ok() {
            return writerRunning && failedInARow < FAILURES_BEFORE_UNHEALTHY;
        }
    }

    /** Contacts listed per group in the queue; the dashboard shows a handful, not hundreds. */
    static final int INDICATORS_PER_GROUP = 10;
    /** Languages, rules and contacts of a group are taken from its latest this-many patterns. */
    static final int DETAIL_SAMPLE = 200;

    private final Database db;
    private final Clock clock;
    /** Fingerprints of all groups, touched only on the writer thread. */
    private final GroupFingerprints groups = new GroupFingerprints();

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @param file     e.g. {@code data/jobguard.db}; its directory is created with owner-only permissions
     * @param maxBytes   0 for no limit; otherwise writes fail once the file would grow past it, as on a full disk
     * @param writerDied told once, on the dying thread, when an Error ended the writer: nothing can be stored
     *                   from then on, so a service stops and lets its supervisor start a clean process
     * @throws UnusableDatabase naming the file when it is not a database, is corrupt or read-only; a bad file
     *                          is never overwritten
     * @throws StoreException   naming the file when it cannot be opened
     */
    public PatternStore(Path file, Clock clock, long maxBytes, Consumer<Error> writerDied) {
        this.clock = clock;
        this.db = new Database(file, clock, maxBytes, c -> {
            groups.load(c);
            return null;
        }, writerDied);
        db.write(c -> {
            groups.load(c);
            return null;
        });
    }

    /** The writer's death is logged (by the store) and otherwise ignored: for tools and tests. */
    public PatternStore(Path file, Clock clock, long maxBytes) {
        this(file, clock, maxBytes, error -> { });
    }

    public PatternStore(Path file, Clock clock) {
        this(file, clock, 0);
    }

    public WriteHealth writeHealth() {
        return db.writeHealth();
    }

    public Path path() {
        return db.path();
    }

    // ---- writes ---------------------------------------------------------------------------------

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
                "INSERT OR IGNORE INTO feedback_report_category (report_id, category) VALUES (?, ?)")) {
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
                            + "ON CONFLICT (day, source) DO UPDATE SET checked = checked + 1, flagged = flagged + excluded.flagged")) {
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
                            + "ON CONFLICT (day, source) DO UPDATE SET checked = checked + 1, flagged = flagged + 1")) {
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
                        + "ON CONFLICT (day, rule_id) DO UPDATE SET " + column + " = " + column + " + excluded." + column)) {
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
                    "UPDATE pattern_group SET size = size + 1, last_day = MAX(last_day, ?), first_day = MIN(first_day, ?) WHERE id = ?")) {
                st.setString(1, day);
                st.setString(2, day);
                st.setLong(3, groupId);
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
                "INSERT OR IGNORE INTO pattern_rule (pattern_id, rule_id, category, shadow) VALUES (?, ?, ?, ?)")) {
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
                "INSERT OR IGNORE INTO indicator_hash (pattern_id, kind, hash) VALUES (?, ?, ?)")) {
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
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE check_daily SET flagged = MAX(0, flagged + ?) WHERE day = ? AND source = ?")) {
                    st.setInt(1, flaggedBy);
                    st.setString(2, day.toString());
                    st.setString(3, source.id());
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

    // ---- reads ----------------------------------------------------------------------------------

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
        List<String> languages = strings(c, "SELECT DISTINCT language FROM " + recent + " ORDER BY language", g.id());
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

    public long patternCount() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM pattern")) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** {@code PRAGMA integrity_check} of the live database: "ok" when healthy. */
    public String integrityCheck() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no result";
            }
        });
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

    private static long generatedKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
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
                            + "(SELECT group_concat(rule_id, ',') FROM pattern_rule pr WHERE pr.pattern_id = p.id) "
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

    @Override
    public void close() {
        db.close();
    }
}
