-- Timestamps are unix milliseconds (UTC) in both backends, so ordering and
-- range filters behave identically. Ids use the C collation: ULIDs sort bytewise.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT,
    email TEXT,
    password_hash TEXT,
    admin BOOLEAN NOT NULL DEFAULT FALSE,
    can_request_admin BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'locked', 'deactivated')),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT,
    locked_at BIGINT,
    deactivated_at BIGINT
);
CREATE INDEX users_status_id ON users (status, id);
CREATE INDEX users_admin_id ON users (admin, id);
-- Substring search (ILIKE '%term%') over the same text the SQLite FTS index covers.
CREATE INDEX users_search_trgm ON users USING gin (
    (username || ' ' || coalesce(display_name, '') || ' ' || coalesce(email, '')) gin_trgm_ops
);

-- Totals per (status, admin), kept by a trigger so list counts never scan users.
CREATE TABLE user_counts (
    status TEXT NOT NULL,
    admin BOOLEAN NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (status, admin)
);
INSERT INTO user_counts (status, admin) VALUES
    ('active', FALSE), ('active', TRUE), ('locked', FALSE), ('locked', TRUE),
    ('deactivated', FALSE), ('deactivated', TRUE);

CREATE FUNCTION users_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE user_counts SET n = n - 1 WHERE status = OLD.status AND admin = OLD.admin;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE user_counts SET n = n + 1 WHERE status = NEW.status AND admin = NEW.admin;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER users_count_insert_delete AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION users_count_trigger();
CREATE TRIGGER users_count_update AFTER UPDATE OF status, admin ON users
    FOR EACH ROW WHEN (OLD.status <> NEW.status OR OLD.admin <> NEW.admin)
    EXECUTE FUNCTION users_count_trigger();

CREATE TABLE api_tokens (
    id TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE audit_log (
    id TEXT COLLATE "C" PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    actor_ip TEXT,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
