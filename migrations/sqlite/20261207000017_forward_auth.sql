-- Forward authentication: an application of kind 'forward_auth' protects
-- the hosts in `hosts` (JSON list), optionally only below the path prefixes
-- in `path_prefixes` (JSON list, empty: the whole host), and may let
-- personal tokens (Authorization: Bearer) through for scripts.
ALTER TABLE applications ADD COLUMN path_prefixes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE applications ADD COLUMN allow_bearer_tokens BOOLEAN NOT NULL DEFAULT FALSE;
