//! `/oauth2-clients`: admin clients of the client-credentials grant.

pub mod create;
pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{Resource, PREFIX};
use crate::model::OAuthClient;

#[derive(Serialize)]
pub struct ClientAttributes<'a> {
    name: &'a str,
    scopes: &'a [String],
    created_at: &'a str,
    created_by: &'a str,
    last_used_at: &'a Option<String>,
    revoked_at: &'a Option<String>,
}

impl Resource for OAuthClient {
    const TYPE: &'static str = "oauth2_client";
    type Attributes<'a> = ClientAttributes<'a>;

    fn id(&self) -> &str {
        &self.id
    }

    fn attributes(&self) -> ClientAttributes<'_> {
        ClientAttributes {
            name: &self.name,
            scopes: &self.scopes,
            created_at: &self.created_at,
            created_by: &self.created_by,
            last_used_at: &self.last_used_at,
            revoked_at: &self.revoked_at,
        }
    }
}

fn collection_path() -> String {
    format!("{PREFIX}/oauth2-clients")
}
