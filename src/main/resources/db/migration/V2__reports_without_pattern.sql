-- The bot's "this is wrong" button arrives after the reply, when the bot no longer has the text: a report
-- may refer to a stored pattern or, for a message that was not flagged, to nothing but the rules, risk
-- and language of the verdict. SQLite cannot drop NOT NULL in place, so the table is rebuilt.

CREATE TABLE feedback_report_v2 (
    id              ${id_key},
    pattern_id      ${bigint} REFERENCES pattern (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('false_positive', 'false_negative')),
    source          TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    risk            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    rule_ids        TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved'))
);

INSERT INTO feedback_report_v2 (id, pattern_id, kind, source, day, risk, language, rule_ids, status)
SELECT f.id, f.pattern_id, f.kind, f.source, f.day, f.risk, COALESCE(p.language, 'en'),
       COALESCE((SELECT string_agg(pr.rule_id, ',') FROM pattern_rule pr WHERE pr.pattern_id = f.pattern_id), ''),
       f.status
FROM feedback_report f LEFT JOIN pattern p ON p.id = f.pattern_id;

DROP TABLE feedback_report;
ALTER TABLE feedback_report_v2 RENAME TO feedback_report;
CREATE INDEX feedback_report_day ON feedback_report (day);
CREATE INDEX feedback_report_pattern ON feedback_report (pattern_id);

CREATE TABLE feedback_report_category (
    report_id       ${bigint} NOT NULL REFERENCES feedback_report (id) ON DELETE CASCADE,
    category        TEXT    NOT NULL,
    PRIMARY KEY (report_id, category)
) ${without_rowid};

INSERT INTO feedback_report_category (report_id, category)
SELECT f.id, pr.category FROM feedback_report f JOIN pattern_rule pr ON pr.pattern_id = f.pattern_id
WHERE pr.category IS NOT NULL
ON CONFLICT DO NOTHING;
