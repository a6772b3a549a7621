//! The authorization matrix: every admin route, read from the OpenAPI
//! document the server publishes (so a new route is covered without
//! touching this file), and every registered panel server function (a new
//! one fails until it gets sample arguments below), tried with every kind of
//! credentials that must fail. No refusal may carry resource data.

use crate::common;

use common::{spawn_app_with, Auth, Reply, TestApp};
use gatehouse::server::ops::{self, Caller};
use serde_json::{json, Value};

const TARGET: &str = "matrix-target";
const TARGET_EMAIL: &str = "matrix-target@example.org";
const OUTSIDE: &str = "192.0.2.50";
const NO_SUCH_ID: &str = "01JD0000000000000000000000";

struct Fixture {
    app: TestApp,
    target_id: String,
    target_token_id: String,
    admin_token: String,
    read_token: String,
    revoked_token: String,
    expired_token: String,
    member_token: String,
    member_cookie: String,
    admin_cookie: String,
    /// Gave the password of an account with a second factor, and not yet
    /// the second step.
    pending_cookie: String,
}

fn fixture() -> Fixture {
    // Each route adds a failed Basic login from this address; the limit
    // has its own test (tests/rate_limit.rs).
    let app = spawn_app_with(|c| c.rate_limits.per_ip = 100_000);
    let admin_id = app.create_user("matrix-admin", Some("matrix-admin-pw-1"), true);
    let member_id = app.create_user("matrix-member", Some("matrix-member-pw-1"), false);
    let target_id = app.create_user(TARGET, Some("matrix-target-pw-1"), false);
    let admin_token = app.token_for(&admin_id, &[]);
    let set_email = app.request(
        "PATCH",
        &format!("/api/admin/v1/users/{target_id}"),
        Auth::Bearer(&admin_token),
        &[("Content-Type", "application/json")],
        Some(&json!({"email": TARGET_EMAIL}).to_string()),
    );
    assert_eq!(set_email.status, 200, "{}", set_email.body);
    let read_token = app.token_for(&admin_id, &["urn:gatehouse:admin:read"]);
    let member_token = app.token_for(&member_id, &[]);

    let tokens_path = format!("/api/admin/v1/users/{admin_id}/tokens");
    let revocable = app.post_json(
        &tokens_path,
        Auth::Bearer(&admin_token),
        &json!({"name": "to revoke"}),
    );
    let revoked_token = revocable.json()["meta"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let revoked_id = revocable.json()["data"]["id"].as_str().unwrap().to_owned();
    let revoke = app.request(
        "DELETE",
        &format!("{tokens_path}/{revoked_id}"),
        Auth::Bearer(&admin_token),
        &[],
        None,
    );
    assert_eq!(revoke.status, 204);
    let expiring = app.post_json(
        &tokens_path,
        Auth::Bearer(&admin_token),
        &json!({"name": "short", "expires_in": 1}),
    );
    let expired_token = expiring.json()["meta"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let target_token = app.post_json(
        &format!("/api/admin/v1/users/{target_id}/tokens"),
        Auth::Bearer(&admin_token),
        &json!({"name": "target's"}),
    );
    let target_token_id = target_token.json()["data"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member_cookie = app.login("matrix-member", "matrix-member-pw-1");
    let admin_cookie = app.login("matrix-admin", "matrix-admin-pw-1");
    app.create_user("matrix-2fa", Some("matrix-2fa-pw-1"), true);
    let enrolled = app.login("matrix-2fa", "matrix-2fa-pw-1");
    app.enrol_totp(&enrolled);
    let pending_cookie = app.login_first_step("matrix-2fa", "matrix-2fa-pw-1");
    // Only this machine may administer; OUTSIDE plays another address.
    app.rt
        .block_on(ops::allowlist::put(
            &app.state,
            &Caller::system(),
            "127.0.0.1",
            None,
            false,
        ))
        .expect("allow-list");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    Fixture {
        app,
        target_id,
        target_token_id,
        admin_token,
        read_token,
        revoked_token,
        expired_token,
        member_token,
        member_cookie,
        admin_cookie,
        pending_cookie,
    }
}

/// A refusal is an error document and nothing else.
fn assert_no_data(reply: &Reply, what: &str) {
    assert!(
        !reply.body.contains(TARGET) && !reply.body.contains(TARGET_EMAIL),
        "{what}: refusal leaks data: {}",
        reply.body
    );
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&reply.body) {
        assert!(
            !map.contains_key("data") && !map.contains_key("meta"),
            "{what}: refusal carries more than errors: {}",
            reply.body
        );
    }
}

fn concrete_path(f: &Fixture, template: &str) -> String {
    template
        .replace("{id}", &f.target_id)
        .replace("{user_id}", &f.target_id)
        .replace("{token_id}", &f.target_token_id)
        .replace("{session_id}", "01JD0000000000000000000000")
        .replace("{grant_id}", "01JD0000000000000000000000")
        .replace("{username}", TARGET)
        .replace("{contact}", "matrix-member")
        .replace("{entry}", "127.0.0.1")
        .replace("{token}", "matrix-token")
}

#[test]
fn every_admin_route_refuses_everyone_but_admins() {
    let f = fixture();
    let spec = f.app.get("/api/spec.json", Auth::None);
    assert_eq!(spec.status, 200);
    let spec = spec.json();
    let paths = spec["paths"].as_object().expect("paths");
    let mut checked = 0;
    for (template, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            // Operations that declare no security (the token endpoint) are public.
            if operation["security"].as_array().is_some_and(|s| {
                s.iter()
                    .all(|r| r.as_object().is_some_and(|o| o.is_empty()))
            }) {
                continue;
            }
            let method = method.to_uppercase();
            let path = concrete_path(&f, template);
            let mutating = method != "GET";
            let body = mutating.then_some("{}");
            let call = |auth: Auth, headers: &[(&str, &str)]| {
                let mut all = vec![("Content-Type", "application/json")];
                all.extend_from_slice(headers);
                f.app.request(&method, &path, auth, &all, body)
            };
            let mut expect = |reply: Reply, status: u16, who: &str| {
                let what = format!("{method} {template} as {who}");
                assert_eq!(reply.status, status, "{what}: {}", reply.body);
                assert_no_data(&reply, &what);
                if status == 401 {
                    assert!(reply.header("www-authenticate").is_some(), "{what}");
                }
                checked += 1;
            };
            expect(call(Auth::None, &[]), 401, "nobody");
            expect(
                call(Auth::Cookie(&f.pending_cookie), &[]),
                401,
                "half-logged-in session",
            );
            expect(
                call(Auth::Basic("matrix-admin", "wrong-password"), &[]),
                401,
                "wrong password",
            );
            expect(call(Auth::Bearer("gh_unknown"), &[]), 401, "unknown token");
            expect(
                call(Auth::Bearer("gho_unknown"), &[]),
                401,
                "unknown OAuth2 token",
            );
            expect(
                call(Auth::Bearer(&f.member_token), &[]),
                403,
                "non-admin token",
            );
            expect(
                call(Auth::Basic("matrix-member", "matrix-member-pw-1"), &[]),
                403,
                "non-admin Basic",
            );
            expect(
                call(Auth::Cookie(&f.member_cookie), &[]),
                403,
                "non-admin session",
            );
            expect(
                call(Auth::Bearer(&f.revoked_token), &[]),
                401,
                "revoked token",
            );
            expect(
                call(Auth::Bearer(&f.expired_token), &[]),
                401,
                "expired token",
            );
            if mutating {
                let reply = call(Auth::Bearer(&f.read_token), &[]);
                assert_eq!(
                    reply.json()["errors"][0]["code"],
                    "insufficient_scope",
                    "{method} {template}"
                );
                expect(reply, 403, "read-only token");
            }
            let outside = [("X-Forwarded-For", OUTSIDE)];
            let reply = call(Auth::Bearer(&f.admin_token), &outside);
            assert_eq!(
                reply.json()["errors"][0]["code"],
                "ip_not_allowed",
                "{method} {template}"
            );
            expect(reply, 403, "admin token outside the allow-list");
            expect(
                call(Auth::Basic("matrix-admin", "matrix-admin-pw-1"), &outside),
                403,
                "admin Basic outside the allow-list",
            );
        }
    }
    assert!(
        checked > 200,
        "only {checked} checks: is the document complete?"
    );
}

/// Sample arguments for each admin server function, acting on user `id`,
/// their token `token` and organisation `org`; one missing here fails the
/// test, so a new function cannot go unchecked.
pub(crate) fn server_fn_args(id: &str, token: &str, org: &str, endpoint: &str) -> Option<String> {
    Some(match endpoint {
        "users/list" | "oauth2-clients/list" | "allowlist/list" => String::new(),
        "users/get" => format!("id={id}"),
        "users/create" => "username=matrix-new&password=matrix-new-pw-1".into(),
        "users/update" => format!("id={id}&display_name=x"),
        "users/action" => format!("id={id}&action=lock"),
        "users/set-password" => format!("id={id}&password=another-pw-123"),
        "users/roles" => format!("id={id}&helpdesk=on"),
        "users/delete" => format!("id={id}&confirm_username={TARGET}"),
        "users/bulk" => format!("ids={id}&action=lock"),
        "tokens/list" => format!("user_id={id}"),
        "tokens/create" => format!("user_id={id}&name=x&scope=admin"),
        "tokens/revoke" => format!("user_id={id}&token_id={token}"),
        "contacts/list" => format!("user_id={id}"),
        "contacts/suggest" => "q=matrix".into(),
        "contacts/add" => format!("user_id={id}&contact=matrix-member&subscription=both&groups=x"),
        "contacts/update" => {
            format!("user_id={id}&contact=matrix-member&subscription=both&groups=x")
        }
        "contacts/remove" => format!("user_id={id}&contact=matrix-member"),
        "sessions/list" => String::new(),
        "sessions/of-user" => format!("user_id={id}"),
        "sessions/revoke" => format!("user_id={id}&session_id=01JD0000000000000000000000"),
        "sessions/logout-user" => format!("user_id={id}"),
        "oauth2-clients/create" => "name=x&scope=admin".into(),
        "oauth2-clients/revoke" => "id=01JD0000000000000000000000".into(),
        "applications/list" => String::new(),
        "applications/get" | "applications/delete" | "applications/rotate-secret" => {
            "id=01JD0000000000000000000000".into()
        }
        "applications/create" => {
            "name=x&client_type=confidential&redirect_uris=https%3A%2F%2Frp.example%2Fcb&post_logout_redirect_uris=".into()
        }
        "applications/create-site" => "name=x&hosts=docs.example.org&path_prefixes=".into(),
        "applications/update" => "id=01JD0000000000000000000000&name=x&redirect_uris=https%3A%2F%2Frp.example%2Fcb&post_logout_redirect_uris=".into(),
        "grants/list" => format!("user_id={id}"),
        "grants/revoke" => format!("user_id={id}&grant_id=01JD0000000000000000000000"),
        "allowlist/add" => "entry=10.0.0.0%2F8&confirm=on".into(),
        "allowlist/remove" => "entry=127.0.0.1&confirm=on".into(),
        "connections/list" | "connections/online" => String::new(),
        "orgs/list" | "orgs/names" => String::new(),
        "server/stats" | "server/settings" | "server/version" => String::new(),
        "server/provisioning/reload" => String::new(),
        "orgs/get" | "orgs/delete" => format!("id={org}"),
        "orgs/create" => "name=matrix-org".into(),
        "orgs/rename" => format!("id={org}&name=matrix-org"),
        "orgs/members" => format!("org_id={org}"),
        "orgs/put-member" => format!("org_id={org}&username={TARGET}&role=editor"),
        "orgs/remove-member" => format!("org_id={org}&user_id={id}"),
        "connections/connected" => format!("user_id={id}"),
        "messages/send" => format!("user_id={id}&body=hello"),
        "messages/broadcast" => "body=hello".into(),
        "registration-tokens/list" => String::new(),
        "registration-tokens/create" => "uses_allowed=1".into(),
        "registration-tokens/revoke" => "token=matrix-token&revoke=true".into(),
        "registration-tokens/delete" => "token=matrix-token".into(),
        "audit/list" => "action=user.*".into(),
        "audit/history" => format!("target_type=user&target_id={id}"),
        "modules/list" => String::new(),
        "modules/set" => "name=registration&enabled=false".into(),
        "jobs/list" => String::new(),
        "jobs/run" => "name=deactivate_dormant".into(),
        "jobs/pause-all" => "paused=true".into(),
        "users/factors" | "users/factors/reset" => format!("user_id={id}"),
        "users/email/verification" | "users/password-reset" => format!("user_id={id}"),
        "users/email/verified" => format!("user_id={id}&verified=true"),
        "invitations/create" => "email=matrix%40example.org".into(),
        "invitations/list" | "email/outbox" => String::new(),
        "email/outbox/retry" => "id=01JD0000000000000000000000".into(),
        _ => return None,
    })
}

/// Open to anyone (login, setup) or to every logged-in user (own account).
pub(crate) const NOT_ADMIN_ONLY: &[&str] = &[
    // Answers `null` to non-admins instead of refusing: it is on every page.
    "server/footer",
    "auth/login",
    "auth/logout",
    "auth/me",
    "setup/status",
    "setup/admin",
    "account/password",
    "inbox/list",
    "inbox/read",
    "account/get",
    "account/profile",
    "account/language",
    "account/language/get",
    "account/sessions",
    "account/sessions/revoke",
    "account/sessions/revoke-others",
    "account/orgs",
    "registration/mode",
    "registration/submit",
    // The second step of a sign-in and passkey sign-in (their own tests).
    "auth/second-factor/get",
    "auth/second-factor",
    "auth/second-factor/passkey/options",
    "auth/second-factor/passkey",
    "auth/passkey/options",
    "auth/passkey",
    "auth/passkey/available",
    "auth/confirm",
    // The caller's own factors.
    "account/security/get",
    "account/security/totp/begin",
    "account/security/totp",
    "account/security/passkey/options",
    "account/security/passkey",
    "account/security/remove",
    "account/security/recovery-codes",
    // Mail: public pages and the caller's own settings (tests/it/email.rs).
    "email/available",
    "auth/password-reset/request",
    "auth/password-reset/account",
    "auth/password-reset",
    "auth/verify-email",
    "account/mail/get",
    "account/mail/notices",
    "account/mail/verify",
];

#[test]
fn every_admin_server_function_refuses_everyone_but_admins() {
    let f = fixture();
    let mut checked = 0;
    let registered: Vec<(&str, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path, method.to_string()))
        .collect();
    assert!(registered.len() >= 20, "{registered:?}");
    for (path, method) in registered {
        let endpoint = path.trim_start_matches("/api/");
        if NOT_ADMIN_ONLY.contains(&endpoint) {
            continue;
        }
        let args = server_fn_args(&f.target_id, &f.target_token_id, NO_SUCH_ID, endpoint)
            .unwrap_or_else(|| panic!("add sample arguments for {path} to server_fn_args"));
        let call = |auth: Auth, headers: &[(&str, &str)]| {
            if method == "GET" {
                let sep = if args.is_empty() { "" } else { "?" };
                f.app
                    .request("GET", &format!("{path}{sep}{args}"), auth, headers, None)
            } else {
                f.app.post_form(path, auth, headers, &args)
            }
        };
        let mut expect = |reply: Reply, status: u16, who: &str| {
            let what = format!("{method} {path} as {who}");
            assert_eq!(reply.status, status, "{what}: {}", reply.body);
            assert_no_data(&reply, &what);
            checked += 1;
        };
        expect(call(Auth::None, &[]), 401, "nobody");
        expect(
            call(Auth::Cookie(&f.pending_cookie), &[]),
            401,
            "half-logged-in session",
        );
        expect(
            call(Auth::Cookie(&f.member_cookie), &[]),
            403,
            "non-admin session",
        );
        expect(
            call(Auth::Bearer(&f.member_token), &[]),
            403,
            "non-admin token",
        );
        expect(call(Auth::Bearer("gh_unknown"), &[]), 401, "unknown token");
        expect(
            call(Auth::Bearer(&f.revoked_token), &[]),
            401,
            "revoked token",
        );
        expect(
            call(Auth::Bearer(&f.expired_token), &[]),
            401,
            "expired token",
        );
        if method != "GET" {
            expect(
                call(Auth::Bearer(&f.read_token), &[]),
                403,
                "read-only token",
            );
        }
        let outside = [("X-Forwarded-For", OUTSIDE)];
        expect(
            call(Auth::Cookie(&f.admin_cookie), &outside),
            403,
            "admin session outside the allow-list",
        );
    }
    assert!(checked > 90, "only {checked} checks");
    // The target survived every attempt.
    let target = f.app.get(
        &format!("/api/admin/v1/users/{}", f.target_id),
        Auth::Bearer(&f.admin_token),
    );
    assert_eq!(target.json()["data"]["attributes"]["status"], "active");
}
