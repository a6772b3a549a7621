//! `/allowlist`: the admin IP allow-list. Entries are addressed by their
//! text; a CIDR's slash may be sent as is or as `%2F`.

pub mod delete;
pub mod list;
pub mod put;

use serde::{Deserialize, Serialize};

use super::{Resource, PREFIX};
use crate::model::AllowEntry;

#[derive(Serialize)]
pub struct EntryAttributes<'a> {
    entry: &'a str,
    note: &'a Option<String>,
    created_at: &'a str,
    created_by: &'a str,
}

impl Resource for AllowEntry {
    const TYPE: &'static str = "allowlist_entry";
    type Attributes<'a> = EntryAttributes<'a>;

    fn id(&self) -> &str {
        &self.entry
    }

    fn attributes(&self) -> EntryAttributes<'_> {
        EntryAttributes {
            entry: &self.entry,
            note: &self.note,
            created_at: &self.created_at,
            created_by: &self.created_by,
        }
    }
}

fn collection_path() -> String {
    format!("{PREFIX}/allowlist")
}

/// `?confirm_lockout=true`: go ahead even if the caller's own address
/// would lose admin access.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockoutQuery {
    #[serde(default)]
    confirm_lockout: bool,
}
