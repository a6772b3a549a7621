//! `/invitations`: registration links sent by mail, optionally into an
//! organisation with a role, one endpoint per file.

pub mod create;
pub mod list;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::{
    email::{Invitation, InvitationStatus},
    OrgRole,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvitationAttributes<'a> {
    #[schema(value_type = String, example = "carol@example.org")]
    email: &'a str,
    status: InvitationStatus,
    /// The one-use registration token in the link.
    #[schema(value_type = String)]
    registration_token: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    org_id: &'a Option<String>,
    #[schema(required = true)]
    role: Option<OrgRole>,
    /// Username of the administrator who sent it.
    #[schema(value_type = Option<String>, required = true)]
    invited_by: &'a Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String, format = DateTime)]
    expires_at: &'a str,
    /// The account created with it.
    #[schema(value_type = Option<String>, required = true)]
    user_id: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    registered_at: &'a Option<String>,
}

/// Doc-only schemas of the invitations' documents.
pub mod schema {
    use super::InvitationAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "invitation",
        "^invitation$",
        InvitationAttributes<'static>,
        InvitationResource,
        InvitationDocument,
        InvitationListDocument
    );
}

resource!(
    Invitation,
    "invitation",
    id = id,
    InvitationAttributes,
    |inv| InvitationAttributes {
        email: &inv.email,
        status: inv.status,
        registration_token: &inv.registration_token,
        org_id: &inv.org_id,
        role: inv.role,
        invited_by: &inv.invited_by,
        created_at: &inv.created_at,
        expires_at: &inv.expires_at,
        user_id: &inv.user_id,
        registered_at: &inv.registered_at,
    }
);

pub fn collection_path() -> String {
    format!("{PREFIX}/invitations")
}
