-- Contacts (a roster, as in Prosody): per user, other users with a presence
-- subscription and a set of groups (a JSON array of names). Deleting either
-- user removes the entry.
CREATE TABLE contacts (
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subscription TEXT NOT NULL DEFAULT 'none'
        CHECK (subscription IN ('none', 'to', 'from', 'both')),
    groups TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, contact_id),
    CHECK (user_id <> contact_id)
);
-- The cascade from a deleted contact, and "whose contact is X".
CREATE INDEX contacts_contact ON contacts (contact_id);
