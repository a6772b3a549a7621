//! Slows down password guessing: failed logins (form and Basic auth) are
//! counted per client IP and per account in fixed windows; past the limit,
//! attempts get 429 with Retry-After until the window ends. Successful
//! logins are never delayed, and a success clears the account's count.
//! An attempt counts from the moment it is let through, before its
//! password is verified: parallel guesses cannot all pass the check while
//! the first ones are still being hashed.
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
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        self.check_locked(&windows, Instant::now(), ip, username)
    }

    fn check_locked(
        &self,
        windows: &HashMap<String, Window>,
        now: Instant,
        ip: Option<&str>,
        username: &str,
    ) -> Result<(), AppError> {
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

    /// Lets one attempt through if neither the IP nor the account is over
    /// its limit, and counts it as a failure at once (in the same lock), so
    /// that at most the limit's number of guesses are ever verified.
    pub fn begin(&self, ip: Option<&str>, username: &str) -> Result<Attempt<'_>, AppError> {
        self.begin_at(Instant::now(), ip, username)
    }

    fn begin_at(
        &self,
        now: Instant,
        ip: Option<&str>,
        username: &str,
    ) -> Result<Attempt<'_>, AppError> {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        self.check_locked(&windows, now, ip, username)?;
        self.count_locked(&mut windows, now, ip, username);
        Ok(Attempt {
            limiter: self,
            ip: ip.map(str::to_owned),
            username: username.to_owned(),
        })
    }

    /// Takes back one counted attempt (see [`Attempt`]).
    fn uncount(&self, ip: Option<&str>, username: &str, account_too: bool) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let keys = self.keys(ip, username);
        let keys = if account_too { &keys[..] } else { &keys[..1] };
        for (key, _) in keys {
            if let Some(w) = key.as_ref().and_then(|k| windows.get_mut(k)) {
                w.failures = w.failures.saturating_sub(1);
            }
        }
    }

    pub fn record_failure(&self, ip: Option<&str>, username: &str) {
        self.record_failure_at(Instant::now(), ip, username)
    }

    fn record_failure_at(&self, now: Instant, ip: Option<&str>, username: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        self.count_locked(&mut windows, now, ip, username);
    }

    fn count_locked(
        &self,
        windows: &mut HashMap<String, Window>,
        now: Instant,
        ip: Option<&str>,
        username: &str,
    ) {
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

/// An attempt let through by [`LoginLimiter::begin`], already counted as a
/// failure. Dropped as it is (a wrong password, or the request abandoned
/// while hashing), it stays one.
#[must_use]
pub struct Attempt<'a> {
    limiter: &'a LoginLimiter,
    ip: Option<String>,
    username: String,
}

impl Attempt<'_> {
    /// The right credentials: the account's count is cleared and the
    /// address is not charged for it.
    pub fn succeeded(self) {
        self.limiter
            .uncount(self.ip.as_deref(), &self.username, false);
        self.limiter.record_success(&self.username);
    }

    /// Not a guess after all (the store failed, say): charge nobody.
    pub fn not_a_guess(self) {
        self.limiter
            .uncount(self.ip.as_deref(), &self.username, true);
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
            let attempt = limiter.begin_at(t0, Some("10.0.0.1"), "alice");
            assert!(attempt.is_ok(), "{i}");
        }
        match limiter.begin_at(t0, Some("10.0.0.2"), "Alice") {
            Err(AppError::RateLimited { retry_after_secs }) => assert_eq!(retry_after_secs, 300),
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("let through"),
        }
        // Other accounts from another address are not affected.
        assert!(limiter.begin_at(t0, Some("10.0.0.2"), "bob").is_ok());
        assert!(limiter
            .begin_at(t0 + WINDOW, Some("10.0.0.2"), "alice")
            .is_ok());
    }

    #[test]
    fn an_address_is_limited_across_accounts_and_success_clears_the_account() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..MAX_FAILURES_PER_IP {
            limiter.record_failure_at(t0, Some("10.0.0.9"), &format!("user{i}"));
        }
        assert!(limiter.begin_at(t0, Some("10.0.0.9"), "someone").is_err());
        assert!(limiter.begin_at(t0, Some("10.0.0.8"), "someone").is_ok());
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            limiter.record_failure_at(t0, None, "carol");
        }
        assert!(limiter.begin_at(t0, None, "carol").is_err());
        limiter.record_success("carol");
        assert!(limiter.begin_at(t0, None, "carol").is_ok());
    }

    #[test]
    fn attempts_in_flight_count_and_settle() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        // The limit's worth of attempts in flight at once: the next waits.
        let in_flight: Vec<_> = (0..MAX_FAILURES_PER_ACCOUNT)
            .map(|_| limiter.begin_at(t0, Some("10.0.0.1"), "dave").unwrap())
            .collect();
        assert!(limiter.begin_at(t0, Some("10.0.0.1"), "dave").is_err());
        let mut in_flight = in_flight.into_iter();
        // Not a guess: the slot is given back.
        in_flight.next().unwrap().not_a_guess();
        let retried = limiter.begin_at(t0, Some("10.0.0.1"), "dave").unwrap();
        drop(retried);
        assert!(limiter.begin_at(t0, Some("10.0.0.1"), "dave").is_err());
        // One of them had the right password: the account starts over, and
        // the address keeps only the failures.
        in_flight.next().unwrap().succeeded();
        assert!(limiter.begin_at(t0, Some("10.0.0.1"), "dave").is_ok());
        let ip = limiter.windows.lock().unwrap()["ip 10.0.0.1"].failures;
        assert_eq!(ip, MAX_FAILURES_PER_ACCOUNT);
    }
}
