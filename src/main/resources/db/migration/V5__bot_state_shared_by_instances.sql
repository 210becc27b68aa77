-- What several bot instances behind one webhook share on a PostgreSQL store (a single SQLite instance keeps it in
-- memory and leaves these tables empty). V4 is left to the step issue 16 adds to the earlier migrations.
-- Users appear only as keyed hashes (HMAC of the Telegram id, secret from the environment); no time of day is kept
-- for anything a user did.

-- an update id Telegram delivered: claimed by the instance handling it, then done; a claim whose instance died is
-- taken over after a lease (claimed_at, epoch milliseconds). Update ids are Telegram's counters, not user data.
CREATE TABLE bot_update (
    update_id       ${bigint} PRIMARY KEY,
    state           TEXT    NOT NULL CHECK (state IN ('running', 'done')),
    claimed_at      ${bigint} NOT NULL
);
CREATE INDEX bot_update_claimed_at ON bot_update (claimed_at);

-- /lang and /discreet, forgotten after a quiet period (last_day) or on /forget
CREATE TABLE user_preference (
    user_hash       TEXT    PRIMARY KEY,
    language        TEXT,
    discreet        INTEGER NOT NULL,
    delete_after_seconds INTEGER NOT NULL,
    last_day        TEXT    NOT NULL
);
CREATE INDEX user_preference_last_day ON user_preference (last_day);

-- which reply answered which message (keyed hash of user, chat and message id), so an edit updates the reply
CREATE TABLE reply_index (
    message_hash    TEXT    PRIMARY KEY,
    user_hash       TEXT    NOT NULL,
    reply_message_id ${bigint} NOT NULL,
    day             TEXT    NOT NULL
);
CREATE INDEX reply_index_user ON reply_index (user_hash);
CREATE INDEX reply_index_day ON reply_index (day);
