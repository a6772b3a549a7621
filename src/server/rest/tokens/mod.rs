//! `/users/{id}/tokens`: personal admin tokens, one endpoint per file.

pub mod create;
pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{Resource, PREFIX};
use crate::model::ApiToken;

#[derive(Serialize)]
pub struct TokenAttributes<'a> {
    user_id: &'a str,
    name: &'a str,
    scopes: &'a [String],
    state: &'a str,
    created_at: &'a str,
    expires_at: &'a Option<String>,
    last_used_at: &'a Option<String>,
    revoked_at: &'a Option<String>,
}

impl Resource for ApiToken {
    const TYPE: &'static str = "token";
    type Attributes<'a> = TokenAttributes<'a>;

    fn id(&self) -> &str {
        &self.id
    }

    fn attributes(&self) -> TokenAttributes<'_> {
        TokenAttributes {
            user_id: &self.user_id,
            name: &self.name,
            scopes: &self.scopes,
            state: &self.state,
            created_at: &self.created_at,
            expires_at: &self.expires_at,
            last_used_at: &self.last_used_at,
            revoked_at: &self.revoked_at,
        }
    }
}

fn collection_path(user_id: &str) -> String {
    format!("{PREFIX}/users/{user_id}/tokens")
}
