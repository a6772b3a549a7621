-- Forced password change after a temporary password, and a cut-off before
-- which every session of the user is void (logout everywhere, deactivation).
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN sessions_valid_after BIGINT NOT NULL DEFAULT 0;
-- Keyset paging under every sort: (sort column, id).
CREATE INDEX users_created_at_id ON users (created_at, id);
CREATE INDEX users_last_seen_at_id ON users (last_seen_at, id);
