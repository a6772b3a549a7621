//! Second factors as the panel and the API show them.

use serde::{Deserialize, Serialize};

/// What kind of second factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// An authenticator app: six-digit codes (TOTP).
    Totp,
    /// A passkey or security key (WebAuthn).
    Passkey,
}

impl FactorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Totp => "totp",
            Self::Passkey => "passkey",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "totp" => Some(Self::Totp),
            "passkey" => Some(Self::Passkey),
            _ => None,
        }
    }
}

/// One enrolled factor (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    pub id: String,
    pub kind: FactorKind,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

/// The Security section of an account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub factors: Vec<Factor>,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// Whether the server's policy wants this account to have a factor.
    pub required_by_policy: bool,
    /// Whether passkeys can be used at this server's address (WebAuthn
    /// needs a domain name, or localhost).
    pub passkeys_available: bool,
    /// Recovery codes just made by a plain form post, shown this once.
    #[serde(default)]
    pub new_recovery_codes: Vec<String>,
}

/// A new authenticator app's secret, before the first code confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// Base32, to type in when the QR code cannot be scanned.
    pub secret: String,
    pub otpauth_url: String,
    /// The QR code of `otpauth_url`, as an SVG document.
    pub qr_svg: String,
}

/// What the second step of a sign-in offers the person signing in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondStep {
    pub username: String,
    pub totp: bool,
    pub passkey: bool,
    pub recovery_codes: bool,
}

/// The text of `step_up_required`: the panel recognises it and links to
/// `/confirm`, back to the page.
pub const STEP_UP_MESSAGE: &str =
    "Confirm it is you: enter your password or a code again, then repeat this action.";

/// How many codes a new set of recovery codes has.
pub const RECOVERY_CODES: usize = 10;
