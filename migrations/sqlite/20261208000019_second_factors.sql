-- Second factors of an account: authenticator apps (kind 'totp') and
-- passkeys / security keys (kind 'passkey', WebAuthn).
CREATE TABLE user_factors (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('totp', 'passkey')),
    name TEXT NOT NULL,
    -- totp: the base32 shared secret; passkey: the credential (webauthn-rs's
    -- Passkey as JSON, its public key and signature counter).
    secret TEXT NOT NULL,
    -- passkey: the credential id (base64url), found at passwordless sign-in.
    credential_id TEXT,
    -- totp: the last time step accepted, so no code is accepted twice.
    last_step BIGINT,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX user_factors_user ON user_factors (user_id, id);
CREATE UNIQUE INDEX user_factors_credential ON user_factors (credential_id);

-- Single-use recovery codes: only their SHA-256 is kept.
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
