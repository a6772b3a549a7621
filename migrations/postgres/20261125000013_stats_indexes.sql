-- The dashboard's daily logins count sessions by creation day.
CREATE INDEX user_sessions_created_at ON user_sessions (created_at);
