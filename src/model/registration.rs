//! Self-registration: the configured mode, registration tokens and their
//! filters, and the rules a token string must follow.

use serde::{Deserialize, Serialize};

use super::{CountMode, FieldError, PageRequest};

pub const TOKEN_MAX_CHARS: usize = 64;
pub const DEFAULT_TOKEN_LENGTH: usize = 16;

/// Who may create an account at `/register` (`[registration] mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegistrationMode {
    /// Nobody: only administrators create accounts.
    Closed,
    /// Anyone holding a valid registration token.
    #[default]
    Token,
    /// Anyone.
    Open,
}

impl RegistrationMode {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "closed" => Some(Self::Closed),
            "token" => Some(Self::Token),
            "open" => Some(Self::Open),
            _ => None,
        }
    }
}

/// A registration token as admins see it. `valid`: not revoked, not expired
/// and uses left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationToken {
    pub token: String,
    pub valid: bool,
    /// `None`: unlimited.
    pub uses_allowed: Option<i64>,
    pub pending: i64,
    pub completed: i64,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

impl RegistrationToken {
    /// `valid`, `used up`, `expired` or `revoked`, for people.
    pub fn state(&self) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if self.valid {
            "valid"
        } else if self
            .uses_allowed
            .is_some_and(|n| self.completed + self.pending >= n)
        {
            "used up"
        } else {
            "expired"
        }
    }
}

/// Filters of the token list; each `None` means "either".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationTokenFilter {
    pub valid: Option<bool>,
    /// Used at least once (`completed > 0`).
    pub used: Option<bool>,
    pub revoked: Option<bool>,
    pub expired: Option<bool>,
    pub page: PageRequest,
    pub count: CountMode,
}

/// Input of a new token: an explicit `token` or a random one of `length`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRegistrationToken {
    pub token: Option<String>,
    pub length: Option<i64>,
    pub uses_allowed: Option<i64>,
    /// Unix milliseconds.
    pub expires_at: Option<i64>,
}

/// A change of a token: `Some(None)` clears, `None` keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationTokenPatch {
    pub uses_allowed: Option<Option<i64>>,
    /// Unix milliseconds.
    pub expires_at: Option<Option<i64>>,
}

/// Input of a self-registration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub username: String,
    pub password: String,
    pub token: Option<String>,
    pub display_name: Option<String>,
    pub email: Option<String>,
}

pub fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '-')
}

/// Checks a token string: 1 to 64 of `A-Za-z0-9._~-`.
pub fn token(raw: &str) -> Result<String, FieldError> {
    if raw.is_empty() || raw.len() > TOKEN_MAX_CHARS || !raw.chars().all(is_token_char) {
        return Err(FieldError::new(
            "token",
            "token_invalid",
            format!("A token is 1 to {TOKEN_MAX_CHARS} of the characters A-Z a-z 0-9 . _ ~ -."),
        ));
    }
    Ok(raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_characters_and_length() {
        assert!(token("Ab9._~-").is_ok());
        assert!(token(&"x".repeat(64)).is_ok());
        assert_eq!(token("").unwrap_err().code, "token_invalid");
        assert!(token(&"x".repeat(65)).is_err());
        assert!(token("a b").is_err());
        assert!(token("a/b").is_err());
        assert!(token("é").is_err());
    }

    #[test]
    fn modes_parse() {
        assert_eq!(
            RegistrationMode::parse("open"),
            Some(RegistrationMode::Open)
        );
        assert_eq!(RegistrationMode::parse("Open"), None);
        assert_eq!(RegistrationMode::default(), RegistrationMode::Token);
    }
}
