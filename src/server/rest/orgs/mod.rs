//! `/orgs`: organisations and their members, one endpoint per file. A
//! member is a user with a role (`viewer`, `editor`, `admin`); its resource
//! id is the user id.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod members;
pub mod put_member;
pub mod remove_member;
pub mod update;

use serde::Serialize;

use super::{resource, PREFIX};
use crate::model::{Org, OrgMember, OrgRole};

#[derive(Serialize, utoipa::ToSchema)]
pub struct OrgAttributes<'a> {
    #[schema(value_type = String, example = "Main Org.")]
    name: &'a str,
    member_count: u64,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String, format = DateTime)]
    updated_at: &'a str,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberAttributes<'a> {
    #[schema(value_type = String)]
    org_id: &'a str,
    #[schema(value_type = String)]
    user_id: &'a str,
    #[schema(value_type = String, example = "alice")]
    username: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    display_name: &'a Option<String>,
    role: OrgRole,
    #[schema(value_type = String, format = DateTime)]
    joined_at: &'a str,
}

/// Doc-only schemas of the organisations' documents.
pub mod schema {
    use super::{MemberAttributes, OrgAttributes};

    crate::server::rest::openapi::resource_schemas!(
        "org",
        "^org$",
        OrgAttributes<'static>,
        OrgResource,
        OrgDocument,
        OrgListDocument
    );

    crate::server::rest::openapi::resource_schemas!(
        "org_member",
        "^org_member$",
        MemberAttributes<'static>,
        MemberResource,
        MemberDocument,
        MemberListDocument
    );
}

resource!(Org, "org", id = id, OrgAttributes, |org| OrgAttributes {
    name: &org.name,
    member_count: org.member_count,
    created_at: &org.created_at,
    updated_at: &org.updated_at,
});

resource!(
    OrgMember,
    "org_member",
    id = user_id,
    MemberAttributes,
    |member| MemberAttributes {
        org_id: &member.org_id,
        user_id: &member.user_id,
        username: &member.username,
        display_name: &member.display_name,
        role: member.role,
        joined_at: &member.joined_at,
    }
);

fn orgs_path() -> String {
    format!("{PREFIX}/orgs")
}

fn members_path(org_id: &str) -> String {
    format!("{PREFIX}/orgs/{org_id}/members")
}

/// `{"name"}` of a new or renamed organisation.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgName {
    /// 1 to 100 characters, unique without regard to case.
    #[schema(example = "Research")]
    name: String,
}
