//! What each admin route needs: the one table between the routes and the
//! operations of [`crate::model::roles`]. The request extractor refuses a
//! caller whose roles cannot allow it before the body is read, the OpenAPI
//! document states the roles from it, and the operations decide again
//! (with the target) in `ops`.

use crate::model::Op;

/// `(method, path under /api/admin/v1, operation)`.
pub const ROUTE_OPS: &[(&str, &str, Op)] = &[
    ("get", "/server/version", Op::ReadServer),
    ("get", "/server/settings", Op::ReadServer),
    ("get", "/server/stats", Op::ReadServer),
    ("post", "/server/provisioning/reload", Op::ManageServer),
    ("get", "/users", Op::ReadUsers),
    ("get", "/connections", Op::ReadUsers),
    ("get", "/users/{id}/connected", Op::ReadUsers),
    ("post", "/users/{id}/messages", Op::SendMessages),
    ("post", "/messages/multicast", Op::SendMessages),
    ("post", "/messages/broadcast", Op::SendMessages),
    ("post", "/users", Op::ManageUsers),
    ("get", "/users/export", Op::ReadUsers),
    ("post", "/users/bulk", Op::UnlockUsers),
    ("post", "/users/import", Op::ManageUsers),
    ("get", "/users/by-username/{username}", Op::ReadUsers),
    ("get", "/users/{id}", Op::ReadUsers),
    ("patch", "/users/{id}", Op::ManageUsers),
    ("delete", "/users/{id}", Op::ManageUsers),
    ("post", "/users/{id}/set-password", Op::ResetPasswords),
    ("post", "/users/{id}/lock", Op::ManageUsers),
    ("post", "/users/{id}/unlock", Op::UnlockUsers),
    ("post", "/users/{id}/deactivate", Op::ManageUsers),
    ("post", "/users/{id}/reactivate", Op::ManageUsers),
    ("get", "/users/{id}/tokens", Op::ReadUsers),
    ("post", "/users/{id}/tokens", Op::ManageTokens),
    ("delete", "/users/{id}/tokens/{token_id}", Op::ManageTokens),
    ("get", "/users/{id}/factors", Op::ReadUsers),
    ("delete", "/users/{id}/factors", Op::ResetFactors),
    ("post", "/users/{id}/email/verification", Op::ManageUsers),
    ("put", "/users/{id}/email/verified", Op::ManageUsers),
    ("post", "/users/{id}/password-reset", Op::ResetPasswords),
    ("get", "/invitations", Op::ReadRegistration),
    ("post", "/invitations", Op::ManageRegistration),
    ("get", "/email/outbox", Op::ReadServer),
    ("post", "/email/outbox/{id}/retry", Op::ManageServer),
    ("get", "/users/{id}/contacts", Op::ReadUsers),
    ("post", "/users/{id}/contacts", Op::ManageContacts),
    ("get", "/users/{id}/contacts/{contact}", Op::ReadUsers),
    (
        "patch",
        "/users/{id}/contacts/{contact}",
        Op::ManageContacts,
    ),
    (
        "delete",
        "/users/{id}/contacts/{contact}",
        Op::ManageContacts,
    ),
    ("get", "/orgs", Op::ReadOrgs),
    ("post", "/orgs", Op::ManageOrgs),
    ("get", "/orgs/{id}", Op::ReadOrgs),
    ("patch", "/orgs/{id}", Op::ManageOrgs),
    ("delete", "/orgs/{id}", Op::ManageOrgs),
    ("get", "/orgs/{id}/members", Op::ReadOrgs),
    ("put", "/orgs/{id}/members/{user_id}", Op::ManageOrgMembers),
    (
        "delete",
        "/orgs/{id}/members/{user_id}",
        Op::ManageOrgMembers,
    ),
    ("get", "/oauth2-clients", Op::ReadServer),
    ("post", "/oauth2-clients", Op::ManageApplications),
    ("delete", "/oauth2-clients/{id}", Op::ManageApplications),
    ("get", "/applications", Op::ReadServer),
    ("post", "/applications", Op::ManageApplications),
    ("get", "/applications/{id}", Op::ReadServer),
    ("patch", "/applications/{id}", Op::ManageApplications),
    ("delete", "/applications/{id}", Op::ManageApplications),
    (
        "post",
        "/applications/{id}/rotate-secret",
        Op::ManageApplications,
    ),
    ("get", "/users/{id}/grants", Op::ReadUsers),
    ("delete", "/users/{id}/grants/{grant_id}", Op::ManageTokens),
    ("get", "/allowlist", Op::ReadServer),
    ("put", "/allowlist/{entry}", Op::ManageAllowList),
    ("delete", "/allowlist/{entry}", Op::ManageAllowList),
    ("put", "/users/{id}/permissions", Op::ManageRoles),
    ("get", "/sessions", Op::ReadUsers),
    ("get", "/users/{id}/sessions", Op::ReadUsers),
    (
        "delete",
        "/users/{id}/sessions/{session_id}",
        Op::RevokeSessions,
    ),
    ("post", "/users/{id}/logout", Op::RevokeSessions),
    ("get", "/registration-tokens", Op::ReadRegistration),
    ("post", "/registration-tokens", Op::ManageRegistration),
    ("get", "/registration-tokens/{token}", Op::ReadRegistration),
    (
        "patch",
        "/registration-tokens/{token}",
        Op::ManageRegistration,
    ),
    (
        "delete",
        "/registration-tokens/{token}",
        Op::ManageRegistration,
    ),
    (
        "post",
        "/registration-tokens/{token}/revoke",
        Op::ManageRegistration,
    ),
    (
        "post",
        "/registration-tokens/{token}/unrevoke",
        Op::ManageRegistration,
    ),
    ("get", "/audit-log", Op::ReadAudit),
    ("get", "/audit-log/export", Op::ReadAudit),
    ("get", "/modules", Op::ReadServer),
    ("get", "/modules/{name}", Op::ReadServer),
    ("put", "/modules/{name}", Op::ManageServer),
    ("delete", "/modules/{name}", Op::ManageServer),
    ("get", "/jobs", Op::ReadServer),
    ("get", "/jobs/{name}", Op::ReadServer),
    ("post", "/jobs/{name}/run", Op::ManageServer),
    ("post", "/jobs/pause-all", Op::ManageServer),
];

pub const PREFIX: &str = "/api/admin/v1";

/// The operation of a route, by method and matched path (with or without
/// the prefix).
pub fn op_of(method: &str, path: &str) -> Option<Op> {
    let path = path.strip_prefix(PREFIX).unwrap_or(path);
    ROUTE_OPS
        .iter()
        .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && *p == path)
        .map(|(_, _, op)| *op)
}

/// Whether a caller might be allowed the route's operation: their roles
/// allow it, or (for operations inside one organisation) they belong to
/// an organisation. The operation itself decides the rest.
pub fn may_try(caller: &crate::server::ops::Caller, op: Op) -> Result<(), crate::model::AppError> {
    if op.org_scoped() && caller.roles.granting(op).is_none() && !caller.orgs.is_empty() {
        return Ok(());
    }
    caller.require(op)
}
