//! Argon2id hashing on a bounded pool of blocking threads: one hash takes
//! tens of milliseconds of CPU and 19 MiB of memory, so a burst of logins
//! must neither stall the async workers nor run hundreds of hashes at once.
//! Imported bcrypt hashes verify too, so migrated users keep their passwords,
//! and are replaced by Argon2id at the next login.

use std::{
    sync::atomic::{AtomicUsize, Ordering},
    time::Duration,
};

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use tokio::sync::Semaphore;

use crate::model::AppError;

/// Imported hashes costlier than this are refused: verifying one would let
/// a single login take a slot for seconds or hundreds of MiB.
const MAX_ARGON2_MEMORY_KIB: u32 = 64 * 1024;
const MAX_ARGON2_PASSES: u32 = 10;
const MAX_BCRYPT_COST: u32 = 14;

/// How many hashes run at once and how long a request waits for a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashLimits {
    /// Hashes running at once (`auth.hash_workers`; default: one per core).
    pub workers: usize,
    /// How long a login waits for a free slot before 503 (`auth.hash_wait_ms`).
    pub wait: Duration,
}

impl Default for HashLimits {
    fn default() -> Self {
        Self {
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            wait: Duration::from_secs(2),
        }
    }
}

/// Requests that may queue per slot; beyond, 503 at once (their memory is
/// small, but a queue nobody gets through in time only adds latency).
const QUEUE_PER_WORKER: usize = 64;

/// The pool every password hash and verification of one server goes through.
pub struct Hasher {
    slots: Semaphore,
    waiting: AtomicUsize,
    limits: HashLimits,
}

impl Hasher {
    pub fn new(limits: HashLimits) -> Self {
        Self {
            slots: Semaphore::new(limits.workers.max(1)),
            waiting: AtomicUsize::new(0),
            limits,
        }
    }

    /// A slot, after a brief wait at most: 503 with `Retry-After` when the
    /// pool stays full (or too many already wait).
    async fn slot(&self) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
        if let Ok(permit) = self.slots.try_acquire() {
            return Ok(permit);
        }
        let busy = AppError::Unavailable {
            retry_after_secs: self.limits.wait.as_secs().max(1),
        };
        let queued = self.waiting.fetch_add(1, Ordering::AcqRel);
        let _leave = Leave(&self.waiting);
        if queued >= self.limits.workers.max(1) * QUEUE_PER_WORKER {
            return Err(busy);
        }
        match tokio::time::timeout(self.limits.wait, self.slots.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(busy),
        }
    }

    /// A new Argon2id hash of `password` with the current parameters.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _slot = self.slot().await?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))
    }

    /// Hashes many passwords (an import) on every slot; keyed like the
    /// input. Waits for slots as long as it takes: an import is not a login.
    pub async fn hash_many(
        &self,
        passwords: Vec<(usize, String)>,
    ) -> Result<std::collections::HashMap<usize, String>, AppError> {
        let chunk = passwords.len().div_ceil(self.limits.workers.max(1)).max(1);
        let parts = passwords.chunks(chunk).map(|part| async move {
            let _slot = self.slots.acquire().await.map_err(|e| internal(&e))?;
            let part = part.to_vec();
            tokio::task::spawn_blocking(move || {
                part.into_iter()
                    .map(|(key, password)| hash_blocking(&password).map(|h| (key, h)))
                    .collect::<Result<Vec<_>, _>>()
            })
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))
        });
        let mut hashes = std::collections::HashMap::new();
        for part in futures_util::future::join_all(parts).await {
            hashes.extend(part?);
        }
        Ok(hashes)
    }

    /// Checks `password` against a stored hash (see [`verify_blocking`]);
    /// 503 when no slot frees up in time.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, AppError> {
        let _slot = self.slot().await?;
        tokio::task::spawn_blocking(move || verify_blocking(&password, stored))
            .await
            .map_err(|e| internal(&e))
    }
}

/// Counts a waiter out however its wait ends.
struct Leave<'a>(&'a AtomicUsize);

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// One Argon2id hash with a fresh salt; blocking, so callers run it off the
/// async threads.
fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
}

/// Checks `password` against a stored PHC hash. With no hash (unknown user or
/// no password set) it still spends the same time, so timing does not tell
/// whether a username exists. Hashes beyond the import caps never verify.
fn verify_blocking(password: &str, stored: Option<String>) -> bool {
    let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
    if check_importable(&stored).is_err() {
        return false;
    }
    if is_bcrypt(&stored) {
        return bcrypt::verify(password.as_bytes(), &stored).unwrap_or(false);
    }
    let Ok(parsed) = PasswordHash::new(&stored) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// Whether a stored hash (that just verified) should be replaced by one with
/// the current parameters: bcrypt, or Argon2 with other parameters.
pub fn needs_rehash(stored: &str) -> bool {
    if is_bcrypt(stored) {
        return true;
    }
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let current = argon2::Params::default();
    let params = argon2::Params::try_from(&parsed);
    let current_params = params.is_ok_and(|p| {
        (p.m_cost(), p.t_cost(), p.p_cost())
            == (current.m_cost(), current.t_cost(), current.p_cost())
    });
    parsed.algorithm.as_str() != "argon2id"
        || parsed
            .version
            .is_some_and(|v| v != argon2::Version::V0x13 as u32)
        || !current_params
}

fn is_bcrypt(hash: &str) -> bool {
    ["$2a$", "$2b$", "$2x$", "$2y$"]
        .iter()
        .any(|p| hash.starts_with(p))
}

/// Whether an imported hash is one this server can verify: an Argon2id PHC
/// string or a bcrypt hash. The error says what is wrong with it.
/// Also refuses hashes too costly to verify (Argon2 memory over 64 MiB or
/// more than 10 passes, bcrypt cost over 14).
pub fn check_importable(hash: &str) -> Result<(), &'static str> {
    if is_bcrypt(hash) {
        let parts = hash
            .parse::<bcrypt::HashParts>()
            .map_err(|_| "This is not a valid bcrypt hash.")?;
        if parts.get_cost() > MAX_BCRYPT_COST {
            return Err("The bcrypt cost of this hash is over 14: too slow to verify at login.");
        }
        return Ok(());
    }
    let parsed = PasswordHash::new(hash)
        .map_err(|_| "This is not a PHC-format hash (argon2id or bcrypt).")?;
    if parsed.algorithm.as_str() != "argon2id" {
        return Err("Only argon2id and bcrypt hashes can be imported.");
    }
    let params = argon2::Params::try_from(&parsed)
        .map_err(|_| "The argon2id parameters of this hash are not valid.")?;
    if params.m_cost() > MAX_ARGON2_MEMORY_KIB || params.t_cost() > MAX_ARGON2_PASSES {
        return Err(
            "The argon2id parameters of this hash are over the limits (m ≤ 65536 KiB, t ≤ 10): too costly to verify at login.",
        );
    }
    Ok(())
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("not a real password").unwrap_or_default())
}

fn internal(e: &dyn std::fmt::Display) -> AppError {
    tracing::error!("password hashing failed: {e}");
    AppError::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Hasher {
        Hasher::new(HashLimits::default())
    }

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let pool = pool();
        let h = pool.hash("correct horse".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(!needs_rehash(&h));
        assert_eq!(
            pool.verify("correct horse".into(), Some(h.clone())).await,
            Ok(true)
        );
        assert_eq!(pool.verify("wrong horse".into(), Some(h)).await, Ok(false));
        assert_eq!(pool.verify("anything".into(), None).await, Ok(false));
    }

    #[tokio::test]
    async fn imported_bcrypt_hashes_verify_and_want_a_rehash() {
        let pool = pool();
        let h = bcrypt::hash("old password", 4).unwrap();
        assert!(check_importable(&h).is_ok());
        assert!(needs_rehash(&h));
        assert_eq!(
            pool.verify("old password".into(), Some(h.clone())).await,
            Ok(true)
        );
        assert_eq!(
            pool.verify("other password".into(), Some(h)).await,
            Ok(false)
        );
    }

    #[test]
    fn weaker_argon2_parameters_want_a_rehash() {
        let weak = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(8, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let h = weak.hash_password(b"pw", &salt).unwrap().to_string();
        assert!(check_importable(&h).is_ok());
        assert!(needs_rehash(&h));
    }

    #[test]
    fn hashes_over_the_cost_caps_are_refused() {
        let costly = "$argon2id$v=19$m=131072,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        assert!(check_importable(costly).unwrap_err().contains("limits"));
        let slow = "$argon2id$v=19$m=19456,t=11,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        assert!(check_importable(slow).is_err());
        let bcrypt15 = "$2b$15$KIXQJQ1Qn5ImDoOvZ6Pnhe0Ua8MZcb5c1K8fYQ7KY4QKx5xVz4wzS";
        assert!(check_importable(bcrypt15).unwrap_err().contains("14"));
        let bcrypt12 = "$2b$12$KIXQJQ1Qn5ImDoOvZ6Pnhe0Ua8MZcb5c1K8fYQ7KY4QKx5xVz4wzS";
        assert!(check_importable(bcrypt12).is_ok());
    }

    #[tokio::test]
    async fn a_full_pool_answers_busy_after_its_wait() {
        let pool = Hasher::new(HashLimits {
            workers: 1,
            wait: Duration::from_millis(50),
        });
        let held = pool.slot().await.unwrap();
        let busy = pool.verify("pw".into(), None).await.unwrap_err();
        assert_eq!(busy.status(), 503);
        assert_eq!(busy.retry_after_secs(), Some(1));
        drop(held);
        assert_eq!(pool.verify("pw".into(), None).await, Ok(false));
    }

    #[tokio::test]
    async fn only_verifiable_hashes_are_importable() {
        let argon = pool().hash("pw".into()).await.unwrap();
        assert!(check_importable(&argon).is_ok());
        assert!(check_importable("plain text").is_err());
        assert!(check_importable("$2b$12$short").is_err());
        assert!(check_importable("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA").is_err());
    }
}
