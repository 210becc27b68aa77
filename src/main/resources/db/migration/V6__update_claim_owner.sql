-- Which database session holds the chat's turn for a running claim (PostgreSQL's backend process id of the
-- claiming instance's lock connection). While that session lives its instance is handling the update; once it is
-- gone (the instance was killed and the server closed its connection) another instance takes the claim over at
-- once instead of waiting for the lease. Null on SQLite, where one instance runs alone.
ALTER TABLE bot_update ADD COLUMN owner_session ${bigint};
