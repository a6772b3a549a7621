//! The OpenAPI 3.1 document of the admin API. Each handler's
//! `#[utoipa::path]` describes its own parameters, body and statuses; what
//! every operation shares (security, 401/403/429/500) is added here once, so
//! a new endpoint cannot forget it.

use axum::{
    body::Bytes,
    http::header,
    response::{IntoResponse, Response},
};
use serde_json::json;
use utoipa::{
    openapi::{
        header::HeaderBuilder,
        schema::{ArrayBuilder, ObjectBuilder, Type},
        security::{
            ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes,
            SecurityRequirement, SecurityScheme,
        },
        server::Server,
        Info, OpenApi, Ref, RefOr, ResponseBuilder, Schema,
    },
    PartialSchema, ToSchema,
};

use crate::server::ops::{SCOPE_ADMIN, SCOPE_ADMIN_READ};

/// Statuses every admin operation can answer, whatever it does.
pub const COMMON_STATUSES: [&str; 4] = ["401", "403", "429", "500"];

/// Declares doc-only error documents whose `code` may only be one of the
/// listed values, so a contract tester can check the codes of each status.
macro_rules! error_documents {
    ($($(#[doc = $doc:literal])* $name:ident = [$($code:literal),+ $(,)?];)+) => {$(
        $(#[doc = $doc])*
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                error_document(concat!($($doc),*).trim(), &[$($code),+])
            }
        }

        impl ToSchema for $name {}
    )+};
}

error_documents! {
    /// No credentials, or credentials that are wrong, expired or revoked;
    /// HTTP Basic for an account with a second factor (`second_factor_enrolled`).
    UnauthenticatedError = ["unauthenticated", "second_factor_enrolled"];
    /// Authenticated but not allowed: not an administrator, a token without
    /// the scope the operation needs, a temporary password still to be
    /// changed, or a cross-site request.
    ForbiddenError = [
        "forbidden", "password_change_required", "insufficient_scope", "ip_not_allowed",
        "tls_required", "second_factor_required", "step_up_required", "target_outranks_caller",
        "role_not_held",
    ];
    /// Too many failed logins from this client or against this account.
    RateLimitedError = ["rate_limited"];
    /// Something failed on the server; the details are in its log.
    InternalError = ["internal_error"];
    /// Malformed request: bad JSON, an unknown parameter or a bad value
    /// (`source.parameter` names the query parameter at fault).
    BadRequestError = ["bad_request"];
    /// No such user.
    NotFoundError = ["not_found"];
    /// An unknown role name (`source.pointer` `/roles`).
    RolesInvalidError = ["role_unknown"];
    /// Broken rules of a new token, one error per field (`source.pointer`).
    TokenInvalidError = ["name_invalid", "scope_unknown", "expiry_invalid", "role_not_held"];
    /// No such user (`not_found`), or no user with the contact's username
    /// (`contact_not_found`, `source.pointer` `/contact`).
    ContactNotFoundError = ["not_found", "contact_not_found"];
    /// The user already has this contact (`source.pointer` `/contact`).
    ContactExistsError = ["contact_exists"];
    /// Broken rules of a new contact, one error per field (`source.pointer`).
    ContactInvalidError = [
        "contact_required", "contact_is_self", "subscription_invalid", "group_invalid",
        "group_duplicate", "too_many_groups",
    ];
    /// Broken rules of a contact change, one error per field (`source.pointer`).
    ContactPatchInvalidError = [
        "subscription_invalid", "group_invalid", "group_duplicate", "too_many_groups",
    ];
    /// Malformed JSON, or `org_id` names no organisation (`source.pointer`
    /// `/org_id`).
    NewUserBadRequestError = ["bad_request", "org_not_found"];
    /// The organisation name is taken, in any case (`source.pointer` `/name`).
    OrgNameTakenError = ["org_name_taken"];
    /// A blank or too long organisation name (`source.pointer` `/name`).
    OrgNameInvalidError = ["name_empty", "name_invalid"];
    /// The organisation still has members (delete with `force=true`), or it
    /// is the configured default organisation.
    OrgDeleteConflictError = ["org_has_members", "org_is_default"];
    /// Broken rules of a new OAuth2 client, one error per field.
    ClientInvalidError = ["name_invalid", "scope_unknown"];
    /// Not an IP address or CIDR range (or one with host bits set), or a note too long.
    AllowEntryInvalidError = ["entry_invalid", "note_too_long"];
    /// The change would shut out the caller's own address (confirm with
    /// `confirm_lockout`), or the list is full.
    AllowListConflictError = ["would_lock_out", "allowlist_full"];
    /// The username is taken (`source.pointer` is `/username`).
    UsernameTakenError = ["username_taken"];
    /// The change would touch the caller's own account or leave no active
    /// administrator.
    GuardRailError = ["cannot_modify_self", "last_admin"];
    /// Broken rules of a new user, one error per field (`source.pointer`).
    NewUserInvalidError = [
        "username_required", "username_too_long", "username_invalid",
        "display_name_too_long", "display_name_invalid", "email_invalid",
        "password_too_short", "password_too_long", "password_is_username",
        "password_too_common", "role_without_org", "role_unknown",
    ];
    /// Broken rules of a profile change, one error per field (`source.pointer`).
    ProfileInvalidError = ["display_name_too_long", "display_name_invalid", "email_invalid"];
    /// The password breaks the policy; the code names the rule.
    PasswordInvalidError = [
        "password_too_short", "password_too_long", "password_is_username",
        "password_too_common",
    ];
    /// Nothing was imported: one error per problem of each rejected row
    /// (`source.pointer` `/rows/{line}/{field}`, `meta.line`, `meta.username`)
    /// or one about the whole file; the full report is in `meta.report`.
    ImportInvalidError = [
        "file_unreadable", "too_many_rows", "too_many_passwords", "row_unreadable",
        "username_missing", "username_required", "username_too_long", "username_invalid",
        "username_duplicate", "username_taken", "display_name_too_long",
        "display_name_invalid", "email_invalid", "admin_invalid", "password_and_hash",
        "password_too_short", "password_too_long", "password_is_username",
        "password_too_common", "password_hash_unsupported", "cannot_modify_self",
        "role_unknown",
    ];
    /// The message body is blank, too long or has control characters
    /// (`source.pointer` is `/body`).
    MessageInvalidError = ["body_empty", "body_too_long", "body_invalid"];
    /// The multicast has no entries, or too many.
    MulticastInvalidError = ["recipients_empty", "too_many_recipients"];
    /// Someone created one of the users meanwhile, or the import would leave
    /// no active administrator; nothing was imported.
    ImportConflictError = ["username_taken", "last_admin"];
    /// The job is already running or queued (`job_running`), or jobs are
    /// paused (`jobs_paused`: resume them first).
    JobConflictError = ["job_running", "jobs_paused"];
    /// A registration token with this string exists (`source.pointer` `/token`).
    TokenExistsError = ["token_exists"];
    /// The provisioning file cannot be applied and nothing was changed: one
    /// error per problem, `source.pointer` `/line/N` and `meta.line` (0: the
    /// file as a whole, e.g. unreadable).
    ProvisioningInvalidError = [
        "provisioning_unreadable", "provisioning_syntax", "provisioning_invalid",
        "provisioning_duplicate", "provisioning_unknown_org",
    ];
    /// No provisioning file is configured, or applying it would lock out the
    /// caller's address, remove the caller's own administrator rights or
    /// leave no active administrator (nothing was changed).
    ProvisioningConflictError = [
        "provisioning_not_configured", "would_lock_out", "cannot_modify_self", "last_admin",
    ];
    /// Broken rules of an application, one error per field (`source.pointer`).
    ApplicationInvalidError = [
        "name_required", "name_too_long", "redirect_uris_required", "redirect_uri_invalid",
        "too_many_uris", "alg_unsupported", "field_not_for_kind", "hosts_required",
        "too_many_hosts", "host_invalid", "too_many_prefixes", "path_prefix_invalid",
    ];
    /// Malformed JSON, or the access rule names no organisation
    /// (`org_not_found`, `source.pointer` `/access/orgs/N/org_id`).
    ApplicationBadRequestError = ["bad_request", "org_not_found"];
    /// The application name is taken, in any case (`source.pointer` `/name`),
    /// or another forward-auth site already claims a host and path
    /// (`host_taken`, `source.pointer` `/hosts`).
    ApplicationNameTakenError = ["application_name_taken", "host_taken"];
    /// The server sends no mail: `[email]` is not configured.
    EmailNotConfiguredError = ["email_not_configured"];
    /// No mail (`email_not_configured`), or the address is verified already
    /// (`email_already_verified`).
    VerificationConflictError = ["email_not_configured", "email_already_verified"];
    /// The user has no email address (`source.pointer` `/email`).
    EmailMissingError = ["email_missing"];
    /// No mail (`email_not_configured`), or registration is closed, so an
    /// invitation could not be used (`registration_closed`).
    InvitationConflictError = ["email_not_configured", "registration_closed"];
    /// Broken rules of an invitation, one error per field (`source.pointer`).
    InvitationInvalidError = [
        "email_required", "email_invalid", "valid_days_out_of_range", "role_without_org",
    ];
    /// A public client has no secret to rotate.
    PublicClientError = ["public_client"];
    /// Broken rules of a registration token, one error per field (`source.pointer`).
    RegistrationTokenInvalidError = [
        "token_invalid", "length_invalid", "uses_allowed_invalid", "expiry_invalid",
    ];
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// `{"errors": [{"title", "code", "source"?, "meta"?}]}`; other keys may be
/// added (an import's 422 carries `meta.report`).
fn error_document(description: &str, codes: &[&str]) -> RefOr<Schema> {
    let source = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("What in the request is at fault."))
        .property(
            "pointer",
            string().description(Some("JSON pointer into the request body")),
        )
        .property(
            "parameter",
            string().description(Some("name of the query parameter")),
        );
    let error = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("title", string().description(Some("human readable")))
        .property(
            "code",
            string()
                .description(Some("stable machine-readable code"))
                .enum_values(Some(codes.iter().copied())),
        )
        .property("detail", string())
        .property("source", source)
        .property("meta", ObjectBuilder::new().schema_type(Type::Object))
        .required("title")
        .required("code");
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description))
        .property("errors", ArrayBuilder::new().items(error))
        .required("errors")
        .examples([json!({"errors": [{"title": "…", "code": codes[0]}]})])
        .into()
}

/// `{"self": url}`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct SelfLink {
    #[schema(
        rename = "self",
        example = "/api/admin/v1/users/01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"
    )]
    self_: String,
}

/// Links of a list page; `next` and `prev` only when such a page exists.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PageLinks {
    #[schema(rename = "self")]
    self_: String,
    first: String,
    last: String,
    next: Option<String>,
    prev: Option<String>,
}

/// Present unless the list was asked for with `count=false`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ListMeta {
    /// How many items match the filters, on every page together.
    count: u64,
}

/// Doc-only JSON:API schemas of one resource type: the resource object,
/// the single-resource document and the list document.
macro_rules! resource_schemas {
    ($kind:literal, $pattern:literal, $attributes:ty, $resource:ident, $document:ident, $list:ident) => {
        $crate::server::rest::openapi::resource_schemas!(
            $kind,
            $pattern,
            id = (
                "^[0-7][0-9A-HJKMNP-TV-Z]{25}$",
                "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"
            ),
            $attributes,
            $resource,
            $document,
            $list
        );
    };
    ($kind:literal, $pattern:literal, id = ($id_pattern:literal, $id_example:literal), $attributes:ty, $resource:ident, $document:ident, $list:ident) => {
        #[derive(utoipa::ToSchema)]
        #[allow(dead_code)]
        pub struct $resource {
            #[schema(rename = "type", value_type = String, pattern = $pattern, example = $kind)]
            kind: (),
            #[schema(pattern = $id_pattern, example = $id_example)]
            id: String,
            attributes: $attributes,
            links: $crate::server::rest::openapi::SelfLink,
        }

        /// `{"data": resource, "links": {"self"}}`.
        #[derive(utoipa::ToSchema)]
        #[allow(dead_code)]
        pub struct $document {
            data: $resource,
            links: $crate::server::rest::openapi::SelfLink,
        }

        /// `{"meta": {"count"}, "data": [...], "links": {...}}`.
        #[derive(utoipa::ToSchema)]
        #[allow(dead_code)]
        pub struct $list {
            #[schema(required = false)]
            meta: $crate::server::rest::openapi::ListMeta,
            data: Vec<$resource>,
            links: $crate::server::rest::openapi::PageLinks,
        }
    };
}
pub(crate) use resource_schemas;

/// Examples shared by several operations.
pub mod examples {
    use serde_json::{json, Value};

    pub const ID: &str = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D";

    pub fn user() -> Value {
        json!({
            "type": "user",
            "id": ID,
            "attributes": {
                "username": "alice",
                "display_name": "Alice Example",
                "email": "alice@example.org",
                "email_verified": true,
                "admin": false,
                "can_request_admin": false,
                "status": "active",
                "created_at": "2026-11-22T15:04:05Z",
                "last_seen_at": null,
                "locked_at": null,
                "deactivated_at": null,
                "password_change_required": false
            },
            "links": {"self": format!("/api/admin/v1/users/{ID}")}
        })
    }

    pub fn user_document() -> Value {
        json!({"data": user(), "links": {"self": format!("/api/admin/v1/users/{ID}")}})
    }

    pub fn user_list() -> Value {
        json!({
            "meta": {"count": 1},
            "data": [user()],
            "links": {
                "self": "/api/admin/v1/users?filter[search]=alice",
                "first": "/api/admin/v1/users?filter[search]=alice&page[first]=50",
                "last": "/api/admin/v1/users?filter[search]=alice&page[last]=50"
            }
        })
    }
}

fn error_response(description: &str, schema: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        utoipa::openapi::ContentBuilder::new()
            .schema(Some(Ref::from_schema_name(schema)))
            .build(),
    )
}

/// Adds to `doc` what every operation shares. `doc` holds the paths and
/// schemas collected from the handlers.
pub fn complete(mut doc: OpenApi) -> OpenApi {
    doc.info = Info::builder()
        .title("Gatehouse admin API")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(
            "The admin REST API for scripts. JSON:API-shaped documents, cursor paging \
             (`page[first]`/`page[after]`, `page[last]`/`page[before]`), errors as \
             `{\"errors\": [{\"title\", \"code\", \"source\"?}]}` with the codes each \
             status may carry listed in its schema.",
        ))
        .build();
    doc.servers = Some(vec![Server::new("/")]);

    let mut components = doc.components.take().unwrap_or_default();
    for (name, schema) in [
        ("UnauthenticatedError", UnauthenticatedError::schema()),
        ("ForbiddenError", ForbiddenError::schema()),
        ("RateLimitedError", RateLimitedError::schema()),
        ("InternalError", InternalError::schema()),
    ] {
        components.schemas.insert(name.into(), schema);
    }
    let common = [
        (
            "401",
            "Unauthenticated",
            error_response(
                "No valid credentials; `WWW-Authenticate` names the schemes.",
                "UnauthenticatedError",
            )
            .header(
                "WWW-Authenticate",
                HeaderBuilder::new()
                    .schema(Some(string()))
                    .example(Some(json!(
                        "Bearer realm=\"gatehouse\", Basic realm=\"gatehouse\""
                    )))
                    .build(),
            ),
        ),
        (
            "403",
            "Forbidden",
            error_response(
                "Authenticated but not allowed: not an administrator (`forbidden`), a token \
                 lacking the scope (`insufficient_scope`), an address outside the IP \
                 allow-list (`ip_not_allowed`), plain HTTP where TLS is required \
                 (`tls_required`), a temporary password to change first \
                 (`password_change_required`), a second factor to add first \
                 (`second_factor_required`), a panel session that must confirm the \
                 password again before a dangerous change (`step_up_required`), or a \
                 cross-site request (`forbidden`).",
                "ForbiddenError",
            ),
        ),
        (
            "429",
            "RateLimited",
            error_response(
                "Too many failed logins (HTTP Basic); retry after `Retry-After` seconds.",
                "RateLimitedError",
            )
            .header(
                "Retry-After",
                HeaderBuilder::new()
                    .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                    .description(Some("seconds to wait"))
                    .build(),
            ),
        ),
        (
            "500",
            "InternalError",
            error_response("Internal error.", "InternalError"),
        ),
    ];
    let common: Vec<(&str, &str)> = common
        .into_iter()
        .map(|(status, name, response)| {
            components
                .responses
                .insert(name.into(), response.build().into());
            (status, name)
        })
        .collect();

    let read = Scopes::from_iter([
        (SCOPE_ADMIN, "full administration"),
        (SCOPE_ADMIN_READ, "read only (GET)"),
    ]);
    components.security_schemes.insert(
        "bearer".into(),
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "A personal admin token or an OAuth2 access token (scopes apply).",
                ))
                .build(),
        )
        .into(),
    );
    components.security_schemes.insert(
        "basic".into(),
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Basic)
                .description(Some("Username and password of an administrator."))
                .build(),
        )
        .into(),
    );
    components.security_schemes.insert(
        "oauth2".into(),
        SecurityScheme::OAuth2(OAuth2::new([Flow::ClientCredentials(
            ClientCredentials::new("/oauth2/token", read),
        )]))
        .into(),
    );
    doc.components = Some(components);
    let any_credentials = |scope: &str| {
        vec![
            SecurityRequirement::new("bearer", Vec::<String>::new()),
            SecurityRequirement::new("basic", Vec::<String>::new()),
            SecurityRequirement::new("oauth2", [scope]),
        ]
    };
    doc.security = Some(any_credentials(SCOPE_ADMIN));

    for (path, item) in doc.paths.paths.iter_mut() {
        let reads = item.get.iter_mut().map(|o| ("get", o));
        let writes = [
            ("put", &mut item.put),
            ("post", &mut item.post),
            ("patch", &mut item.patch),
            ("delete", &mut item.delete),
        ]
        .into_iter()
        .filter_map(|(m, o)| o.as_mut().map(|o| (m, o)));
        for (method, operation) in reads.chain(writes) {
            let read = method == "get";
            if let Some(op) = super::route_ops::op_of(method, path) {
                state_roles(operation, op);
            }
            for (status, name) in &common {
                operation
                    .responses
                    .responses
                    .entry((*status).into())
                    .or_insert_with(|| Ref::new(format!("#/components/responses/{name}")).into());
            }
            // Reads also accept the read-only scope.
            if read {
                let mut security = any_credentials(SCOPE_ADMIN);
                security.push(SecurityRequirement::new("oauth2", [SCOPE_ADMIN_READ]));
                operation.security = Some(security);
            }
        }
    }
    doc
}

/// States in an operation which server roles may call it (from the role
/// table), as `x-gatehouse-roles` and a line of its description.
fn state_roles(operation: &mut utoipa::openapi::path::Operation, op: crate::model::Op) {
    let roles: Vec<&str> = op.roles().iter().map(|r| r.as_str()).collect();
    let mut line = format!("**Roles:** {}", roles.join(", "));
    if op.org_scoped() {
        line.push_str("; an organisation's admins for their own organisation");
    }
    line.push('.');
    operation.description = Some(match operation.description.take() {
        Some(d) if !d.is_empty() => format!("{d}\n\n{line}"),
        _ => line,
    });
    let extensions = operation.extensions.get_or_insert_with(Default::default);
    extensions.insert("x-gatehouse-roles".into(), json!(roles));
    extensions.insert("x-gatehouse-operation".into(), json!(op.as_str()));
}

/// The document as served: built once when the router is.
pub fn spec_response(json: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::COMMON_STATUSES;

    const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

    fn document() -> Value {
        let json = crate::server::rest::openapi().to_json().unwrap();
        serde_json::from_str(&json).unwrap()
    }

    fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
        let mut found = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    found.push((method.to_owned(), path.clone(), op));
                }
            }
        }
        found
    }

    #[test]
    fn is_openapi_3_1_with_the_three_security_schemes() {
        let doc = document();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1."));
        assert_eq!(doc["info"]["title"], "Gatehouse admin API");
        let schemes = &doc["components"]["securitySchemes"];
        assert_eq!(schemes["bearer"]["scheme"], "bearer");
        assert_eq!(schemes["basic"]["scheme"], "basic");
        let flow = &schemes["oauth2"]["flows"]["clientCredentials"];
        assert_eq!(flow["tokenUrl"], "/oauth2/token");
        assert!(flow["scopes"]["urn:gatehouse:admin:read"].is_string());
        let global: Vec<&str> = doc["security"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_object().unwrap().keys().map(String::as_str))
            .collect();
        assert_eq!(global, ["bearer", "basic", "oauth2"]);
    }

    #[test]
    fn every_route_is_documented_with_the_common_errors() {
        let doc = document();
        let mut documented: Vec<(String, String)> = operations(&doc)
            .into_iter()
            .map(|(m, p, _)| (m, p))
            .collect();
        documented.sort();
        let mut expected: Vec<(String, String)> = crate::server::rest::route_ops::ROUTE_OPS
            .iter()
            .map(|(m, p, _)| (m.to_string(), format!("/api/admin/v1{p}")))
            .collect();
        expected.sort();
        assert_eq!(documented, expected);

        let mut ids = Vec::new();
        for (method, path, op) in operations(&doc) {
            let what = format!("{method} {path}");
            ids.push(op["operationId"].as_str().unwrap().to_owned());
            assert!(op["summary"].is_string(), "{what} has no summary");
            assert!(
                op["x-gatehouse-roles"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|r| r == "server_admin")),
                "{what} names no roles"
            );
            for status in COMMON_STATUSES {
                assert!(op["responses"][status].is_object(), "{what} lacks {status}");
            }
            let success = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .any(|s| s.starts_with('2'));
            assert!(success, "{what} documents no success");
        }
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "operation ids must be unique");
    }

    #[test]
    fn error_schemas_list_their_codes_and_references_resolve() {
        let doc = document();
        let schemas = &doc["components"]["schemas"];
        let codes = |name: &str| {
            schemas[name]["properties"]["errors"]["items"]["properties"]["code"]["enum"].clone()
        };
        assert_eq!(
            codes("ForbiddenError"),
            serde_json::json!([
                "forbidden",
                "password_change_required",
                "insufficient_scope",
                "ip_not_allowed",
                "tls_required",
                "second_factor_required",
                "step_up_required",
                "target_outranks_caller",
                "role_not_held"
            ])
        );
        assert_eq!(
            codes("UnauthenticatedError"),
            serde_json::json!(["unauthenticated", "second_factor_enrolled"])
        );
        // Every `$ref` points at something that exists.
        let text = doc.to_string();
        for part in text.split("\"$ref\":\"#/").skip(1) {
            let pointer = format!("/{}", &part[..part.find('"').unwrap()]);
            assert!(doc.pointer(&pointer).is_some(), "dangling $ref {pointer}");
        }
    }
}
