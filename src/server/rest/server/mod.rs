//! `/server/...`: what the server says about itself. Each is a singleton
//! resource with the id `current`.

pub mod provisioning_reload;
pub mod settings;
pub mod stats;
pub mod version;

use super::{Resource, PREFIX};
use crate::model::{ServerStats, ServerVersion, Settings};

const CURRENT: &str = "current";

fn server_path() -> String {
    format!("{PREFIX}/server")
}

/// Doc-only schemas of the server documents.
pub mod schema {
    use crate::model::{ServerStats, ServerVersion, Settings};

    /// The schemas of each singleton; the id is always `current`.
    macro_rules! singleton_schemas {
        ($($model:ty: $kind:literal, $pattern:literal => $resource:ident, $document:ident, $list:ident;)+) => {$(
            crate::server::rest::openapi::resource_schemas!(
                $kind, $pattern, id = ("^current$", "current"), $model, $resource, $document, $list
            );
        )+};
    }

    singleton_schemas! {
        ServerVersion: "server_version", "^server_version$" => VersionResource, VersionDocument, VersionListDocument;
        Settings: "server_settings", "^server_settings$" => SettingsResource, SettingsDocument, SettingsListDocument;
        ServerStats: "server_stats", "^server_stats$" => StatsResource, StatsDocument, StatsListDocument;
    }
}

macro_rules! singleton {
    ($model:ty, $kind:literal) => {
        impl Resource for $model {
            const TYPE: &'static str = $kind;
            type Attributes<'a> = &'a $model;

            fn id(&self) -> &str {
                CURRENT
            }

            fn attributes(&self) -> &$model {
                self
            }
        }
    };
}

singleton!(ServerVersion, "server_version");
singleton!(Settings, "server_settings");
singleton!(ServerStats, "server_stats");

/// `{"data": {...}, "links": {"self": "/api/admin/v1/server/NAME"}}`:
/// resource_document builds `collection/id`, so the singleton's own path is
/// set here.
fn singleton_document<R: Resource + serde::Serialize>(item: &R, name: &str) -> serde_json::Value
where
    for<'a> R::Attributes<'a>: serde::Serialize,
{
    let path = format!("{}/{name}", server_path());
    let mut doc = serde_json::to_value(super::resource_document(item, &path))
        .unwrap_or(serde_json::Value::Null);
    doc["data"]["links"]["self"] = path.clone().into();
    doc["links"]["self"] = path.into();
    doc
}
