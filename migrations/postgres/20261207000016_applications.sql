-- Applications that sign their users in through Gatehouse: OpenID Connect
-- relying parties (kind 'oidc'; the id is the client_id) and, later, hosts
-- behind forward authentication. Lists are JSON arrays kept as text.
CREATE TABLE applications (
    id TEXT COLLATE "C" PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'oidc' CHECK (kind IN ('oidc', 'forward_auth')),
    name TEXT NOT NULL,
    client_type TEXT NOT NULL DEFAULT 'confidential' CHECK (client_type IN ('confidential', 'public')),
    -- SHA-256 of the client secret (confidential clients only).
    secret_hash TEXT,
    redirect_uris TEXT NOT NULL DEFAULT '[]',
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
    skip_consent BOOLEAN NOT NULL DEFAULT FALSE,
    -- The JWS algorithm of its ID tokens: RS256, ES256 or EdDSA.
    id_token_alg TEXT NOT NULL DEFAULT 'RS256',
    -- [{"org_id": ..., "min_role": "viewer"|"editor"|"admin"}]; empty: everyone signed in.
    access TEXT NOT NULL DEFAULT '[]',
    hosts TEXT NOT NULL DEFAULT '[]',
    provisioned BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_sign_in_at BIGINT
);
CREATE UNIQUE INDEX applications_name_lower ON applications (lower(name));

-- One grant per sign-in of a user to an application (authorization code or
-- device grant): the tokens issued from it die with it, and it dies with
-- the browser session it came from.
CREATE TABLE oidc_grants (
    id TEXT COLLATE "C" PRIMARY KEY,
    application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id TEXT COLLATE "C" REFERENCES user_sessions (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    nonce TEXT,
    auth_time BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX oidc_grants_user ON oidc_grants (user_id, id);
CREATE INDEX oidc_grants_application ON oidc_grants (application_id, id);
CREATE INDEX oidc_grants_session ON oidc_grants (session_id);

-- Authorization requests waiting for a login or a consent decision.
CREATE TABLE oidc_requests (
    id TEXT COLLATE "C" PRIMARY KEY,
    application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    scopes TEXT NOT NULL,
    state TEXT,
    nonce TEXT,
    code_challenge TEXT,
    prompt TEXT,
    max_age BIGINT,
    login_hint TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_requests_expiry ON oidc_requests (expires_at);

-- Authorization codes (SHA-256), single use, valid for a minute.
CREATE TABLE oidc_codes (
    code_hash TEXT COLLATE "C" PRIMARY KEY,
    grant_id TEXT COLLATE "C" NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX oidc_codes_expiry ON oidc_codes (expires_at);

-- Access and refresh tokens (SHA-256). A refresh token is used once: its
-- successor replaces it, and presenting it again revokes the grant.
CREATE TABLE oidc_tokens (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    grant_id TEXT COLLATE "C" NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX oidc_tokens_grant ON oidc_tokens (grant_id);
CREATE INDEX oidc_tokens_expiry ON oidc_tokens (expires_at);

-- What a user agreed to share with an application.
CREATE TABLE oidc_consents (
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, application_id)
);
CREATE INDEX oidc_consents_application ON oidc_consents (application_id);

-- Device authorization (RFC 8628): the device polls with device_code while
-- a signed-in user approves user_code on /device.
CREATE TABLE oidc_device_codes (
    device_code_hash TEXT COLLATE "C" PRIMARY KEY,
    user_code TEXT COLLATE "C" NOT NULL UNIQUE,
    application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    interval_secs BIGINT NOT NULL,
    last_polled_at BIGINT,
    -- 'pending' until the user decides; 'issued' once the device got its tokens.
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied', 'issued')),
    grant_id TEXT COLLATE "C" REFERENCES oidc_grants (id) ON DELETE CASCADE
);
CREATE INDEX oidc_device_codes_expiry ON oidc_device_codes (expires_at);

-- ID-token signing keys (PKCS#8 or PKCS#1 DER, base64), generated at first
-- use. A retired key stays published until the tokens it signed expired.
CREATE TABLE oidc_signing_keys (
    kid TEXT COLLATE "C" PRIMARY KEY,
    alg TEXT NOT NULL,
    private_der TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
