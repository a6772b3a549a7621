//! `/users/{id}/grants`: the applications a user signed in to, and
//! revoking one (its tokens stop working at once, the next sign-in asks for
//! consent again).

pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::UserGrant;

#[derive(Serialize, utoipa::ToSchema)]
pub struct GrantAttributes<'a> {
    #[schema(value_type = String)]
    user_id: &'a str,
    #[schema(value_type = String)]
    application_id: &'a str,
    #[schema(value_type = String, example = "Grafana")]
    application_name: &'a str,
    #[schema(value_type = Vec<String>, example = json!(["openid", "profile"]))]
    scopes: &'a [String],
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String, format = DateTime)]
    last_used_at: &'a str,
}

/// Doc-only schemas of the grants' documents.
pub mod schema {
    use super::GrantAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "grant",
        "^grant$",
        GrantAttributes<'static>,
        GrantResource,
        GrantDocument,
        GrantListDocument
    );
}

resource!(UserGrant, "grant", id = id, GrantAttributes, |grant| {
    GrantAttributes {
        user_id: &grant.user_id,
        application_id: &grant.application_id,
        application_name: &grant.application_name,
        scopes: &grant.scopes,
        created_at: &grant.created_at,
        last_used_at: &grant.last_used_at,
    }
});

fn collection_path(user_id: &str) -> String {
    format!("{PREFIX}/users/{user_id}/grants")
}
