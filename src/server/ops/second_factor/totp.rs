//! Authenticator apps: RFC 6238 codes (SHA-1, 6 digits, 30 s, one step of
//! clock drift either way) from `totp-rs`; a code is accepted once only.

use rand::RngCore;
use totp_rs::{Algorithm, Secret, TOTP};

use super::super::{Access, Caller};
use crate::{
    model::{
        second_factor::{Factor, TotpSetup},
        AppError, FieldError,
    },
    server::{
        auth::token::constant_time_eq,
        db::{self, factors::FactorRow},
        time::{new_id, now_ms},
        AppState,
    },
};

const STEP_SECS: u64 = 30;
const DIGITS: usize = 6;
/// What authenticator apps show above the account name.
const ISSUER: &str = "Gatehouse";

fn totp(secret: &[u8], account: &str) -> TOTP {
    // The otpauth address refuses ':' in the account name.
    let account = account.replace(':', "_");
    TOTP::new_unchecked(
        Algorithm::SHA1,
        DIGITS,
        1,
        STEP_SECS,
        secret.to_vec(),
        Some(ISSUER.to_owned()),
        account,
    )
}

fn decode(secret: &str) -> Option<Vec<u8>> {
    Secret::Encoded(secret.to_owned()).to_bytes().ok()
}

/// How to enter a new secret in an app: `pending`, the secret this setup
/// already showed (a reload must not change it), or a new one (160 bits,
/// as RFC 4226 recommends).
pub fn begin(caller: &Caller, pending: Option<&str>) -> Result<TotpSetup, AppError> {
    caller.require_own_enrolment(Access::Write)?;
    let bytes = match pending.and_then(decode) {
        Some(bytes) => bytes,
        None => {
            let mut bytes = vec![0u8; 20];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            bytes
        }
    };
    let secret = Secret::Raw(bytes.clone()).to_encoded().to_string();
    let otpauth_url = totp(&bytes, &caller.username).get_url();
    let qr_svg = qrcode::QrCode::new(otpauth_url.as_bytes())
        .map_err(|e| {
            tracing::error!("QR code: {e}");
            AppError::Internal
        })?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(TotpSetup {
        secret,
        otpauth_url,
        qr_svg,
    })
}

/// The time step `code` belongs to for `secret` (now, or one step either
/// side), compared in constant time.
fn matching_step(secret: &[u8], code: &str, now_secs: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret, "");
    let now_step = now_secs / STEP_SECS;
    [now_step.saturating_sub(1), now_step, now_step + 1]
        .into_iter()
        .find(|step| constant_time_eq(&totp.generate(step * STEP_SECS), &code))
}

fn now_secs() -> u64 {
    u64::try_from(now_ms() / 1000).unwrap_or(0)
}

/// Adds an authenticator app once its first code proves it was set up.
pub async fn confirm(
    state: &AppState,
    caller: &Caller,
    secret: &str,
    name: &str,
    code: &str,
) -> Result<Factor, AppError> {
    let user_id = caller.require_own_enrolment(Access::Write)?;
    let mut errors = Vec::new();
    let name = super::super::tokens::parse_name(name)
        .map_err(|e| errors.push(e))
        .ok();
    let bytes = decode(secret).ok_or_else(|| {
        AppError::Invalid(vec![FieldError::new(
            "code",
            "setup_expired",
            "This setup expired: start again.",
        )])
    })?;
    let step = matching_step(&bytes, code, now_secs());
    if step.is_none() {
        errors.push(FieldError::new(
            "code",
            "code_invalid",
            "That code does not match: check the app's clock and try the next code.",
        ));
    }
    let (Some(name), Some(step), true) = (name, step, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let now = now_ms();
    let row = FactorRow {
        id: new_id(),
        user_id: user_id.to_owned(),
        kind: db::factors::KIND_TOTP.to_owned(),
        name,
        secret: secret.to_owned(),
        credential_id: None,
        // The confirming code is spent.
        last_step: i64::try_from(step).ok(),
        created_at: now,
        last_used_at: None,
    };
    super::enrol(state, caller, row).await
}

/// Whether `code` is a fresh code of one of the user's authenticator apps;
/// its time step is then spent.
pub async fn accept(state: &AppState, user_id: &str, code: &str) -> Result<bool, AppError> {
    let now = now_secs();
    for factor in db::factors::list_for_user(&state.db, user_id).await? {
        if factor.kind != db::factors::KIND_TOTP {
            continue;
        }
        let Some(step) = decode(&factor.secret).and_then(|s| matching_step(&s, code, now)) else {
            continue;
        };
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        if db::factors::accept_totp_step(&state.db, &factor.id, step, now_ms()).await? {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_step_before_and_after_match_and_no_others() {
        let secret = b"12345678901234567890";
        let t = totp(secret, "");
        let now = 1_700_000_000u64;
        let step = now / STEP_SECS;
        for s in [step - 1, step, step + 1] {
            assert_eq!(
                matching_step(secret, &t.generate(s * STEP_SECS), now),
                Some(s)
            );
        }
        for s in [step - 2, step + 2] {
            let code = t.generate(s * STEP_SECS);
            // A far step's code may collide with a near one's by chance.
            let near = [step - 1, step, step + 1].map(|n| t.generate(n * STEP_SECS));
            if !near.contains(&code) {
                assert_eq!(matching_step(secret, &code, now), None);
            }
        }
        assert_eq!(matching_step(secret, "12a456", now), None);
        assert_eq!(matching_step(secret, "", now), None);
    }

    #[test]
    fn the_rfc_6238_test_vector_matches() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits); the
        // last six digits are the 6-digit code.
        let t = totp(b"12345678901234567890", "");
        assert_eq!(t.generate(59), "287082");
    }
}
