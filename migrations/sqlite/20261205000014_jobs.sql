-- Background jobs: one row per built-in job, shared by every instance. An
-- instance claims a due job by switching it to 'running' (row locks on
-- PostgreSQL, the write lock on SQLite) and keeps `heartbeat_at` fresh, so a
-- job whose instance died is taken over. `cursor` is where an unfinished run
-- continues (after a pause or a crash); NULL starts a run afresh.
CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'queued', 'running')),
    paused BOOLEAN NOT NULL DEFAULT FALSE,
    cursor TEXT,
    done BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    started_at BIGINT,
    finished_at BIGINT,
    next_run_at BIGINT,
    last_error TEXT,
    last_result TEXT,
    runs BIGINT NOT NULL DEFAULT 0,
    claimed_by TEXT,
    heartbeat_at BIGINT
);
-- The purge job finds ended sessions by when they were revoked.
CREATE INDEX user_sessions_revoked_at ON user_sessions (revoked_at);
