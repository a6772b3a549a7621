-- Timestamps are unix milliseconds (UTC) in both backends, so ordering and
-- range filters behave identically. `rid` is an explicit rowid alias: the
-- full-text index refers to rows by rowid, which VACUUM may otherwise renumber.
CREATE TABLE users (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
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

-- Totals per (status, admin), kept by triggers so list counts never scan users.
CREATE TABLE user_counts (
    status TEXT NOT NULL,
    admin BOOLEAN NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (status, admin)
);
INSERT INTO user_counts (status, admin) VALUES
    ('active', FALSE), ('active', TRUE), ('locked', FALSE), ('locked', TRUE),
    ('deactivated', FALSE), ('deactivated', TRUE);

CREATE TRIGGER users_count_insert AFTER INSERT ON users BEGIN
    UPDATE user_counts SET n = n + 1 WHERE status = NEW.status AND admin = NEW.admin;
END;
CREATE TRIGGER users_count_delete AFTER DELETE ON users BEGIN
    UPDATE user_counts SET n = n - 1 WHERE status = OLD.status AND admin = OLD.admin;
END;
CREATE TRIGGER users_count_update AFTER UPDATE OF status, admin ON users
WHEN OLD.status <> NEW.status OR OLD.admin <> NEW.admin BEGIN
    UPDATE user_counts SET n = n - 1 WHERE status = OLD.status AND admin = OLD.admin;
    UPDATE user_counts SET n = n + 1 WHERE status = NEW.status AND admin = NEW.admin;
END;

-- Substring search over username, display name and email.
CREATE VIRTUAL TABLE users_fts USING fts5(
    username, display_name, email,
    content = 'users', content_rowid = 'rid', tokenize = 'trigram'
);
CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_fts (rowid, username, display_name, email)
    VALUES (NEW.rid, NEW.username, NEW.display_name, NEW.email);
END;
CREATE TRIGGER users_fts_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, username, display_name, email)
    VALUES ('delete', OLD.rid, OLD.username, OLD.display_name, OLD.email);
END;
CREATE TRIGGER users_fts_update AFTER UPDATE OF username, display_name, email ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, username, display_name, email)
    VALUES ('delete', OLD.rid, OLD.username, OLD.display_name, OLD.email);
    INSERT INTO users_fts (rowid, username, display_name, email)
    VALUES (NEW.rid, NEW.username, NEW.display_name, NEW.email);
END;

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
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
    id TEXT PRIMARY KEY NOT NULL,
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
