//! `/users/{id}/contacts`: a user's contacts (roster), one endpoint per file.
//! A contact is named by its username: it is the resource's `id` and the
//! `{contact}` of the paths, so scripts never need to look ids up.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::Contact;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ContactAttributes<'a> {
    /// The user whose contact this is.
    #[schema(value_type = String)]
    user_id: &'a str,
    /// The contact's user id.
    #[schema(value_type = String)]
    contact_id: &'a str,
    #[schema(value_type = String, example = "bob")]
    contact_username: &'a str,
    #[schema(value_type = Option<String>, example = "Bob Example", required = true)]
    contact_display_name: &'a Option<String>,
    /// `none`, `to`, `from` or `both`.
    #[schema(value_type = String, pattern = "^(none|to|from|both)$")]
    subscription: &'a str,
    #[schema(value_type = Vec<String>, example = json!(["Friends"]))]
    groups: &'a [String],
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
}

/// Doc-only schemas of the contacts' documents.
pub mod schema {
    use super::ContactAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "contact",
        "^contact$",
        id = ("^[a-z0-9][a-z0-9._-]{0,63}$", "bob"),
        ContactAttributes<'static>,
        ContactResource,
        ContactDocument,
        ContactListDocument
    );
}

resource!(
    Contact,
    "contact",
    id = contact_username,
    ContactAttributes,
    |contact| ContactAttributes {
        user_id: &contact.user_id,
        contact_id: &contact.contact_id,
        contact_username: &contact.contact_username,
        contact_display_name: &contact.contact_display_name,
        subscription: &contact.subscription,
        groups: &contact.groups,
        created_at: &contact.created_at,
    }
);

fn collection_path(user_id: &str) -> String {
    format!("{PREFIX}/users/{user_id}/contacts")
}
