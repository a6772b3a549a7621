-- Admin API access: the IP allow-list and OAuth2 client credentials.

-- Entries are canonical: a single address ("203.0.113.7", "2001:db8::1") or a
-- network with no host bits set ("10.0.0.0/8", "2001:db8::/32").
CREATE TABLE ip_allowlist (
    entry TEXT PRIMARY KEY,
    note TEXT,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);

-- Admin clients for the client-credentials grant. Only the SHA-256 of the
-- secret is kept; revoking keeps the row so the audit trail stays readable.
CREATE TABLE oauth2_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

CREATE TABLE oauth2_access_tokens (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth2_clients (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX oauth2_access_tokens_expiry ON oauth2_access_tokens (expires_at);
