use serde::{Deserialize, Serialize};

/// A built-in module and whether it is switched on right now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleState {
    /// Stable identifier, e.g. `registration`.
    pub name: String,
    pub description: String,
    pub enabled: bool,
    /// The state it has until an administrator changes it.
    pub default: bool,
    /// When and by whom it was last switched; `None` while at its default.
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
}
