//! `/applications`: the applications that sign their users in through
//! Gatehouse (OpenID Connect clients, and sites behind the forward-auth gate:
//! `kind` `forward_auth`), one endpoint per file. The resource
//! id is the OAuth2 `client_id`; a confidential client's secret is shown
//! once, in `meta.client_secret` of the create and rotate answers.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod rotate_secret;
pub mod update;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::{AppAccess, Application, ApplicationKind, ClientType};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationAttributes<'a> {
    kind: ApplicationKind,
    #[schema(value_type = String, example = "Grafana")]
    name: &'a str,
    #[schema(value_type = String)]
    client_id: &'a str,
    client_type: ClientType,
    #[schema(value_type = Vec<String>, example = json!(["https://grafana.example.org/login/generic_oauth"]))]
    redirect_uris: &'a [String],
    #[schema(value_type = Vec<String>)]
    post_logout_redirect_uris: &'a [String],
    skip_consent: bool,
    #[schema(value_type = String, example = "RS256")]
    id_token_signed_response_alg: &'a str,
    #[schema(value_type = AppAccess)]
    access: &'a AppAccess,
    /// Forward auth: the hosts protected (`*.example.org` for every name below).
    #[schema(value_type = Vec<String>, example = json!(["docs.example.org"]))]
    hosts: &'a [String],
    /// Forward auth: only these path prefixes of the hosts (empty: all).
    #[schema(value_type = Vec<String>)]
    path_prefixes: &'a [String],
    /// Forward auth: personal tokens (`Authorization: Bearer`) pass too.
    allow_bearer_tokens: bool,
    provisioned: bool,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String, format = DateTime)]
    updated_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_sign_in_at: &'a Option<String>,
    /// Grants (sign-ins) not revoked.
    active_grants: u64,
}

/// Doc-only schemas of the applications' documents.
pub mod schema {
    use super::ApplicationAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "application",
        "^application$",
        ApplicationAttributes<'static>,
        ApplicationResource,
        ApplicationDocument,
        ApplicationListDocument
    );

    /// The credentials; the secret (confidential clients) shown this once.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct ApplicationSecretMeta {
        client_id: String,
        #[schema(example = "ghs_…")]
        client_secret: Option<String>,
    }

    /// A new application (or a new secret): the document plus the
    /// credentials in `meta`.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct ApplicationCreatedDocument {
        data: ApplicationResource,
        links: crate::server::rest::openapi::SelfLink,
        meta: ApplicationSecretMeta,
    }
}

resource!(
    Application,
    "application",
    id = id,
    ApplicationAttributes,
    |app| ApplicationAttributes {
        kind: app.kind,
        name: &app.name,
        client_id: &app.client_id,
        client_type: app.client_type,
        redirect_uris: &app.redirect_uris,
        post_logout_redirect_uris: &app.post_logout_redirect_uris,
        skip_consent: app.skip_consent,
        id_token_signed_response_alg: &app.id_token_signed_response_alg,
        access: &app.access,
        hosts: &app.hosts,
        path_prefixes: &app.path_prefixes,
        allow_bearer_tokens: app.allow_bearer_tokens,
        provisioned: app.provisioned,
        created_at: &app.created_at,
        updated_at: &app.updated_at,
        last_sign_in_at: &app.last_sign_in_at,
        active_grants: app.active_grants,
    }
);

fn collection_path() -> String {
    format!("{PREFIX}/applications")
}
