//! `/oauth2-clients`: admin clients of the client-credentials grant.

pub mod create;
pub mod list;
pub mod revoke;

use serde::Serialize;

use super::{resource, PREFIX};
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

resource!(
    OAuthClient,
    "oauth2_client",
    id = id,
    ClientAttributes,
    |client| ClientAttributes {
        name: &client.name,
        scopes: &client.scopes,
        created_at: &client.created_at,
        created_by: &client.created_by,
        last_used_at: &client.last_used_at,
        revoked_at: &client.revoked_at,
    }
);

fn collection_path() -> String {
    format!("{PREFIX}/oauth2-clients")
}
