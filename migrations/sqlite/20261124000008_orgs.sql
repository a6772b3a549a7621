-- Organisations (Grafana's orgs): a user belongs to any number of them with
-- one role in each. Names are unique without regard to case.
CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orgs_name_lower ON orgs (lower(name));

CREATE TABLE org_members (
    org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
-- A user's memberships, and the cascade from a deleted user.
CREATE INDEX org_members_user ON org_members (user_id, org_id);

-- The registration token an account was created with (kept as text: the
-- token itself may be deleted later, the record of its use stays).
ALTER TABLE users ADD COLUMN registration_token TEXT;
