-- The audit log's reader: who acted (a user, an API token, an OAuth2
-- client or the system itself), and indexes for the newest-first list and
-- its filters. Ids are time-ordered, so (at, id) order is id order.
ALTER TABLE audit_log ADD COLUMN actor_type TEXT NOT NULL DEFAULT 'user';
UPDATE audit_log SET actor_type = 'system' WHERE actor_id IS NULL AND actor_name = 'system';
UPDATE audit_log SET actor_type = 'oauth2_client' WHERE actor_id IS NULL AND actor_name LIKE 'oauth2-client:%';
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_actor_id ON audit_log (actor_id, id);
CREATE INDEX audit_log_actor_name ON audit_log (actor_name, id);
DROP INDEX audit_log_target;
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);
