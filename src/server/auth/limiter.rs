//! Slows down password guessing: failed logins (form and Basic auth) are
//! counted per client IP and per account in fixed windows; past the limit,
//! attempts get 429 with Retry-After until the window ends. Successful
//! logins are never delayed, and a success clears the account's count.
//! The counts live in this process: each instance limits on its own.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::model::AppError;

/// Default failures allowed per window from one client IP (many users may share one).
pub const MAX_FAILURES_PER_IP: u32 = 30;
/// Default failures allowed per window against one account.
pub const MAX_FAILURES_PER_ACCOUNT: u32 = 10;
pub const WINDOW: Duration = Duration::from_secs(5 * 60);

/// The configured limits (`[rate_limit]` in the configuration file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub per_ip: u32,
    pub per_account: u32,
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_ip: MAX_FAILURES_PER_IP,
            per_account: MAX_FAILURES_PER_ACCOUNT,
            window: WINDOW,
        }
    }
}
/// Keys kept before expired windows are swept.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Clone, Copy, Debug)]
struct Window {
    start: Instant,
    failures: u32,
}

/// One limiter serves password logins and OAuth2 client authentication;
/// clients are counted under an account name of the form `oauth2:<id>`.
#[derive(Debug, Default)]
pub struct LoginLimiter {
    limits: Limits,
    windows: Mutex<HashMap<String, Window>>,
}

impl LoginLimiter {
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            windows: Default::default(),
        }
    }

    fn keys(&self, ip: Option<&str>, account: &str) -> [(Option<String>, u32); 2] {
        [
            (ip.map(|ip| format!("ip {ip}")), self.limits.per_ip),
            (
                Some(format!("user {}", account.to_lowercase())),
                self.limits.per_account,
            ),
        ]
    }

    /// Refuses an attempt while the IP or the account is over its limit.
    pub fn check(&self, ip: Option<&str>, username: &str) -> Result<(), AppError> {
        self.check_at(Instant::now(), ip, username)
    }

    fn check_at(&self, now: Instant, ip: Option<&str>, username: &str) -> Result<(), AppError> {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        for (key, max) in self.keys(ip, username) {
            let Some(w) = key.and_then(|k| windows.get(&k).copied()) else {
                continue;
            };
            let elapsed = now.saturating_duration_since(w.start);
            let window = self.limits.window;
            if w.failures >= max && elapsed < window {
                let retry_after_secs = (window - elapsed).as_secs().max(1);
                return Err(AppError::RateLimited { retry_after_secs });
            }
        }
        Ok(())
    }

    pub fn record_failure(&self, ip: Option<&str>, username: &str) {
        self.record_failure_at(Instant::now(), ip, username)
    }

    fn record_failure_at(&self, now: Instant, ip: Option<&str>, username: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > SWEEP_ABOVE {
            let window = self.limits.window;
            windows.retain(|_, w| now.saturating_duration_since(w.start) < window);
        }
        for (key, _) in self.keys(ip, username) {
            let Some(key) = key else { continue };
            let w = windows.entry(key).or_insert(Window {
                start: now,
                failures: 0,
            });
            if now.saturating_duration_since(w.start) >= self.limits.window {
                *w = Window {
                    start: now,
                    failures: 0,
                };
            }
            w.failures += 1;
        }
    }

    pub fn record_success(&self, username: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        windows.remove(&format!("user {}", username.to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_limited_after_its_failures_until_the_window_ends() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(
                limiter.check_at(t0, Some("10.0.0.1"), "alice").is_ok(),
                "{i}"
            );
            limiter.record_failure_at(t0, Some("10.0.0.1"), "alice");
        }
        match limiter.check_at(t0, Some("10.0.0.2"), "Alice") {
            Err(AppError::RateLimited { retry_after_secs }) => assert_eq!(retry_after_secs, 300),
            other => panic!("{other:?}"),
        }
        // Other accounts from another address are not affected.
        assert!(limiter.check_at(t0, Some("10.0.0.2"), "bob").is_ok());
        assert!(limiter
            .check_at(t0 + WINDOW, Some("10.0.0.2"), "alice")
            .is_ok());
    }

    #[test]
    fn an_address_is_limited_across_accounts_and_success_clears_the_account() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..MAX_FAILURES_PER_IP {
            limiter.record_failure_at(t0, Some("10.0.0.9"), &format!("user{i}"));
        }
        assert!(limiter.check_at(t0, Some("10.0.0.9"), "someone").is_err());
        assert!(limiter.check_at(t0, Some("10.0.0.8"), "someone").is_ok());
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            limiter.record_failure_at(t0, None, "carol");
        }
        assert!(limiter.check_at(t0, None, "carol").is_err());
        limiter.record_success("carol");
        assert!(limiter.check_at(t0, None, "carol").is_ok());
    }
}
