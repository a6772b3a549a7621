-- One row per panel login (browser session): the device it came from and
-- whether it was revoked. The tower session stores the row's id; a session
-- whose row is revoked or gone no longer authenticates.
CREATE TABLE user_sessions (
    id TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_ip TEXT,
    user_agent TEXT,
    browser TEXT,
    browser_version TEXT,
    os TEXT,
    os_version TEXT,
    device TEXT NOT NULL DEFAULT 'other'
        CHECK (device IN ('desktop', 'mobile', 'tablet', 'bot', 'other')),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    revoked_at BIGINT
);
-- A user's sessions, newest first (the primary key serves the global list).
CREATE INDEX user_sessions_user ON user_sessions (user_id, id);
-- The "active" filter and idle-based listings.
CREATE INDEX user_sessions_last_seen ON user_sessions (last_seen_at, id);
CREATE INDEX user_sessions_ip ON user_sessions (client_ip, id);
