//! Slows down password guessing: failed logins (form and Basic auth) are
//! counted per client address and per account in fixed windows; past the
//! limit, attempts get 429 with Retry-After until the window ends.
//! Successful logins are never delayed, and a success clears the account's
//! count. An attempt counts from the moment it is let through, before its
//! password is verified: parallel guesses cannot all pass the check while
//! the first ones are still being hashed.
//! The counts live in the database, so every instance on it shares one
//! limit. IPv6 clients are counted by /64 (one host usually owns a whole
//! /64), and a username is counted by its first [`MAX_KEY_CHARS`] characters.

use std::{
    net::IpAddr,
    sync::atomic::{AtomicI64, Ordering},
    time::Duration,
};

use crate::{
    model::AppError,
    server::{db, db::Db, time::now_ms},
};

/// Default failures allowed per window from one client IP (many users may share one).
pub const MAX_FAILURES_PER_IP: u32 = 30;
/// Default failures allowed per window against one account.
pub const MAX_FAILURES_PER_ACCOUNT: u32 = 10;
pub const WINDOW: Duration = Duration::from_secs(5 * 60);
/// Longer usernames share a counter: the table's keys stay small.
pub const MAX_KEY_CHARS: usize = 128;
/// Ended windows are deleted at most this often per instance.
const PRUNE_EVERY_MS: i64 = 60_000;

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

/// The counter of a client address: IPv6 by its /64.
pub fn address_key(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("ip {v4}"),
            None => {
                let net = ipnet::Ipv6Net::new(v6, 64).expect("64 is a valid prefix");
                format!("ip {}", net.trunc())
            }
        },
        Ok(v4) => format!("ip {v4}"),
        Err(_) => format!("ip {}", cap(ip)),
    }
}

/// The counter of an account (or of another name: `oauth2:<id>`,
/// `register <address>`), case-insensitive and length-capped.
pub fn account_key(name: &str) -> String {
    format!("user {}", cap(&name.to_lowercase()))
}

fn cap(s: &str) -> &str {
    s.char_indices()
        .nth(MAX_KEY_CHARS)
        .map_or(s, |(end, _)| &s[..end])
}

/// One limiter serves password logins, OAuth2 client authentication
/// (counted under `oauth2:<id>`) and self-registration (`register <address>`).
pub struct LoginLimiter {
    limits: Limits,
    db: Db,
    pruned_at: AtomicI64,
}

impl LoginLimiter {
    pub fn new(limits: Limits, db: Db) -> Self {
        Self {
            limits,
            db,
            pruned_at: AtomicI64::new(0),
        }
    }

    fn keys(&self, ip: Option<&str>, account: &str) -> Vec<(String, u32)> {
        let mut keys = Vec::with_capacity(2);
        if let Some(ip) = ip {
            keys.push((address_key(ip), self.limits.per_ip));
        }
        keys.push((account_key(account), self.limits.per_account));
        keys
    }

    fn window_ms(&self) -> i64 {
        self.limits.window.as_millis() as i64
    }

    fn refusal(&self, window_start: i64, now: i64) -> AppError {
        let left_ms = (window_start + self.window_ms() - now).max(0);
        AppError::RateLimited {
            retry_after_secs: (left_ms as u64).div_ceil(1000).max(1),
        }
    }

    /// Refuses an attempt while the address or the account is over its
    /// limit, without counting it.
    pub async fn check(&self, ip: Option<&str>, name: &str) -> Result<(), AppError> {
        let now = now_ms();
        let keys = self.keys(ip, name);
        let names: Vec<&str> = keys.iter().map(|(key, _)| key.as_str()).collect();
        for (key, hits, start) in db::rate_limits::get_many(&self.db, &names).await? {
            let max = keys
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(0, |(_, max)| *max);
            if hits >= i64::from(max) && start > now - self.window_ms() {
                return Err(self.refusal(start, now));
            }
        }
        Ok(())
    }

    /// Lets one attempt through if neither the address nor the account is
    /// over its limit, and counts it as a failure at once, so that at most
    /// the limit's number of guesses are ever verified, by all instances
    /// together.
    pub async fn begin(&self, ip: Option<&str>, name: &str) -> Result<Attempt<'_>, AppError> {
        let now = now_ms();
        self.prune(now).await;
        let stale_before = now - self.window_ms();
        let mut counted: Vec<String> = Vec::new();
        for (key, max) in self.keys(ip, name) {
            let hit = db::rate_limits::hit(&self.db, &key, now, stale_before).await;
            let refused = match hit {
                Ok((hits, start)) => {
                    counted.push(key);
                    (hits > i64::from(max)).then(|| self.refusal(start, now))
                }
                Err(e) => Some(AppError::from(e)),
            };
            if let Some(refusal) = refused {
                // A refused attempt is not counted anywhere.
                self.unhit(&counted).await;
                return Err(refusal);
            }
        }
        Ok(Attempt {
            limiter: self,
            ip: ip.map(str::to_owned),
            name: name.to_owned(),
        })
    }

    /// Counts a failure that was not begun as an attempt (a registration
    /// with an unknown token, say).
    pub async fn record_failure(&self, ip: Option<&str>, name: &str) {
        let now = now_ms();
        for (key, _) in self.keys(ip, name) {
            if let Err(e) = db::rate_limits::hit(&self.db, &key, now, now - self.window_ms()).await
            {
                tracing::warn!("could not count a failed attempt: {e}");
            }
        }
    }

    async fn unhit(&self, keys: &[String]) {
        for key in keys {
            if let Err(e) = db::rate_limits::unhit(&self.db, key).await {
                tracing::warn!("could not take back a counted attempt: {e}");
            }
        }
    }

    async fn prune(&self, now: i64) {
        let last = self.pruned_at.load(Ordering::Relaxed);
        let due = now - last >= PRUNE_EVERY_MS;
        if due
            && self
                .pruned_at
                .compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        {
            if let Err(e) = db::rate_limits::prune(&self.db, now - self.window_ms()).await {
                tracing::warn!("could not prune the rate-limit windows: {e}");
            }
        }
    }
}

/// An attempt let through by [`LoginLimiter::begin`], already counted as a
/// failure. Dropped as it is (a wrong password, or the request abandoned
/// while hashing), it stays one.
#[must_use]
pub struct Attempt<'a> {
    limiter: &'a LoginLimiter,
    ip: Option<String>,
    name: String,
}

impl Attempt<'_> {
    /// The right credentials: the account's count is cleared and the
    /// address is not charged for it.
    pub async fn succeeded(self) {
        let keys = self.limiter.keys(self.ip.as_deref(), &self.name);
        let (account, address) = keys.split_last().expect("an account key");
        let address: Vec<String> = address.iter().map(|(k, _)| k.clone()).collect();
        self.limiter.unhit(&address).await;
        if let Err(e) = db::rate_limits::clear(&self.limiter.db, &account.0).await {
            tracing::warn!("could not clear an account's failed attempts: {e}");
        }
    }

    /// Not a guess after all (the store failed, no hashing slot): charge
    /// nobody.
    pub async fn not_a_guess(self) {
        let keys: Vec<String> = self
            .limiter
            .keys(self.ip.as_deref(), &self.name)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        self.limiter.unhit(&keys).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_their_64_and_names_are_capped() {
        assert_eq!(address_key("2001:db8:1:2:aaaa::1"), "ip 2001:db8:1:2::/64");
        assert_eq!(
            address_key("2001:db8:1:2:ffff:ffff:ffff:ffff"),
            address_key("2001:db8:1:2::9")
        );
        assert_ne!(
            address_key("2001:db8:1:3::1"),
            address_key("2001:db8:1:2::1")
        );
        assert_eq!(address_key("::ffff:192.0.2.7"), "ip 192.0.2.7");
        assert_eq!(address_key("192.0.2.7"), "ip 192.0.2.7");
        let long = "A".repeat(10_000);
        assert_eq!(account_key(&long).len(), "user ".len() + MAX_KEY_CHARS);
        assert_eq!(account_key("Alice"), account_key("alice"));
    }

    async fn limiter(limits: Limits) -> (LoginLimiter, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "gatehouse-limiter-{}",
            crate::server::time::new_id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let db = Db::connect(&format!("sqlite://{}", dir.join("t.db").display()), 2)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        (LoginLimiter::new(limits, db), dir)
    }

    #[tokio::test]
    async fn attempts_in_flight_count_and_settle() {
        let (limiter, dir) = limiter(Limits::default()).await;
        // The limit's worth of attempts in flight at once: the next waits.
        let mut in_flight = Vec::new();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            in_flight.push(limiter.begin(Some("10.0.0.1"), "dave").await.unwrap());
        }
        let refused = limiter.begin(Some("10.0.0.1"), "Dave").await;
        assert!(matches!(
            refused,
            Err(AppError::RateLimited {
                retry_after_secs: 300
            })
        ));
        let mut in_flight = in_flight.into_iter();
        // Not a guess: the slot is given back.
        in_flight.next().unwrap().not_a_guess().await;
        let retried = limiter.begin(Some("10.0.0.1"), "dave").await.unwrap();
        drop(retried);
        assert!(limiter.begin(Some("10.0.0.1"), "dave").await.is_err());
        assert!(limiter.check(None, "dave").await.is_err());
        // Other accounts from another address are not affected.
        assert!(limiter.begin(Some("10.0.0.2"), "erin").await.is_ok());
        // One of them had the right password: the account starts over, and
        // the address keeps only the failures.
        in_flight.next().unwrap().succeeded().await;
        assert!(limiter.begin(Some("10.0.0.1"), "dave").await.is_ok());
        let ip = db::rate_limits::get(&limiter.db, "ip 10.0.0.1")
            .await
            .unwrap();
        assert_eq!(ip.unwrap().0, i64::from(MAX_FAILURES_PER_ACCOUNT));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn an_address_is_limited_across_accounts_until_its_window_ends() {
        let limits = Limits {
            window: Duration::from_millis(300),
            ..Limits::default()
        };
        let (limiter, dir) = limiter(limits).await;
        for i in 0..MAX_FAILURES_PER_IP {
            limiter
                .record_failure(Some("2001:db8::1"), &format!("user{i}"))
                .await;
        }
        // The same /64, another host: the same counter.
        assert!(limiter.begin(Some("2001:db8::2"), "someone").await.is_err());
        assert!(limiter.begin(Some("2001:db9::1"), "someone").await.is_ok());
        // A new window starts over (the old ones are pruned).
        tokio::time::sleep(Duration::from_millis(350)).await;
        assert!(limiter.begin(Some("2001:db8::2"), "someone").await.is_ok());
        limiter.pruned_at.store(0, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(350)).await;
        limiter.prune(now_ms()).await;
        assert!(db::rate_limits::get(&limiter.db, "ip 2001:db8::/64")
            .await
            .unwrap()
            .is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
