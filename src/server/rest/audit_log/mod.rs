//! `/audit-log`: the records of every change, newest first, and their export.

pub mod export;
pub mod list;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::{AuditActor, AuditRecord};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ActorAttributes<'a> {
    /// `user`, `token` (an API token of the user `id`), `oauth2_client` or `system`.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "user")]
    kind: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    id: &'a Option<String>,
    #[schema(value_type = String, example = "alice")]
    name: &'a str,
    /// The role the action was allowed under: a server role, or
    /// `org_admin:<organisation id>`; `null` for own-account actions and
    /// the system.
    #[schema(value_type = Option<String>, required = true, example = "helpdesk")]
    role: &'a Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditAttributes<'a> {
    #[schema(value_type = String, format = DateTime)]
    at: &'a str,
    actor: ActorAttributes<'a>,
    #[schema(value_type = Option<String>, required = true, example = "192.0.2.10")]
    ip: &'a Option<String>,
    #[schema(value_type = String, example = "user.lock")]
    action: &'a str,
    #[schema(value_type = String, example = "user")]
    target_type: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    target_id: &'a Option<String>,
    /// What changed: `{"before": {...}, "after": {...}}` for updates; secrets
    /// are never included.
    #[schema(value_type = Object)]
    detail: &'a serde_json::Value,
}

/// Doc-only schemas of the audit log's documents.
pub mod schema {
    use super::AuditAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "audit_record",
        "^audit_record$",
        AuditAttributes<'static>,
        AuditResource,
        AuditDocument,
        AuditListDocument
    );
}

fn actor(a: &AuditActor) -> ActorAttributes<'_> {
    ActorAttributes {
        kind: &a.kind,
        id: &a.id,
        name: &a.name,
        role: &a.role,
    }
}

resource!(
    AuditRecord,
    "audit_record",
    id = id,
    AuditAttributes,
    |record| AuditAttributes {
        at: &record.at,
        actor: actor(&record.actor),
        ip: &record.ip,
        action: &record.action,
        target_type: &record.target_type,
        target_id: &record.target_id,
        detail: &record.detail,
    }
);

fn audit_path() -> String {
    format!("{PREFIX}/audit-log")
}

/// Doc-only: the filters of the audit log and its export.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// The acting user's id, or an actor's name.
    #[param(rename = "filter[actor]", max_length = 256, example = "alice")]
    actor: Option<String>,
    /// An action (`user.lock`), or a prefix ending with `.` or `*` (`user.*`).
    #[param(rename = "filter[action]", max_length = 256, example = "user.*")]
    action: Option<String>,
    /// A target type (`user`), a type and id (`user:01JD3Z6Q9V8W7X6Y5Z4A3B2C1D`),
    /// or an id alone (`01JD3Z6Q9V8W7X6Y5Z4A3B2C1D`, whatever its type). Types:
    /// `allowlist`, `application`, `job`, `message`, `module`, `oauth2_client`,
    /// `org`, `provisioning`, `registration_token`, `session`, `signing_keys`,
    /// `token`, `user`; anything else is a 400.
    #[param(rename = "filter[target]", max_length = 256, example = "user")]
    target: Option<String>,
    /// Records at or after this time (RFC 3339, or a date meaning its start in UTC).
    #[param(rename = "filter[since]", example = "2026-11-01T00:00:00Z")]
    since: Option<String>,
    /// Records before this time (RFC 3339, or a date meaning its start in UTC).
    #[param(rename = "filter[until]", example = "2026-12-01")]
    until: Option<String>,
}
