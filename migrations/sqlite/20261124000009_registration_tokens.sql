-- Registration tokens (Synapse's): a visitor holding one may create an
-- account at /register. Times are unix ms; uses_allowed NULL is unlimited.
-- pending stays 0 here: a use is counted in the transaction that creates
-- the account, so no registration is ever half done.
CREATE TABLE registration_tokens (
    token TEXT PRIMARY KEY,
    uses_allowed BIGINT,
    pending BIGINT NOT NULL DEFAULT 0,
    completed BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT,
    revoked_at BIGINT,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
