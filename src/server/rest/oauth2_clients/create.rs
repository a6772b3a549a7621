//! `POST /oauth2-clients` `{"name", "scopes"?}`: 201 with the client; its
//! `client_id` is the resource id and `meta.client_secret` is shown this once.
//! 422 bad name or unknown scope; 400 malformed body.

use serde::Deserialize;
use serde_json::json;

use super::collection_path;
use crate::server::rest::openapi::ClientInvalidError;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClient {
    #[schema(example = "nightly sync")]
    name: String,
    #[serde(default)]
    scopes: Vec<String>,
}

#[utoipa::path(
    post,
    path = "/oauth2-clients",
    operation_id = "create_oauth2_client",
    tag = "oauth2-clients",
    summary = "Create an OAuth2 admin client",
    description = "For the client-credentials grant at `POST /oauth2/token`. `meta.client_secret` \
        is shown this once. Scopes default to `urn:gatehouse:admin`.",
    request_body(content = CreateClient, example = json!({"name": "nightly sync", "scopes": ["urn:gatehouse:admin"]})),
    responses(
        (status = 201, description = "Created", body = super::schema::ClientCreatedDocument,
            headers(("Location" = String, description = "URL of the new client"))),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 422, description = "Broken rules, one per field", body = ClientInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<CreateClient>,
) -> Result<Response, ApiError> {
    let created = ops::oauth2::create_client(&state, &caller, &input.name, input.scopes).await?;
    let meta = json!({"client_id": created.client.id, "client_secret": created.client_secret});
    Ok(created_with_meta(&created.client, &collection_path(), meta))
}
