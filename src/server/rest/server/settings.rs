//! `GET /server/settings`: the effective configuration by section; every
//! secret reads `************`.

use super::singleton_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/server/settings",
    operation_id = "server_settings",
    tag = "server",
    summary = "The effective configuration",
    description = "Grouped as in the configuration file, with the environment variable that \
                   overrides each key. Secrets (database password, metrics token, ...) are \
                   never shown: their value is `************` when set.",
    responses(
        (status = 200, description = "The settings", body = super::schema::SettingsDocument),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
) -> Result<Json<serde_json::Value>, ApiError> {
    let settings = ops::server::settings(&state, &caller)?;
    Ok(Json(singleton_document(&settings, "settings")))
}
