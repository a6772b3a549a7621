//! `GET /server/stats`: the dashboard's figures and 30 days of daily series.

use super::singleton_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/server/stats",
    operation_id = "server_stats",
    tag = "server",
    summary = "Figures about accounts, sessions and the server",
    description = "Counted at most once every 2 seconds per instance (`computed_at` says when): \
                   user totals come from trigger-kept counters, the rest from index ranges. \
                   `daily` has one entry per UTC day for the last 30 days, today last.",
    responses(
        (status = 200, description = "The figures", body = super::schema::StatsDocument),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
) -> Result<Json<serde_json::Value>, ApiError> {
    let stats = ops::server::stats(&state, &caller).await?;
    Ok(Json(singleton_document(&stats, "stats")))
}
