-- Login and registration rate limits, shared by every instance on this
-- database: one fixed window per key (`ip …`, `user …`, `register …`).
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);
CREATE INDEX rate_limits_window_start ON rate_limits (window_start);
