//! `/users/{id}/tokens`: personal admin tokens, one endpoint per file.

pub mod create;
pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::ApiToken;

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenAttributes<'a> {
    #[schema(value_type = String)]
    user_id: &'a str,
    #[schema(value_type = String, example = "deploy bot")]
    name: &'a str,
    #[schema(value_type = Vec<String>, example = json!(["urn:gatehouse:admin"]))]
    scopes: &'a [String],
    /// `active`, `expired` or `revoked`.
    #[schema(value_type = String, pattern = "^(active|expired|revoked)$")]
    state: &'a str,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    expires_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_used_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    revoked_at: &'a Option<String>,
}

/// Doc-only schemas of the tokens' documents.
pub mod schema {
    use super::TokenAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "token",
        "^token$",
        TokenAttributes<'static>,
        TokenResource,
        TokenDocument,
        TokenListDocument
    );

    /// The secret, shown this once.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct SecretMeta {
        #[schema(example = "gh_3q2-…")]
        secret: String,
    }

    /// A new token: the document plus `meta.secret`.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct TokenCreatedDocument {
        data: TokenResource,
        links: crate::server::rest::openapi::SelfLink,
        meta: SecretMeta,
    }
}

resource!(ApiToken, "token", id = id, TokenAttributes, |token| {
    TokenAttributes {
        user_id: &token.user_id,
        name: &token.name,
        scopes: &token.scopes,
        state: &token.state,
        created_at: &token.created_at,
        expires_at: &token.expires_at,
        last_used_at: &token.last_used_at,
        revoked_at: &token.revoked_at,
    }
});

fn collection_path(user_id: &str) -> String {
    format!("{PREFIX}/users/{user_id}/tokens")
}
