-- Mail: verified addresses, single-use links, invitations, notice
-- switches and the durable outbox the delivery worker drains.

-- When the current address was proven (a verification link, an
-- invitation, an administrator); NULL: not verified. Cleared on change.
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;

-- Verification and password-reset links: only the SHA-256 of the token is
-- kept; a link is spent once (used_at) and expires.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- verify: the address being proven (a later change voids the link).
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

-- Invitations: a registration token for one use, sent to an address,
-- optionally into an organisation with a role.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    registration_token TEXT NOT NULL UNIQUE REFERENCES registration_tokens (token) ON DELETE CASCADE,
    org_id TEXT REFERENCES orgs (id) ON DELETE SET NULL,
    role TEXT,
    invited_by TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    registered_at BIGINT
);
CREATE INDEX invitations_created ON invitations (created_at, id);

-- Security notices a user switched off (password, factors, sign_in).
CREATE TABLE email_notice_optouts (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Every message, written in the transaction of the change that causes it
-- and delivered by a worker: status queued → sent, or failed after the
-- last attempt. A worker claims a message with a lease (claimed_until), so
-- two instances never send it at once; a crashed worker's lease runs out.
CREATE TABLE email_outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    message_id TEXT NOT NULL,
    list_unsubscribe TEXT,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX email_outbox_created ON email_outbox (created_at, id);
