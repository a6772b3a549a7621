use serde::{Deserialize, Serialize};

/// One broken rule on one input field; shown next to that field in forms and
/// as `source.pointer` in the REST API.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// The error of every admin operation. The same value reaches the panel (as a
/// server-function error) and scripts (mapped to a status and `errors[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    Unauthenticated,
    #[error("Invalid username or password.")]
    InvalidCredentials,
    /// Credentials of a kind this account may not use here (401), with its
    /// own code: `second_factor_enrolled` for HTTP Basic.
    #[error("{message}")]
    CredentialsRefused { code: String, message: String },
    #[error("{0}")]
    Forbidden(String),
    /// Authenticated but refused for a reason with its own code (403):
    /// `insufficient_scope`, `ip_not_allowed`, `tls_required`.
    #[error("{message}")]
    AccessDenied { code: String, message: String },
    #[error("{0}")]
    NotFound(String),
    /// Something the request's body names does not exist (404), with its
    /// own code and the field that named it (a contact's username).
    #[error("{message}")]
    UnknownReference {
        code: String,
        field: String,
        message: String,
    },
    /// A field of a well-formed request names something that does not exist
    /// (400), e.g. `org_id` of a new user: the request itself is wrong.
    #[error("{message}")]
    BadReference {
        code: String,
        field: String,
        message: String,
    },
    /// The account has a temporary password: nothing but choosing a new
    /// one works until then (403).
    #[error("You must choose a new password before you continue.")]
    PasswordChangeRequired,
    #[error("{message}")]
    Conflict {
        code: String,
        field: Option<String>,
        message: String,
    },
    /// Well-formed input that breaks one or more rules (422).
    #[error("{}", .0.first().map(|e| e.message.as_str()).unwrap_or("invalid input"))]
    Invalid(Vec<FieldError>),
    /// A provisioning file that cannot be applied (422): every problem, each
    /// with its line. Nothing was changed.
    #[error("{}", .0.first().map(|p| p.to_string()).unwrap_or_else(|| "invalid provisioning file".into()))]
    ProvisioningInvalid(Vec<super::ProvisioningProblem>),
    /// Malformed input (400); `parameter` names the query parameter at fault.
    #[error("{message}")]
    BadRequest {
        message: String,
        parameter: Option<String>,
    },
    #[error("too many attempts, try again in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// Too many of something at once (429), with its own code, e.g.
    /// `too_many_streams`.
    #[error("{message}")]
    TooMany {
        code: String,
        message: String,
        retry_after_secs: u64,
    },
    /// Saturated for a moment (503), e.g. every password-hashing slot busy.
    #[error("the server is busy, try again in {retry_after_secs} s")]
    Unavailable { retry_after_secs: u64 },
    /// Never carries internal details: those are logged, not returned.
    #[error("internal error")]
    Internal,
    /// The server-function transport failed (network, decoding).
    #[error("{0}")]
    Transport(String),
}

impl AppError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::BadRequest {
            message: message.into(),
            parameter: None,
        }
    }

    pub fn bad_parameter(parameter: &str, message: impl Into<String>) -> Self {
        Self::BadRequest {
            message: message.into(),
            parameter: Some(parameter.to_owned()),
        }
    }

    pub fn conflict(code: &str, field: Option<&str>, message: impl Into<String>) -> Self {
        Self::Conflict {
            code: code.to_owned(),
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }

    pub fn access_denied(code: &str, message: impl Into<String>) -> Self {
        Self::AccessDenied {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    pub fn unknown_reference(code: &str, field: &str, message: impl Into<String>) -> Self {
        Self::UnknownReference {
            code: code.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub fn bad_reference(code: &str, field: &str, message: impl Into<String>) -> Self {
        Self::BadReference {
            code: code.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub fn forbidden() -> Self {
        Self::Forbidden("administrator rights required".into())
    }

    /// When to try again, for the `Retry-After` header (429 and 503).
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Self::RateLimited { retry_after_secs }
            | Self::TooMany {
                retry_after_secs, ..
            }
            | Self::Unavailable { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::Unauthenticated | Self::InvalidCredentials | Self::CredentialsRefused { .. } => {
                401
            }
            Self::Forbidden(_) | Self::AccessDenied { .. } | Self::PasswordChangeRequired => 403,
            Self::NotFound(_) | Self::UnknownReference { .. } => 404,
            Self::Conflict { .. } => 409,
            Self::Invalid(_) | Self::ProvisioningInvalid(_) => 422,
            Self::BadRequest { .. } | Self::BadReference { .. } => 400,
            Self::RateLimited { .. } | Self::TooMany { .. } => 429,
            Self::Unavailable { .. } => 503,
            Self::Internal | Self::Transport(_) => 500,
        }
    }

    /// Stable machine-readable code, listed in the API contract.
    pub fn code(&self) -> &str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::CredentialsRefused { code, .. } => code,
            Self::Forbidden(_) => "forbidden",
            Self::AccessDenied { code, .. } => code,
            Self::PasswordChangeRequired => "password_change_required",
            Self::NotFound(_) => "not_found",
            Self::UnknownReference { code, .. } | Self::BadReference { code, .. } => code,
            Self::Conflict { code, .. } => code,
            Self::Invalid(errors) => errors.first().map(|e| e.code.as_str()).unwrap_or("invalid"),
            Self::ProvisioningInvalid(problems) => problems
                .first()
                .map(|p| p.code.as_str())
                .unwrap_or("provisioning_invalid"),
            Self::BadRequest { .. } => "bad_request",
            Self::RateLimited { .. } => "rate_limited",
            Self::TooMany { code, .. } => code,
            Self::Unavailable { .. } => "unavailable",
            Self::Internal => "internal_error",
            Self::Transport(_) => "transport_error",
        }
    }

    /// The message for one form field, if this error is about it (or about
    /// a part of it: `redirect_uris/2` belongs to `redirect_uris`).
    pub fn field_message(&self, field: &str) -> Option<String> {
        let about = |f: &str| {
            f == field
                || f.strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        match self {
            Self::Invalid(errors) => {
                let messages: Vec<&str> = errors
                    .iter()
                    .filter(|e| about(&e.field))
                    .map(|e| e.message.as_str())
                    .collect();
                (!messages.is_empty()).then(|| messages.join(" "))
            }
            Self::Conflict {
                field: Some(f),
                message,
                ..
            } if f == field => Some(message.clone()),
            Self::UnknownReference {
                field: f, message, ..
            }
            | Self::BadReference {
                field: f, message, ..
            } if about(f) => Some(message.clone()),
            _ => None,
        }
    }

    /// True when the error is fully explained by field messages.
    pub fn is_field_error(&self) -> bool {
        matches!(
            self,
            Self::Invalid(_)
                | Self::Conflict { field: Some(_), .. }
                | Self::UnknownReference { .. }
                | Self::BadReference { .. }
        )
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        Self::Transport(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_contract() {
        assert_eq!(AppError::Unauthenticated.status(), 401);
        assert_eq!(AppError::forbidden().status(), 403);
        assert_eq!(AppError::NotFound("x".into()).status(), 404);
        assert_eq!(
            AppError::conflict("username_taken", Some("username"), "taken").status(),
            409
        );
        assert_eq!(AppError::Invalid(vec![]).status(), 422);
        assert_eq!(AppError::bad_request("x").status(), 400);
    }

    #[test]
    fn field_messages_are_found_for_invalid_and_conflict() {
        let invalid =
            AppError::Invalid(vec![FieldError::new("email", "email_invalid", "bad email")]);
        assert_eq!(invalid.field_message("email").as_deref(), Some("bad email"));
        assert_eq!(invalid.field_message("username"), None);
        assert_eq!(invalid.code(), "email_invalid");
        let taken = AppError::conflict("username_taken", Some("username"), "taken");
        assert_eq!(taken.field_message("username").as_deref(), Some("taken"));
        assert!(taken.is_field_error());
    }
}
