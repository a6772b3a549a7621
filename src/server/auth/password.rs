//! Argon2id hashing, always on a blocking thread: one hash takes tens of
//! milliseconds of CPU and must not stall the async workers. Imported
//! bcrypt hashes verify too, so migrated users keep their passwords.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};

use crate::model::AppError;

/// One Argon2id hash with a fresh salt; blocking, so callers run it off the
/// async threads.
fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
}

pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| internal(&e))?
        .map_err(|e| internal(&e))
}

/// Hashes many passwords on all cores at once; keyed like the input.
pub async fn hash_many(
    passwords: Vec<(usize, String)>,
) -> Result<std::collections::HashMap<usize, String>, AppError> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = passwords.len().div_ceil(workers).max(1);
    let mut tasks = Vec::new();
    for part in passwords.chunks(chunk) {
        let part = part.to_vec();
        tasks.push(tokio::task::spawn_blocking(move || {
            part.into_iter()
                .map(|(key, password)| hash_blocking(&password).map(|h| (key, h)))
                .collect::<Result<Vec<_>, _>>()
        }));
    }
    let mut hashes = std::collections::HashMap::new();
    for task in tasks {
        let part = task
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))?;
        hashes.extend(part);
    }
    Ok(hashes)
}

/// Checks `password` against a stored PHC hash. With no hash (unknown user or
/// no password set) it still spends the same time, so timing does not tell
/// whether a username exists.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
        if is_bcrypt(&stored) {
            return bcrypt::verify(password.as_bytes(), &stored).unwrap_or(false);
        }
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

fn is_bcrypt(hash: &str) -> bool {
    ["$2a$", "$2b$", "$2x$", "$2y$"]
        .iter()
        .any(|p| hash.starts_with(p))
}

/// Whether an imported hash is one this server can verify: an Argon2id PHC
/// string or a bcrypt hash. The error says what is wrong with it.
pub fn check_importable(hash: &str) -> Result<(), &'static str> {
    if is_bcrypt(hash) {
        return hash
            .parse::<bcrypt::HashParts>()
            .map(|_| ())
            .map_err(|_| "This is not a valid bcrypt hash.");
    }
    let parsed = PasswordHash::new(hash)
        .map_err(|_| "This is not a PHC-format hash (argon2id or bcrypt).")?;
    if parsed.algorithm.as_str() != "argon2id" {
        return Err("Only argon2id and bcrypt hashes can be imported.");
    }
    argon2::Params::try_from(&parsed)
        .map(|_| ())
        .map_err(|_| "The argon2id parameters of this hash are not valid.")
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

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse".into(), Some(h.clone())).await);
        assert!(!verify("wrong horse".into(), Some(h)).await);
        assert!(!verify("anything".into(), None).await);
    }

    #[tokio::test]
    async fn imported_bcrypt_hashes_verify() {
        let h = bcrypt::hash("old password", 4).unwrap();
        assert!(check_importable(&h).is_ok());
        assert!(verify("old password".into(), Some(h.clone())).await);
        assert!(!verify("other password".into(), Some(h)).await);
    }

    #[tokio::test]
    async fn only_verifiable_hashes_are_importable() {
        let argon = hash("pw".into()).await.unwrap();
        assert!(check_importable(&argon).is_ok());
        assert!(check_importable("plain text").is_err());
        assert!(check_importable("$2b$12$short").is_err());
        assert!(check_importable("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA").is_err());
    }
}
