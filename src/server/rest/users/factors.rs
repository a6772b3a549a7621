//! `GET /users/{id}/factors`: the user's second factors (never their
//! secrets). `DELETE /users/{id}/factors`: removes all of them and the
//! recovery codes, for a user who lost them; the user's sessions end and
//! the next sign-in takes the password alone. Both 404 for an unknown user.

use serde::Serialize;
use serde_json::json;

use crate::model::second_factor::Factor;
use crate::server::rest::{prelude::*, resource, PREFIX};

#[derive(Serialize, utoipa::ToSchema)]
pub struct FactorAttributes<'a> {
    /// `totp` (authenticator app) or `passkey`.
    #[schema(value_type = String, pattern = "^(totp|passkey)$")]
    kind: &'a str,
    #[schema(value_type = String, example = "Phone")]
    name: &'a str,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_used_at: &'a Option<String>,
}

/// Doc-only schemas of the factors' documents.
pub mod schema {
    use super::FactorAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "second-factor",
        "^second-factor$",
        FactorAttributes<'static>,
        FactorResource,
        FactorDocument,
        FactorListDocument
    );

    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct RemovedMeta {
        /// How many factors were removed.
        factors_removed: usize,
    }

    /// What a reset removed.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct FactorsRemovedDocument {
        meta: RemovedMeta,
    }
}

resource!(
    Factor,
    "second-factor",
    id = id,
    FactorAttributes,
    |factor| {
        FactorAttributes {
            kind: factor.kind.as_str(),
            name: &factor.name,
            created_at: &factor.created_at,
            last_used_at: &factor.last_used_at,
        }
    }
);

#[utoipa::path(
    get,
    path = "/users/{id}/factors",
    operation_id = "list_user_factors",
    tag = "users",
    summary = "List a user's second factors",
    description = "Authenticator apps and passkeys, oldest first; never their secrets.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The factors", body = schema::FactorListDocument),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn list(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let factors = ops::second_factor::list_for_user(&state, &caller, &user_id).await?;
    Ok(collection_response(
        &factors,
        &format!("{PREFIX}/users/{user_id}/factors"),
    ))
}

#[utoipa::path(
    delete,
    path = "/users/{id}/factors",
    operation_id = "reset_user_factors",
    tag = "users",
    summary = "Remove a user's second factors",
    description = "For a user who lost them: removes every authenticator app, passkey and recovery code, and ends the user's sessions. Audited (`second_factor.reset`).",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "How many factors were removed", body = schema::FactorsRemovedDocument, example = json!({"meta": {"factors_removed": 2}})),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn reset(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let removed = ops::second_factor::reset_for_user(&state, &caller, &user_id).await?;
    Ok(Json(json!({"meta": {"factors_removed": removed}})).into_response())
}
