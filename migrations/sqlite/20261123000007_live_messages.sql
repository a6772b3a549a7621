-- Live connections and messages.

-- Every running server process registers itself and beats every few seconds;
-- connections of a process that stopped beating are no longer listed and are
-- swept, so a crash leaves no ghosts.
CREATE TABLE live_instances (
    id TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

-- One row per open live connection (an open panel page), on whichever
-- instance holds it, so lists and counts cover every instance.
CREATE TABLE live_connections (
    id TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id TEXT,
    client_ip TEXT,
    user_agent TEXT,
    since BIGINT NOT NULL
);
CREATE INDEX live_connections_user ON live_connections (user_id);
CREATE INDEX live_connections_instance ON live_connections (instance_id);

-- A user's inbox. `delivered_at` is set once the message reached an open
-- connection; undelivered ones are pushed on the user's next connection.
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'multicast', 'broadcast')),
    body TEXT NOT NULL,
    sender TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    read_at BIGINT
);
CREATE INDEX messages_user ON messages (user_id, id);
CREATE INDEX messages_undelivered ON messages (user_id) WHERE delivered_at IS NULL;
CREATE INDEX messages_unread ON messages (user_id) WHERE read_at IS NULL;
