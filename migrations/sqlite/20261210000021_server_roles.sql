-- Delegated administration: server roles replace the admin flag, which
-- stays as a mirror of server_admin (the counters and the filter use it).
ALTER TABLE users ADD COLUMN roles TEXT NOT NULL DEFAULT '';
UPDATE users SET roles = 'server_admin' WHERE admin = 1;

-- The role under which an audited action was allowed.
ALTER TABLE audit_log ADD COLUMN actor_role TEXT;

-- API clients name their roles explicitly; existing ones acted as admins.
UPDATE oauth2_clients SET scopes = scopes || ' urn:gatehouse:role:server_admin';
UPDATE oauth2_access_tokens SET scopes = scopes || ' urn:gatehouse:role:server_admin';
