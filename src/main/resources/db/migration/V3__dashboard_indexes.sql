-- Measured with `store-bench` at 100,000 patterns: patterns per day scanned the table (250 ms) and the
-- queue read every pattern row of a group for its languages. Covering indexes answer both from the index.

DROP INDEX pattern_day;
CREATE INDEX pattern_day_source ON pattern (day, source);
CREATE INDEX pattern_group_language ON pattern (group_id, language);
