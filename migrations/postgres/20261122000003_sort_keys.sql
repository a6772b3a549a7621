-- "Never seen" sorts as the oldest activity, in both backends: the sort and
-- the dormant filter use coalesce(last_seen_at, 0), which this index serves.
DROP INDEX IF EXISTS users_last_seen_at_id;
CREATE INDEX users_last_seen_key ON users ((coalesce(last_seen_at, 0)), id);
