//! `/registration-tokens`: the tokens that let visitors create an account
//! at `/register` (Synapse's registration tokens), one endpoint per file.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod revoke;
pub mod update;

use axum::Json;
use serde::Serialize;

use super::{envelope::SingleDocument, resource, resource_document, PREFIX};
use crate::model::RegistrationToken;

/// Path parameter of one token.
pub const TOKEN_PARAM: (&str, &str) = ("token", "The token itself");

#[derive(Serialize, utoipa::ToSchema)]
pub struct RegistrationTokenAttributes<'a> {
    #[schema(value_type = String, pattern = "^[A-Za-z0-9._~-]{1,64}$", example = "fBVFtBdAvfYeBS1D")]
    token: &'a str,
    /// Not revoked, not expired and uses left.
    valid: bool,
    /// How many accounts may register with it; `null`: unlimited.
    #[schema(required = true, minimum = 0)]
    uses_allowed: Option<i64>,
    /// Registrations in progress: always 0 here, a use is counted in the
    /// transaction that creates the account.
    pending: i64,
    /// Accounts created with it.
    completed: i64,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    expires_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    revoked_at: &'a Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_used_at: &'a Option<String>,
}

/// Doc-only schemas of the registration tokens' documents.
pub mod schema {
    use super::RegistrationTokenAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "registration_token",
        "^registration_token$",
        id = ("^[A-Za-z0-9._~-]{1,64}$", "fBVFtBdAvfYeBS1D"),
        RegistrationTokenAttributes<'static>,
        RegistrationTokenResource,
        RegistrationTokenDocument,
        RegistrationTokenListDocument
    );
}

resource!(
    RegistrationToken,
    "registration_token",
    id = token,
    RegistrationTokenAttributes,
    |token| RegistrationTokenAttributes {
        token: &token.token,
        valid: token.valid,
        uses_allowed: token.uses_allowed,
        pending: token.pending,
        completed: token.completed,
        expires_at: &token.expires_at,
        revoked_at: &token.revoked_at,
        created_at: &token.created_at,
        last_used_at: &token.last_used_at,
    }
);

pub fn collection_path() -> String {
    format!("{PREFIX}/registration-tokens")
}

pub fn token_document(
    token: &RegistrationToken,
) -> Json<SingleDocument<'_, RegistrationTokenAttributes<'_>>> {
    Json(resource_document(token, &collection_path()))
}
