//! `/allowlist`: the admin IP allow-list. Entries are addressed by their
//! text; a CIDR's slash may be sent as is or as `%2F`.

pub mod delete;
pub mod list;
pub mod put;

use serde::{Deserialize, Serialize};

use super::{resource, PREFIX};
use crate::model::AllowEntry;

#[derive(Serialize, utoipa::ToSchema)]
pub struct EntryAttributes<'a> {
    #[schema(value_type = String, example = "10.0.0.0/8")]
    entry: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    note: &'a Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String)]
    created_by: &'a str,
}

/// Doc-only schemas of the allow-list's documents.
pub mod schema {
    use super::EntryAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "allowlist_entry",
        "^allowlist_entry$",
        id = ("^[0-9A-Fa-f.:/]+$", "10.0.0.0/8"),
        EntryAttributes<'static>,
        EntryResource,
        EntryDocument,
        EntryListDocument
    );
}

resource!(
    AllowEntry,
    "allowlist_entry",
    id = entry,
    EntryAttributes,
    |entry| EntryAttributes {
        entry: &entry.entry,
        note: &entry.note,
        created_at: &entry.created_at,
        created_by: &entry.created_by,
    }
);

fn collection_path() -> String {
    format!("{PREFIX}/allowlist")
}

/// `?confirm_lockout=true`: go ahead even if the caller's own address
/// would lose admin access.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LockoutQuery {
    /// Go ahead even if your own address loses admin access.
    #[serde(default)]
    confirm_lockout: bool,
}
