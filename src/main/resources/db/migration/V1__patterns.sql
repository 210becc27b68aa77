-- Anonymized patterns (DESIGN.md section 4): redacted text and facts about it, never who sent it.
-- Days are ISO dates (yyyy-MM-dd, UTC); no time of day is kept for anything a user sent.

CREATE TABLE pattern_group (
    id              ${id_key},
    simhash         ${bigint} NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    confirmations   INTEGER NOT NULL DEFAULT 0,
    note            TEXT,
    size            INTEGER NOT NULL DEFAULT 0,
    first_day       TEXT    NOT NULL,
    last_day        TEXT    NOT NULL,
    template_text   TEXT    NOT NULL
);
CREATE INDEX pattern_group_status_last ON pattern_group (status, last_day);

CREATE TABLE pattern (
    id              ${id_key},
    group_id        ${bigint} NOT NULL REFERENCES pattern_group (id),
    origin          TEXT    NOT NULL CHECK (origin IN ('flagged', 'report')),
    redacted_text   TEXT    NOT NULL,
    risk            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    forwarded       INTEGER NOT NULL,
    source          TEXT    NOT NULL CHECK (source IN ('bot', 'web')),
    simhash         ${bigint} NOT NULL
);
CREATE INDEX pattern_group_id ON pattern (group_id);
CREATE INDEX pattern_day ON pattern (day);

CREATE TABLE pattern_rule (
    pattern_id      ${bigint} NOT NULL REFERENCES pattern (id) ON DELETE CASCADE,
    rule_id         TEXT    NOT NULL,
    category        TEXT,
    shadow          INTEGER NOT NULL,
    PRIMARY KEY (pattern_id, rule_id)
) ${without_rowid};
CREATE INDEX pattern_rule_rule ON pattern_rule (rule_id);

CREATE TABLE indicator_hash (
    pattern_id      ${bigint} NOT NULL REFERENCES pattern (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    PRIMARY KEY (pattern_id, kind, hash)
) ${without_rowid};
CREATE INDEX indicator_hash_hash ON indicator_hash (hash);

-- counters only: how often each rule fired and was reported wrong, per day; no text
CREATE TABLE rule_hit_daily (
    day             TEXT    NOT NULL,
    rule_id         TEXT    NOT NULL,
    shadow          INTEGER NOT NULL,
    hits            INTEGER NOT NULL DEFAULT 0,
    false_positives INTEGER NOT NULL DEFAULT 0,
    false_negatives INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, rule_id)
) ${without_rowid};

CREATE TABLE check_daily (
    day             TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    checked         INTEGER NOT NULL DEFAULT 0,
    flagged         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, source)
) ${without_rowid};

CREATE TABLE feedback_report (
    id              ${id_key},
    pattern_id      ${bigint} NOT NULL REFERENCES pattern (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('false_positive', 'false_negative')),
    source          TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    risk            TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved'))
);
CREATE INDEX feedback_report_day ON feedback_report (day);

-- moderators are dashboard accounts, not users: their decisions are kept with a timestamp for audit
CREATE TABLE moderator_decision (
    id              ${id_key},
    group_id        ${bigint} NOT NULL REFERENCES pattern_group (id) ON DELETE CASCADE,
    action          TEXT    NOT NULL CHECK (action IN ('confirm', 'reject', 'note')),
    note            TEXT,
    moderator       TEXT    NOT NULL,
    at              TEXT    NOT NULL
);
CREATE INDEX moderator_decision_group ON moderator_decision (group_id);

CREATE TABLE rule_state (
    rule_id         TEXT    PRIMARY KEY,
    enabled         INTEGER NOT NULL,
    shadow          INTEGER NOT NULL,
    changed_at      TEXT    NOT NULL
);

CREATE TABLE rule_toggle_audit (
    id              ${id_key},
    rule_id         TEXT    NOT NULL,
    enabled         INTEGER NOT NULL,
    shadow          INTEGER NOT NULL,
    moderator       TEXT    NOT NULL,
    reason          TEXT,
    at              TEXT    NOT NULL
);
