//! `POST /oauth2-clients` `{"name", "scopes"?}`: 201 with the client; its
//! `client_id` is the resource id and `meta.client_secret` is shown this once.
//! 422 bad name or unknown scope; 400 malformed body.

use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::json;

use super::collection_path;
use crate::server::{
    ops,
    rest::{envelope::created_document, ApiCaller, ApiError, ApiJson},
    AppState,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateClient {
    name: String,
    #[serde(default)]
    scopes: Vec<String>,
}

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(input): ApiJson<CreateClient>,
) -> Result<Response, ApiError> {
    let created = ops::oauth2::create_client(&state, &caller, &input.name, input.scopes).await?;
    let path = collection_path();
    let location = format!("{path}/{}", created.client.id);
    let meta = json!({"client_id": created.client.id, "client_secret": created.client_secret});
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created_document(&created.client, &path, meta)),
    )
        .into_response())
}
