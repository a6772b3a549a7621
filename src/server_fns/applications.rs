//! Applications (OpenID Connect clients and sites behind the forward-auth
//! gate) and the grants people gave them.
// A server function takes a form's fields one by one (the settings form
// carries both kinds' fields).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{
    AppAccess, AppError, Application, ApplicationCreated, OrgAccess, OrgRole, UserGrant,
};

/// One URI per line, as typed in a textarea.
pub fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The access rule of the form: the checked organisations, one minimum role.
pub fn access_of(orgs: Option<Vec<String>>, min_role: Option<String>) -> AppAccess {
    let min_role = min_role
        .as_deref()
        .and_then(OrgRole::parse)
        .unwrap_or_default();
    AppAccess {
        orgs: orgs
            .unwrap_or_default()
            .into_iter()
            .filter(|id| !id.is_empty())
            .map(|org_id| OrgAccess { org_id, min_role })
            .collect(),
    }
}

#[server(prefix = "/api", endpoint = "applications/list", input = GetUrl)]
pub async fn list_applications() -> Result<Vec<Application>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::applications::list(&state, &caller).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "applications/get", input = GetUrl)]
pub async fn get_application(id: String) -> Result<Application, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::applications::get(&state, &caller, &id).await
    })
    .await
}

/// `client_type` is `confidential` or `public`; URIs one per line.
#[server(prefix = "/api", endpoint = "applications/create")]
pub async fn create_application(
    name: String,
    client_type: String,
    redirect_uris: String,
    post_logout_redirect_uris: String,
    skip_consent: Option<String>,
    access_orgs: Option<Vec<String>>,
    min_role: Option<String>,
) -> Result<ApplicationCreated, AppError> {
    use crate::model::{ClientType, NewApplication};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let input = NewApplication {
            name,
            client_type: ClientType::parse(&client_type),
            redirect_uris: lines(&redirect_uris),
            post_logout_redirect_uris: lines(&post_logout_redirect_uris),
            skip_consent: skip_consent.is_some(),
            access: Some(access_of(access_orgs, min_role)),
            ..NewApplication::default()
        };
        crate::server::ops::applications::create(&state, &caller, input).await
    })
    .await
}

/// A site behind the forward-auth gate: hosts and path prefixes one per
/// line.
#[server(prefix = "/api", endpoint = "applications/create-site")]
pub async fn create_protected_site(
    name: String,
    hosts: String,
    path_prefixes: String,
    allow_bearer_tokens: Option<String>,
    access_orgs: Option<Vec<String>>,
    min_role: Option<String>,
) -> Result<ApplicationCreated, AppError> {
    use crate::model::{ApplicationKind, NewApplication};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let input = NewApplication {
            kind: Some(ApplicationKind::ForwardAuth),
            name,
            hosts: lines(&hosts),
            path_prefixes: lines(&path_prefixes),
            allow_bearer_tokens: allow_bearer_tokens.is_some(),
            access: Some(access_of(access_orgs, min_role)),
            ..NewApplication::default()
        };
        crate::server::ops::applications::create(&state, &caller, input).await
    })
    .await
}

/// The settings form of either kind: the fields of the other kind are
/// absent (and left alone).
#[server(prefix = "/api", endpoint = "applications/update")]
pub async fn update_application(
    id: String,
    name: String,
    redirect_uris: Option<String>,
    post_logout_redirect_uris: Option<String>,
    skip_consent: Option<String>,
    hosts: Option<String>,
    path_prefixes: Option<String>,
    allow_bearer_tokens: Option<String>,
    access_orgs: Option<Vec<String>>,
    min_role: Option<String>,
) -> Result<Application, AppError> {
    use crate::model::ApplicationPatch;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let site = hosts.is_some();
        let patch = ApplicationPatch {
            name: Some(name),
            redirect_uris: redirect_uris.as_deref().map(lines),
            post_logout_redirect_uris: post_logout_redirect_uris.as_deref().map(lines),
            skip_consent: (!site).then_some(skip_consent.is_some()),
            hosts: hosts.as_deref().map(lines),
            path_prefixes: path_prefixes.as_deref().map(lines),
            allow_bearer_tokens: site.then_some(allow_bearer_tokens.is_some()),
            access: Some(access_of(access_orgs, min_role)),
            ..ApplicationPatch::default()
        };
        crate::server::ops::applications::update(&state, &caller, &id, patch).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "applications/rotate-secret")]
pub async fn rotate_application_secret(id: String) -> Result<ApplicationCreated, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::applications::rotate_secret(&state, &caller, &id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "applications/delete")]
pub async fn delete_application(id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::applications::delete(&state, &caller, &id).await?;
        leptos_axum::redirect("/applications");
        Ok(())
    })
    .await
}

/// A user's grants; the caller's own when `user_id` is empty.
#[server(prefix = "/api", endpoint = "grants/list", input = GetUrl)]
pub async fn list_grants(user_id: String) -> Result<Vec<UserGrant>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let user_id = if user_id.is_empty() {
            caller.user_id.clone().ok_or(AppError::Unauthenticated)?
        } else {
            user_id
        };
        crate::server::ops::applications::user_grants(&state, &caller, &user_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "grants/revoke")]
pub async fn revoke_grant(user_id: String, grant_id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let user_id = if user_id.is_empty() {
            caller.user_id.clone().ok_or(AppError::Unauthenticated)?
        } else {
            user_id
        };
        crate::server::ops::applications::revoke_grant(&state, &caller, &user_id, &grant_id).await
    })
    .await
}
