//! `/oauth2-clients`: admin clients of the client-credentials grant.

pub mod create;
pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{Resource, PREFIX};
use crate::model::OAuthClient;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ClientAttributes<'a> {
    #[schema(value_type = String, example = "nightly sync")]
    name: &'a str,
    #[schema(value_type = Vec<String>, example = json!(["urn:gatehouse:admin"]))]
    scopes: &'a [String],
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String)]
    created_by: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_used_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    revoked_at: &'a Option<String>,
}

/// Doc-only schemas of the clients' documents.
pub mod schema {
    use super::ClientAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "oauth2_client",
        "^oauth2_client$",
        ClientAttributes<'static>,
        ClientResource,
        ClientDocument,
        ClientListDocument
    );

    /// The credentials, the secret shown this once.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct ClientSecretMeta {
        client_id: String,
        #[schema(example = "ghs_…")]
        client_secret: String,
    }

    /// A new client: the document plus its credentials in `meta`.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct ClientCreatedDocument {
        data: ClientResource,
        links: crate::server::rest::openapi::SelfLink,
        meta: ClientSecretMeta,
    }
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
