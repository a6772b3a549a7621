//! `/modules`: the built-in modules and their run-time switches, one
//! endpoint per file. A module's id is its name.

pub mod disable;
pub mod enable;
pub mod get;
pub mod list;

use axum::Json;
use serde::Serialize;

use super::{envelope::SingleDocument, resource, resource_document, PREFIX};
use crate::model::ModuleState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ModuleAttributes<'a> {
    #[schema(value_type = String, example = "registration")]
    name: &'a str,
    #[schema(value_type = String, example = "Self-registration: the /register page and POST /api/register.")]
    description: &'a str,
    enabled: bool,
    /// The state while no administrator has switched it.
    default: bool,
    /// When it was last switched; `null` while at its default.
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    changed_at: &'a Option<String>,
    /// Username of who switched it last.
    #[schema(value_type = Option<String>, required = true)]
    changed_by: &'a Option<String>,
}

/// Doc-only schemas of the modules' documents.
pub mod schema {
    use super::ModuleAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "module",
        "^module$",
        id = (
            "^(registration|self_service|messaging|basic_auth|metrics|audit_export)$",
            "registration"
        ),
        ModuleAttributes<'static>,
        ModuleResource,
        ModuleDocument,
        ModuleListDocument
    );
}

resource!(
    ModuleState,
    "module",
    id = name,
    ModuleAttributes,
    |module| ModuleAttributes {
        name: &module.name,
        description: &module.description,
        enabled: module.enabled,
        default: module.default,
        changed_at: &module.changed_at,
        changed_by: &module.changed_by,
    }
);

fn collection_path() -> String {
    format!("{PREFIX}/modules")
}

fn module_document(module: &ModuleState) -> Json<SingleDocument<'_, ModuleAttributes<'_>>> {
    Json(resource_document(module, &collection_path()))
}
