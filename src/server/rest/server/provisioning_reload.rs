//! `POST /server/provisioning/reload`: applies the configured provisioning
//! file again, idempotently. 200 with the report; 409 when no file is
//! configured; 422 with one error per problem (and its line) when the file
//! cannot be applied, in which case nothing was changed.

use serde_json::json;

use crate::model::ProvisioningReport;
use crate::server::rest::openapi::{ProvisioningConflictError, ProvisioningInvalidError};
use crate::server::rest::prelude::*;

/// Doc-only: `{"data": {"type": "provisioning_report", "attributes": report}}`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ProvisioningDocument {
    data: ProvisioningData,
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ProvisioningData {
    #[schema(rename = "type", value_type = String, pattern = "^provisioning_report$", example = "provisioning_report")]
    kind: (),
    attributes: ProvisioningReport,
}

#[utoipa::path(
    post,
    path = "/server/provisioning/reload",
    operation_id = "reload_provisioning",
    tag = "server",
    summary = "Apply the provisioning file again",
    description = "Reads the configured provisioning file (`[provisioning] file`) and applies it \
        in one transaction: what is missing is created, what differs is changed, the rest is left \
        alone; nothing the file does not name is deleted. The report lists every item with its \
        outcome, and one audit record (`provisioning.reload`) lists the same. No request body.",
    responses(
        (status = 200, description = "Applied: counts and every item with its outcome", body = ProvisioningDocument,
            example = json!({"data": {"type": "provisioning_report", "attributes": {
                "created": 1, "changed": 1, "unchanged": 1, "items": [
                    {"kind": "org", "name": "Engineering", "outcome": "unchanged", "changes": []},
                    {"kind": "user", "name": "alice", "outcome": "changed", "changes": ["email"]},
                    {"kind": "allowlist", "name": "10.0.0.0/8", "outcome": "created", "changes": []}
                ]}}})),
        (status = 409, description = "No provisioning file is configured (`provisioning_not_configured`), \
            or the file would lock out your address, demote you or leave no active administrator", body = ProvisioningConflictError),
        (status = 422, description = "The file cannot be applied; nothing was changed. One error per \
            problem with its line (`source.pointer` `/line/N`, `meta.line`)", body = ProvisioningInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
) -> Result<Json<serde_json::Value>, ApiError> {
    let report = ops::provisioning::reload(&state, &caller).await?;
    Ok(Json(json!({
        "data": {"type": "provisioning_report", "attributes": report}
    })))
}
