//! `POST /applications`: 201 with the application, its `client_id`, and
//! for a confidential client the secret once in `meta.client_secret`; 409
//! name taken; 422 broken rules; 400 malformed body or unknown organisation.

use serde_json::json;

use super::collection_path;
use crate::model::NewApplication;
use crate::server::rest::openapi::{
    ApplicationBadRequestError, ApplicationInvalidError, ApplicationNameTakenError,
};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/applications",
    operation_id = "create_application",
    tag = "applications",
    summary = "Register an application",
    description = "An OpenID Connect client (`kind` `oidc`, the default). `client_type` \
        `confidential` (default: gets a secret, shown this once in `meta.client_secret`) or \
        `public` (must use PKCE). `access.orgs` limits who may sign in to members of those \
        organisations with at least `min_role`; absent or empty: everyone signed in.",
    request_body(content = NewApplication, example = json!({
        "name": "Grafana", "client_type": "confidential",
        "redirect_uris": ["https://grafana.example.org/login/generic_oauth"],
        "post_logout_redirect_uris": ["https://grafana.example.org/login"],
        "skip_consent": false,
        "access": {"orgs": [{"org_id": "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D", "min_role": "viewer"}]}})),
    responses(
        (status = 201, description = "Registered", body = super::schema::ApplicationCreatedDocument,
            headers(("Location" = String, description = "URL of the new application"))),
        (status = 400, description = "Malformed JSON, or an unknown organisation", body = ApplicationBadRequestError),
        (status = 409, description = "The name is taken (in any case)", body = ApplicationNameTakenError),
        (status = 422, description = "Broken rules, one per field", body = ApplicationInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<NewApplication>,
) -> Result<Response, ApiError> {
    let created = ops::applications::create(&state, &caller, input).await?;
    let app = &created.application;
    let meta = json!({"client_id": app.client_id, "client_secret": created.client_secret});
    Ok(created_with_meta(app, &collection_path(), meta))
}
