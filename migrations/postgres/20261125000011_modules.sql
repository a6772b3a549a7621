-- Built-in modules switched on or off at run time. A module without a row
-- has its default state (enabled); every instance reads this table on each
-- check, so a change takes effect everywhere on the next request.
CREATE TABLE module_states (
    name TEXT PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    changed_at BIGINT NOT NULL,
    changed_by TEXT NOT NULL
);
