//! Admin API credentials and where they may be used from: personal tokens,
//! OAuth2 client credentials (every RFC 6749 error case), Basic auth being
//! switched off, the IP allow-list (IPv4, IPv6, CIDR, lock-out guard),
//! require_tls, and the internal listener.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth, TestApp};
use serde_json::{json, Value};

const API: &str = "/api/admin/v1";
const USERS: &str = "/api/admin/v1/users";
const READ: &str = "urn:gatehouse:admin:read";

fn from(ip: &str) -> [(&str, &str); 1] {
    [("X-Forwarded-For", ip)]
}

fn create_token(app: &TestApp, admin: &str, user_id: &str, body: Value) -> common::Reply {
    app.post_json(
        &format!("{USERS}/{user_id}/tokens"),
        Auth::Bearer(admin),
        &body,
    )
}

#[test]
fn personal_tokens_are_created_listed_used_and_revoked() {
    let app = spawn_app();
    let admin = app.admin_token();
    let ops_id = app.create_user("ops", Some("ops-password-1"), true);

    let created = create_token(
        &app,
        &admin,
        &ops_id,
        json!({"name": "deploy", "scopes": [READ], "expires_in": 3600}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let doc = created.json();
    let secret = doc["meta"]["secret"].as_str().unwrap().to_owned();
    let token_id = doc["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(doc["data"]["attributes"]["scopes"], json!([READ]));
    assert_eq!(doc["data"]["attributes"]["state"], "active");
    assert!(doc["data"]["attributes"]["expires_at"].is_string());
    assert!(created.header("location").unwrap().ends_with(&token_id));

    // The secret works, within its scope.
    assert_eq!(app.get(USERS, Auth::Bearer(&secret)).status, 200);
    let write = app.post_json(
        &format!("{USERS}/{ops_id}/lock"),
        Auth::Bearer(&secret),
        &json!({}),
    );
    assert_eq!(write.status, 403);
    assert_eq!(write.json()["errors"][0]["code"], "insufficient_scope");

    // Listed without any secret.
    let list = app.get(&format!("{USERS}/{ops_id}/tokens"), Auth::Bearer(&admin));
    assert_eq!(list.status, 200);
    assert_eq!(list.json()["meta"]["count"], 1);
    assert!(!list.body.contains(&secret[3..]));
    assert!(!list.body.contains("hash"));

    // Revoked: 401 at once; revoking again is fine; unknown token 404.
    let path = format!("{USERS}/{ops_id}/tokens/{token_id}");
    assert_eq!(
        app.request("DELETE", &path, Auth::Bearer(&admin), &[], None)
            .status,
        204
    );
    let after = app.get(USERS, Auth::Bearer(&secret));
    assert_eq!(after.status, 401);
    assert!(after.header("www-authenticate").is_some());
    assert_eq!(
        app.request("DELETE", &path, Auth::Bearer(&admin), &[], None)
            .status,
        204
    );
    let listed = app.get(&format!("{USERS}/{ops_id}/tokens"), Auth::Bearer(&admin));
    assert_eq!(listed.json()["data"][0]["attributes"]["state"], "revoked");
    let missing = format!("{USERS}/{ops_id}/tokens/01JD0000000000000000000000");
    assert_eq!(
        app.request("DELETE", &missing, Auth::Bearer(&admin), &[], None)
            .status,
        404
    );
}

#[test]
fn token_input_is_checked() {
    let app = spawn_app();
    let admin = app.admin_token();
    let id = app.create_user("ivy", None, false);
    let bad = create_token(
        &app,
        &admin,
        &id,
        json!({"name": " ", "scopes": ["openid"], "expires_at": "2001-01-01T00:00:00Z"}),
    );
    assert_eq!(bad.status, 422);
    let codes: Vec<String> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(codes.contains(&"name_invalid".to_owned()), "{codes:?}");
    assert!(codes.contains(&"scope_unknown".to_owned()), "{codes:?}");
    assert!(codes.contains(&"expiry_invalid".to_owned()), "{codes:?}");
    let unknown_user = create_token(
        &app,
        &admin,
        "01JD0000000000000000000000",
        json!({"name": "x"}),
    );
    assert_eq!(unknown_user.status, 404);
    let malformed = create_token(&app, &admin, &id, json!({"nom": "x"}));
    assert_eq!(malformed.status, 400);
}

#[test]
fn tokens_die_with_their_owner_s_rights() {
    let app = spawn_app();
    let admin = app.admin_token();
    let ann = app.create_user("ann", Some("ann-password-1"), true);
    let bob = app.create_user("bob", Some("bob-password-1"), true);
    let ann_token = app.token_for(&ann, &[]);
    let bob_token = app.token_for(&bob, &[]);
    assert_eq!(app.get(USERS, Auth::Bearer(&ann_token)).status, 200);

    let lock = app.post_json(
        &format!("{USERS}/{ann}/lock"),
        Auth::Bearer(&admin),
        &json!({}),
    );
    assert_eq!(lock.status, 200, "{}", lock.body);
    assert_eq!(app.get(USERS, Auth::Bearer(&ann_token)).status, 401);

    let demote = app.request(
        "PUT",
        &format!("{USERS}/{bob}/permissions"),
        Auth::Bearer(&admin),
        &[("Content-Type", "application/json")],
        Some(r#"{"admin": false}"#),
    );
    assert_eq!(demote.status, 200, "{}", demote.body);
    assert_eq!(app.get(USERS, Auth::Bearer(&bob_token)).status, 403);
}

fn client(app: &TestApp, admin: &str, scopes: &[&str]) -> (String, String) {
    let reply = app.post_json(
        &format!("{API}/oauth2-clients"),
        Auth::Bearer(admin),
        &json!({"name": "ci robot", "scopes": scopes}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let doc = reply.json();
    (
        doc["meta"]["client_id"].as_str().unwrap().to_owned(),
        doc["meta"]["client_secret"].as_str().unwrap().to_owned(),
    )
}

fn token_request(app: &TestApp, headers: &[(&str, &str)], form: &str) -> common::Reply {
    app.post_form("/oauth2/token", Auth::None, headers, form)
}

#[test]
fn client_credentials_grant_issues_scoped_tokens() {
    let app = spawn_app();
    let admin = app.admin_token();
    let (id, secret) = client(&app, &admin, &[]);

    // client_secret_post
    let reply = token_request(
        &app,
        &[],
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let body = reply.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    // The client acts with its creator's roles, named explicitly.
    assert_eq!(
        body["scope"],
        "urn:gatehouse:admin urn:gatehouse:role:server_admin"
    );
    let full = body["access_token"].as_str().unwrap().to_owned();
    let created = app.post_json(
        USERS,
        Auth::Bearer(&full),
        &json!({"username": "made-by-robot", "password": "robot-password-1"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);

    // client_secret_basic with a narrower scope
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    let reply = token_request(
        &app,
        &[("Authorization", &format!("Basic {basic}"))],
        &format!(
            "grant_type=client_credentials&scope={}",
            READ.replace(':', "%3A")
        ),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    // Asking for less keeps the client's roles.
    assert_eq!(
        reply.json()["scope"],
        format!("{READ} urn:gatehouse:role:server_admin")
    );
    let read_only = reply.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get(USERS, Auth::Bearer(&read_only)).status, 200);
    let refused = app.post_json(
        USERS,
        Auth::Bearer(&read_only),
        &json!({"username": "nope-robot"}),
    );
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["errors"][0]["code"], "insufficient_scope");

    // Listed without secrets; revoking the client ends its tokens.
    let list = app.get(&format!("{API}/oauth2-clients"), Auth::Bearer(&admin));
    assert_eq!(list.json()["meta"]["count"], 1);
    assert!(!list.body.contains(&secret[4..]));
    let revoke = app.request(
        "DELETE",
        &format!("{API}/oauth2-clients/{id}"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(revoke.status, 204);
    assert_eq!(app.get(USERS, Auth::Bearer(&full)).status, 401);
    let again = token_request(
        &app,
        &[],
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    );
    assert_eq!(again.status, 401);
    assert_eq!(again.json()["error"], "invalid_client");
}

#[test]
fn token_endpoint_errors_follow_rfc_6749() {
    let app = spawn_app();
    let admin = app.admin_token();
    let (id, secret) = client(&app, &admin, &[READ]);
    let good = format!("client_id={id}&client_secret={secret}");
    let cases: Vec<(String, u16, &str)> = vec![
        (good.clone(), 400, "invalid_request"),
        (
            format!("grant_type=password&{good}"),
            400,
            "unsupported_grant_type",
        ),
        (
            format!("grant_type=client_credentials&grant_type=client_credentials&{good}"),
            400,
            "invalid_request",
        ),
        (
            format!("grant_type=client_credentials&{good}&scope=urn%3Agatehouse%3Aadmin"),
            400,
            "invalid_scope",
        ),
        (
            format!("grant_type=client_credentials&client_id={id}&client_secret=wrong"),
            401,
            "invalid_client",
        ),
        (
            "grant_type=client_credentials&client_id=nobody&client_secret=x".into(),
            401,
            "invalid_client",
        ),
        (
            "grant_type=client_credentials".into(),
            401,
            "invalid_client",
        ),
    ];
    for (form, status, error) in cases {
        let reply = token_request(&app, &[], &form);
        assert_eq!(reply.status, status, "{form}: {}", reply.body);
        assert_eq!(reply.json()["error"], error, "{form}");
        assert!(reply.json()["error_description"].is_string());
    }
    // Not a form body.
    let json_body = app.request(
        "POST",
        "/oauth2/token",
        Auth::None,
        &[("Content-Type", "application/json")],
        Some("{}"),
    );
    assert_eq!(json_body.status, 400);
    assert_eq!(json_body.json()["error"], "invalid_request");
    // An invalid_client answer to Basic carries WWW-Authenticate.
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:bad"));
    let reply = token_request(
        &app,
        &[("Authorization", &format!("Basic {basic}"))],
        "grant_type=client_credentials",
    );
    assert_eq!(reply.status, 401);
    assert!(reply.header("www-authenticate").is_some());
}

#[test]
fn token_endpoint_failures_are_rate_limited_per_client() {
    let app = spawn_app_with(|c| c.rate_limits.per_account = 3);
    let admin = app.admin_token();
    let (id, secret) = client(&app, &admin, &[]);
    for _ in 0..3 {
        let r = token_request(
            &app,
            &[],
            &format!("grant_type=client_credentials&client_id={id}&client_secret=wrong"),
        );
        assert_eq!(r.status, 401);
    }
    let limited = token_request(
        &app,
        &[],
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    );
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());
}

#[test]
fn expired_tokens_get_401() {
    let app = spawn_app();
    let admin = app.admin_token();
    let id = app.create_user("eve", None, true);
    let created = create_token(&app, &admin, &id, json!({"name": "short", "expires_in": 1}));
    let secret = created.json()["meta"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(app.get(USERS, Auth::Bearer(&secret)).status, 401);
    let listed = app.get(&format!("{USERS}/{id}/tokens"), Auth::Bearer(&admin));
    assert_eq!(listed.json()["data"][0]["attributes"]["state"], "expired");
}

#[test]
fn basic_auth_can_be_switched_off() {
    let app = spawn_app_with(|c| c.basic_auth = false);
    app.create_user("root", Some("root-password-1"), true);
    let reply = app.get(USERS, Auth::Basic("root", "root-password-1"));
    assert_eq!(reply.status, 401);
}

fn put_entry(app: &TestApp, token: &str, entry: &str, headers: &[(&str, &str)]) -> common::Reply {
    app.request(
        "PUT",
        &format!("{API}/allowlist/{entry}"),
        Auth::Bearer(token),
        headers,
        None,
    )
}

#[test]
fn allow_list_admits_listed_v4_v6_and_cidr_addresses_only() {
    let app = spawn_app();
    let admin = app.admin_token();
    let empty = app.get(&format!("{API}/allowlist"), Auth::Bearer(&admin));
    assert_eq!(empty.json()["meta"]["count"], 0);
    // Empty list: anyone with credentials.
    assert_eq!(
        app.request(
            "GET",
            USERS,
            Auth::Bearer(&admin),
            &from("198.51.100.20"),
            None
        )
        .status,
        200
    );

    // The first entry would shut out this very client (127.0.0.1).
    let lockout = put_entry(&app, &admin, "10.0.0.0/8", &[]);
    assert_eq!(lockout.status, 409, "{}", lockout.body);
    assert_eq!(lockout.json()["errors"][0]["code"], "would_lock_out");
    assert_eq!(put_entry(&app, &admin, "127.0.0.1", &[]).status, 201);
    assert_eq!(put_entry(&app, &admin, "127.0.0.1", &[]).status, 200);
    assert_eq!(put_entry(&app, &admin, "10.0.0.0/8", &[]).status, 201);
    assert_eq!(put_entry(&app, &admin, "2001:db8::%2F32", &[]).status, 201);
    let bad = put_entry(&app, &admin, "10.0.0.1/8", &[]);
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["errors"][0]["code"], "entry_invalid");
    assert_eq!(put_entry(&app, &admin, "not-an-ip", &[]).status, 422);

    let get_from = |ip: &str| app.request("GET", USERS, Auth::Bearer(&admin), &from(ip), None);
    assert_eq!(get_from("10.20.30.40").status, 200);
    assert_eq!(get_from("2001:db8:1::7").status, 200);
    let refused = get_from("192.0.2.9");
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["errors"][0]["code"], "ip_not_allowed");
    assert!(!refused.body.contains("username"), "no resource data");
    assert_eq!(get_from("2001:db9::1").status, 403);
    // Whatever the credentials: Basic and session too.
    app.create_user("root", Some("root-password-1"), true);
    let basic = app.request(
        "GET",
        USERS,
        Auth::Basic("root", "root-password-1"),
        &from("192.0.2.9"),
        None,
    );
    assert_eq!(basic.status, 403);
    // A panel page from outside is refused as well.
    let cookie = app.login("root", "root-password-1");
    let page = app.request(
        "GET",
        "/users",
        Auth::Cookie(&cookie),
        &from("192.0.2.9"),
        None,
    );
    assert_eq!(page.status, 403);
    let page = app.request("GET", "/users", Auth::Cookie(&cookie), &[], None);
    assert_eq!(page.status, 200);
    // The account page is not an admin page.
    let own = app.request(
        "GET",
        "/account",
        Auth::Cookie(&cookie),
        &from("192.0.2.9"),
        None,
    );
    assert_eq!(own.status, 200);

    let list = app.get(&format!("{API}/allowlist"), Auth::Bearer(&admin));
    let ids: Vec<Value> = list.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(
        ids,
        vec![
            json!("10.0.0.0/8"),
            json!("127.0.0.1"),
            json!("2001:db8::/32")
        ]
    );
    assert_eq!(list.json()["meta"]["your_ip"], "127.0.0.1");

    // Removing our own entry needs confirmation; others do not.
    let delete = |entry: &str| {
        app.request(
            "DELETE",
            &format!("{API}/allowlist/{entry}"),
            Auth::Bearer(&admin),
            &[],
            None,
        )
    };
    assert_eq!(delete("10.0.0.0/8").status, 204);
    assert_eq!(delete("10.0.0.0/8").status, 404);
    assert_eq!(delete("127.0.0.1").status, 409);
    assert_eq!(delete("127.0.0.1?confirm_lockout=true").status, 204);
    // Now only 2001:db8::/32 is listed and we are out.
    assert_eq!(app.get(USERS, Auth::Bearer(&admin)).status, 403);
    assert_eq!(get_from("2001:db8::1").status, 200);
    // Changes persist across a restart (and apply to every instance).
    let other = app.restart();
    let reply = ureq::get(&format!("{other}{USERS}"))
        .set("Authorization", &format!("Bearer {admin}"))
        .call();
    assert!(matches!(reply, Err(ureq::Error::Status(403, _))));
}

#[test]
fn require_tls_refuses_plain_http_admin_requests() {
    let app = spawn_app_with(|c| c.require_tls = true);
    let admin = app.admin_token();
    let plain = app.get(USERS, Auth::Bearer(&admin));
    assert_eq!(plain.status, 403);
    assert_eq!(plain.json()["errors"][0]["code"], "tls_required");
    let via_proxy = app.request(
        "GET",
        USERS,
        Auth::Bearer(&admin),
        &[("X-Forwarded-Proto", "https")],
        None,
    );
    assert_eq!(via_proxy.status, 200);
}

#[test]
fn internal_listener_serves_only_the_admin_api() {
    let app = spawn_app_with(|c| c.admin_api_on_main = false);
    let admin = app.admin_token();
    assert_eq!(app.get(USERS, Auth::Bearer(&admin)).status, 404);
    let internal = app.rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = gatehouse::server::startup::internal_router(app.state.clone());
        tokio::spawn(gatehouse::server::startup::serve(listener, router));
        format!("http://{addr}")
    });
    let ok = ureq::get(&format!("{internal}{USERS}"))
        .set("Authorization", &format!("Bearer {admin}"))
        .call()
        .unwrap();
    assert_eq!(ok.status(), 200);
    let panel = ureq::get(&format!("{internal}/login")).call();
    assert!(matches!(panel, Err(ureq::Error::Status(404, _))));

    // On the public listener, the panel's server functions (admin ones
    // included) and its live stream take only cookie sessions.
    let boss = app.create_user("boss", Some("boss-password-1"), true);
    let boss_token = app.token_for(&boss, &[]);
    for auth in [
        Auth::Bearer(&boss_token),
        Auth::Basic("boss", "boss-password-1"),
    ] {
        for path in ["/api/users/list", "/api/account/get", "/api/live"] {
            let refused = app.get(path, auth);
            assert_eq!(refused.status, 403, "{path}: {}", refused.body);
            assert!(
                refused.body.contains("session_required"),
                "{}",
                refused.body
            );
        }
        let create = app.post_form("/api/users/create", auth, &[], "username=viatoken");
        assert_eq!(create.status, 403, "{}", create.body);
    }
    let cookie = app.login("boss", "boss-password-1");
    assert_eq!(
        app.get("/api/users/list", Auth::Cookie(&cookie)).status,
        200
    );
    let users = app.get(&format!("{USERS}/{boss}"), Auth::None);
    assert_eq!(users.status, 404, "the admin API stays off this listener");
}
