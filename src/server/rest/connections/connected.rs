//! `GET /users/{id}/connected`: `{"connected": bool}`; 404 unknown user.

use serde_json::{json, Value};

use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}/connected",
    operation_id = "user_connected",
    tag = "connections",
    summary = "Whether a user has a live connection",
    description = "True while the user has a panel page open on any instance.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The answer", body = super::schema::ConnectedDocument,
            example = json!({"connected": true})),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let connected = ops::live::is_connected(&state, &caller, &user_id).await?;
    Ok(Json(json!({ "connected": connected })))
}
