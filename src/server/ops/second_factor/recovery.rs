//! Recovery codes: ten single-use codes for when no factor is at hand.
//! 50 random bits each, so a fast hash (SHA-256) is enough to store them.

use rand::Rng;
use serde_json::json;

use super::super::{Access, Caller};
use crate::{
    model::{second_factor::RECOVERY_CODES, AppError},
    server::{auth::token::hash_secret, db, time::now_ms, AppState},
};

/// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
const CODE_CHARS: usize = 10;

fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: String = (0..CODE_CHARS)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// A typed code as stored: lower case, without separators or spaces.
fn normalized(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Replaces the caller's recovery codes by ten new ones, shown this once.
pub async fn regenerate(state: &AppState, caller: &Caller) -> Result<Vec<String>, AppError> {
    let user_id = caller.require_own_enrolment(Access::Write)?;
    if !db::factors::has_any(&state.db, user_id).await? {
        return Err(AppError::conflict(
            "no_second_factor",
            None,
            "Add an authenticator app or a passkey first.",
        ));
    }
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| hash_secret(&normalized(c))).collect();
    let audit = caller.audit(
        "second_factor.recovery_codes",
        "user",
        Some(user_id),
        json!({"codes": codes.len()}),
    );
    db::factors::replace_recovery_codes(&state.db, user_id, &hashes, now_ms(), &audit).await?;
    Ok(codes)
}

/// Spends one of `actor`'s recovery codes; false when it is not one.
pub async fn spend(state: &AppState, actor: &Caller, code: &str) -> Result<bool, AppError> {
    let code = normalized(code);
    let Some(user_id) = actor.user_id.as_deref() else {
        return Ok(false);
    };
    if code.len() != CODE_CHARS {
        return Ok(false);
    }
    let audit = actor.audit(
        "second_factor.recovery_code_used",
        "user",
        Some(user_id),
        json!({}),
    );
    Ok(
        db::factors::spend_recovery_code(&state.db, user_id, &hash_secret(&code), now_ms(), &audit)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_whatever_the_case_and_separators() {
        let code = new_code();
        assert_eq!(code.len(), CODE_CHARS + 1);
        assert_eq!(
            normalized(&code.to_uppercase().replace('-', " ")),
            normalized(&code)
        );
        assert_ne!(new_code(), new_code());
    }
}
