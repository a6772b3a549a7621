//! Registration tokens (admin API) and self-registration (`POST /api/register`
//! and the panel's form), on SQLite and (with GATEHOUSE_TEST_DATABASE_URL)
//! on PostgreSQL.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth, Reply, TestApp};
use gatehouse::{model::RegistrationMode, server::db::Db};
use serde_json::{json, Value};

const TOKENS: &str = "/api/admin/v1/registration-tokens";
const REGISTER: &str = "/api/register";

fn create(app: &TestApp, admin: &str, body: Value) -> Reply {
    app.post_json(TOKENS, Auth::Bearer(admin), &body)
}

fn patch(app: &TestApp, admin: &str, token: &str, body: &str) -> Reply {
    app.request(
        "PATCH",
        &format!("{TOKENS}/{token}"),
        Auth::Bearer(admin),
        &[("Content-Type", "application/json")],
        Some(body),
    )
}

fn attrs(reply: &Reply) -> Value {
    reply.json()["data"]["attributes"].clone()
}

fn codes(reply: &Reply) -> Vec<String> {
    reply.json()["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {}", reply.body))
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

fn register(app: &TestApp, username: &str, token: Option<&str>) -> Reply {
    let mut body = json!({"username": username, "password": "a-good-password-1"});
    if let Some(t) = token {
        body["token"] = json!(t);
    }
    app.post_json(REGISTER, Auth::None, &body)
}

/// Runs one statement on the test database (to set up states the API
/// refuses to create, such as a past expiry).
fn execute(app: &TestApp, sql: &str) {
    app.rt.block_on(async {
        match &app.state.db {
            Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        }
        .unwrap()
    });
}

#[test]
fn create_validates_and_answers_every_status() {
    let app = spawn_app();
    let admin = app.admin_token();

    let r = create(
        &app,
        &admin,
        json!({"token": "Welcome_2027.~-", "uses_allowed": 3, "expires_at": "2099-01-01T00:00:00Z"}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        r.header("location"),
        Some("/api/admin/v1/registration-tokens/Welcome_2027.~-")
    );
    let a = attrs(&r);
    assert_eq!(r.json()["data"]["type"], "registration_token");
    assert_eq!(a["token"], "Welcome_2027.~-");
    assert_eq!(a["valid"], true);
    assert_eq!(a["uses_allowed"], 3);
    assert_eq!(
        (a["pending"].as_i64(), a["completed"].as_i64()),
        (Some(0), Some(0))
    );
    assert_eq!(a["expires_at"], "2099-01-01T00:00:00Z");
    assert!(a["revoked_at"].is_null() && a["last_used_at"].is_null());
    assert!(a["created_at"].is_string());

    // Random tokens: default 16 characters, or the length asked.
    let r = create(&app, &admin, json!({}));
    assert_eq!(r.status, 201, "{}", r.body);
    let a = attrs(&r);
    assert_eq!(a["token"].as_str().unwrap().len(), 16);
    assert!(a["uses_allowed"].is_null() && a["expires_at"].is_null());
    let r = create(&app, &admin, json!({"length": 64, "uses_allowed": 0}));
    assert_eq!(attrs(&r)["token"].as_str().unwrap().len(), 64);
    assert_eq!(attrs(&r)["valid"], false, "no uses allowed: not valid");

    let r = create(&app, &admin, json!({"token": "Welcome_2027.~-"}));
    assert_eq!(
        (r.status, codes(&r)),
        (409, vec!["token_exists".to_owned()])
    );

    for (body, code) in [
        (json!({"token": "has space"}), "token_invalid"),
        (json!({"token": ""}), "token_invalid"),
        (json!({"token": "x".repeat(65)}), "token_invalid"),
        (json!({"token": "a/b"}), "token_invalid"),
        (json!({"length": 0}), "length_invalid"),
        (json!({"length": 65}), "length_invalid"),
        (json!({"uses_allowed": -1}), "uses_allowed_invalid"),
        (
            json!({"expires_at": "2001-01-01T00:00:00Z"}),
            "expiry_invalid",
        ),
        (json!({"expires_at": "tomorrow"}), "expiry_invalid"),
    ] {
        let r = create(&app, &admin, body.clone());
        assert_eq!(r.status, 422, "{body}: {}", r.body);
        assert_eq!(codes(&r), vec![code.to_owned()], "{body}");
    }
    for body in [
        r#"{"token": "abc", "length": 5}"#,
        r#"{"token": "abc""#,
        r#"{"token": "abc", "colour": "red"}"#,
        r#"{"uses_allowed": "five"}"#,
    ] {
        let r = app.request(
            "POST",
            TOKENS,
            Auth::Bearer(&admin),
            &[("Content-Type", "application/json")],
            Some(body),
        );
        assert_eq!(r.status, 400, "{body}: {}", r.body);
    }

    // Admins only.
    assert_eq!(create(&app, "gh_nope", json!({})).status, 401);
    let member = app.create_user("member", Some("member-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    assert_eq!(create(&app, &member_token, json!({})).status, 403);
    assert_eq!(app.get(TOKENS, Auth::None).status, 401);
}

#[test]
fn get_patch_revoke_unrevoke_delete() {
    let app = spawn_app();
    let admin = app.admin_token();
    let auth = Auth::Bearer(&admin);
    assert_eq!(create(&app, &admin, json!({"token": "tok1"})).status, 201);

    let r = app.get(&format!("{TOKENS}/tok1"), Auth::Bearer(&admin));
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json()["links"]["self"],
        "/api/admin/v1/registration-tokens/tok1"
    );
    assert_eq!(
        app.get(&format!("{TOKENS}/nope"), Auth::Bearer(&admin))
            .status,
        404
    );

    let r = patch(
        &app,
        &admin,
        "tok1",
        r#"{"uses_allowed": 2, "expires_at": "2099-05-01T00:00:00Z"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        (
            attrs(&r)["uses_allowed"].as_i64(),
            attrs(&r)["expires_at"].as_str()
        ),
        (Some(2), Some("2099-05-01T00:00:00Z"))
    );
    // Absent keeps, null clears.
    let r = patch(&app, &admin, "tok1", r#"{"expires_at": null}"#);
    assert_eq!(
        (
            attrs(&r)["uses_allowed"].as_i64(),
            attrs(&r)["expires_at"].is_null()
        ),
        (Some(2), true)
    );
    let r = patch(&app, &admin, "tok1", r#"{"uses_allowed": null}"#);
    assert!(attrs(&r)["uses_allowed"].is_null());
    let r = patch(&app, &admin, "tok1", r#"{"uses_allowed": -3}"#);
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["uses_allowed_invalid".to_owned()])
    );
    let r = patch(&app, &admin, "tok1", r#"{"expires_at": "2000-01-01"}"#);
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["expiry_invalid".to_owned()])
    );
    assert_eq!(patch(&app, &admin, "tok1", r#"{"name": "x"}"#).status, 400);
    assert_eq!(patch(&app, &admin, "tok1", "{").status, 400);
    assert_eq!(
        patch(&app, &admin, "nope", r#"{"uses_allowed": 1}"#).status,
        404
    );

    let revoke = |token: &str, what: &str| {
        app.request(
            "POST",
            &format!("{TOKENS}/{token}/{what}"),
            Auth::Bearer(&admin),
            &[],
            None,
        )
    };
    let r = revoke("tok1", "revoke");
    assert_eq!(r.status, 200, "{}", r.body);
    let first = attrs(&r)["revoked_at"].as_str().unwrap().to_owned();
    assert_eq!(attrs(&r)["valid"], false);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let r = revoke("tok1", "revoke");
    assert_eq!(
        (r.status, attrs(&r)["revoked_at"].as_str()),
        (200, Some(first.as_str())),
        "revoking twice keeps the first time"
    );
    let r = revoke("tok1", "unrevoke");
    assert_eq!(
        (
            r.status,
            attrs(&r)["revoked_at"].is_null(),
            attrs(&r)["valid"].as_bool()
        ),
        (200, true, Some(true))
    );
    assert_eq!(revoke("tok1", "unrevoke").status, 200);
    assert_eq!(revoke("nope", "revoke").status, 404);
    assert_eq!(revoke("nope", "unrevoke").status, 404);

    let r = app.request("DELETE", &format!("{TOKENS}/tok1"), auth, &[], None);
    assert_eq!(r.status, 204);
    let r = app.request(
        "DELETE",
        &format!("{TOKENS}/tok1"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(r.status, 404);
}

#[test]
fn list_filters_pages_and_counts() {
    let app = spawn_app();
    let admin = app.admin_token();
    for body in [
        json!({"token": "a-valid"}),
        json!({"token": "b-used", "uses_allowed": 5}),
        json!({"token": "c_revoked"}),
        json!({"token": "d~expired", "expires_at": "2099-01-01T00:00:00Z"}),
        json!({"token": "e-full", "uses_allowed": 1}),
    ] {
        assert_eq!(create(&app, &admin, body).status, 201);
    }
    assert_eq!(register(&app, "user-b", Some("b-used")).status, 201);
    assert_eq!(register(&app, "user-e", Some("e-full")).status, 201);
    let r = app.request(
        "POST",
        &format!("{TOKENS}/c_revoked/revoke"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(r.status, 200);
    execute(
        &app,
        "UPDATE registration_tokens SET expires_at = 1000 WHERE token = 'd~expired'",
    );

    let tokens = |query: &str| -> Vec<String> {
        let r = app.get(&format!("{TOKENS}?{query}"), Auth::Bearer(&admin));
        assert_eq!(r.status, 200, "{query}: {}", r.body);
        r.json()["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        tokens(""),
        ["a-valid", "b-used", "c_revoked", "d~expired", "e-full"]
    );
    assert_eq!(tokens("filter[valid]=true"), ["a-valid", "b-used"]);
    assert_eq!(
        tokens("filter[valid]=false"),
        ["c_revoked", "d~expired", "e-full"]
    );
    assert_eq!(tokens("filter[used]=true"), ["b-used", "e-full"]);
    assert_eq!(
        tokens("filter[used]=false"),
        ["a-valid", "c_revoked", "d~expired"]
    );
    assert_eq!(tokens("filter[revoked]=true"), ["c_revoked"]);
    assert_eq!(tokens("filter[expired]=true"), ["d~expired"]);
    assert_eq!(
        tokens("filter[expired]=false&filter[revoked]=false"),
        ["a-valid", "b-used", "e-full"]
    );

    let r = app.get(
        &format!("{TOKENS}?count=only&filter[valid]=true"),
        Auth::Bearer(&admin),
    );
    assert_eq!(
        (
            r.json()["meta"]["count"].as_u64(),
            r.json()["data"].as_array().unwrap().len()
        ),
        (Some(2), 0)
    );

    // Paging forwards and back through the links, cursors and all.
    let r = app.get(&format!("{TOKENS}?page[first]=2"), Auth::Bearer(&admin));
    assert_eq!(r.json()["meta"]["count"], 5);
    let next = r.json()["links"]["next"].as_str().unwrap().to_owned();
    let r = app.get(&next, Auth::Bearer(&admin));
    let ids: Vec<String> = r.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["c_revoked", "d~expired"], "{}", r.body);
    let prev = r.json()["links"]["prev"].as_str().unwrap().to_owned();
    let back = app.get(&prev, Auth::Bearer(&admin));
    let ids: Vec<String> = back.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a-valid", "b-used"]);
    assert_eq!(tokens("page[last]=2"), ["d~expired", "e-full"]);

    for (query, param) in [
        ("filter[colour]=red", "filter[colour]"),
        ("filter[valid]=yes", "filter[valid]"),
        ("count=maybe", "count"),
        ("page[after]=zz", "page[after]"),
        ("page[first]=0", "page[first]"),
    ] {
        let r = app.get(&format!("{TOKENS}?{query}"), Auth::Bearer(&admin));
        assert_eq!(r.status, 400, "{query}");
        assert_eq!(
            r.json()["errors"][0]["source"]["parameter"],
            param,
            "{query}"
        );
    }
}

#[test]
fn registering_with_a_token_spends_one_use() {
    let app = spawn_app();
    let admin = app.admin_token();
    assert_eq!(
        create(&app, &admin, json!({"token": "invite", "uses_allowed": 2})).status,
        201
    );

    let r = register(&app, "newbie", Some("invite"));
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["data"]["attributes"]["username"], "newbie");
    // The account exists, says which token it used, and can log in.
    let user = app.get(&format!("/api/admin/v1/users/{id}"), Auth::Bearer(&admin));
    assert_eq!(attrs(&user)["registration_token"], "invite");
    assert_eq!(attrs(&user)["admin"], false);
    let by_name = app.get(
        "/api/admin/v1/users/by-username/newbie",
        Auth::Bearer(&admin),
    );
    assert_eq!(attrs(&by_name)["registration_token"], "invite");
    app.login("newbie", "a-good-password-1");

    let t = attrs(&app.get(&format!("{TOKENS}/invite"), Auth::Bearer(&admin)));
    assert_eq!(
        (t["completed"].as_i64(), t["pending"].as_i64()),
        (Some(1), Some(0))
    );
    assert!(t["last_used_at"].is_string());

    // Same rules as admin-created users; nothing spent by a refusal.
    let r = app.post_json(
        REGISTER,
        Auth::None,
        &json!({"username": "Bad Name", "password": "short", "token": "invite"}),
    );
    assert_eq!(r.status, 422);
    let c = codes(&r);
    assert!(
        c.contains(&"username_invalid".to_owned()) && c.contains(&"password_too_short".to_owned()),
        "{c:?}"
    );
    let r = register(&app, "newbie", Some("invite"));
    assert_eq!(
        (r.status, codes(&r)),
        (409, vec!["username_taken".to_owned()])
    );
    let r = register(&app, "someone", None);
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_required".to_owned()])
    );
    let r = register(&app, "someone", Some("unknown-token"));
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_invalid".to_owned()])
    );
    assert_eq!(r.json()["errors"][0]["source"]["pointer"], "/token");
    let r = register(&app, "someone", Some("bad token!"));
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_invalid".to_owned()])
    );
    let r = app.post_json(
        REGISTER,
        Auth::None,
        &json!({"username": "x", "password": "a-good-password-1", "colour": 1}),
    );
    assert_eq!(r.status, 400);
    let t = attrs(&app.get(&format!("{TOKENS}/invite"), Auth::Bearer(&admin)));
    assert_eq!(t["completed"], 1);

    assert_eq!(register(&app, "second", Some("invite")).status, 201);
    let r = register(&app, "third", Some("invite"));
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_used_up".to_owned()])
    );
}

#[test]
fn expired_and_revoked_tokens_are_refused() {
    let app = spawn_app();
    let admin = app.admin_token();
    for t in ["old", "pulled"] {
        assert_eq!(
            create(
                &app,
                &admin,
                json!({"token": t, "expires_at": "2099-01-01T00:00:00Z"})
            )
            .status,
            201
        );
    }
    execute(
        &app,
        "UPDATE registration_tokens SET expires_at = 1000 WHERE token = 'old'",
    );
    let r = app.request(
        "POST",
        &format!("{TOKENS}/pulled/revoke"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(r.status, 200);

    let r = register(&app, "late", Some("old"));
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_expired".to_owned()])
    );
    let r = register(&app, "late", Some("pulled"));
    assert_eq!(
        (r.status, codes(&r)),
        (422, vec!["token_revoked".to_owned()])
    );
    assert_eq!(
        app.get("/api/admin/v1/users/by-username/late", Auth::Bearer(&admin))
            .status,
        404
    );

    let r = app.request(
        "POST",
        &format!("{TOKENS}/pulled/unrevoke"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(r.status, 200);
    assert_eq!(register(&app, "late", Some("pulled")).status, 201);
}

#[test]
fn fifty_concurrent_registrations_spend_exactly_the_uses_allowed() {
    let app = spawn_app();
    let admin = app.admin_token();
    assert_eq!(
        create(&app, &admin, json!({"token": "rush", "uses_allowed": 5})).status,
        201
    );
    let statuses: Vec<(u16, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let app = &app;
                s.spawn(move || {
                    let r = register(app, &format!("rush-{i}"), Some("rush"));
                    let code = if r.status == 201 {
                        String::new()
                    } else {
                        codes(&r)[0].clone()
                    };
                    (r.status, code)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created = statuses.iter().filter(|(s, _)| *s == 201).count();
    let used_up = statuses
        .iter()
        .filter(|(s, c)| *s == 422 && c == "token_used_up")
        .count();
    assert_eq!((created, used_up), (5, 45), "{statuses:?}");
    let t = attrs(&app.get(&format!("{TOKENS}/rush"), Auth::Bearer(&admin)));
    assert_eq!(
        (t["completed"].as_i64(), t["valid"].as_bool()),
        (Some(5), Some(false))
    );
    let users = app.get(
        "/api/admin/v1/users?filter[search]=rush-&count=only",
        Auth::Bearer(&admin),
    );
    assert_eq!(users.json()["meta"]["count"], 5);
}

#[test]
fn closed_mode_refuses_and_open_mode_needs_no_token() {
    let closed = spawn_app_with(|c| c.registration_mode = RegistrationMode::Closed);
    let r = register(&closed, "nobody", Some("whatever"));
    assert_eq!(
        (r.status, codes(&r)),
        (403, vec!["registration_closed".to_owned()])
    );
    let r = closed.get("/api/registration/mode", Auth::None);
    assert_eq!((r.status, r.body.as_str()), (200, "\"closed\""));

    let open = spawn_app_with(|c| c.registration_mode = RegistrationMode::Open);
    let admin = open.admin_token();
    let r = register(&open, "walk-in", None);
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r.json()["data"]["attributes"]["registration_token"].is_null());
    let r = open.get(
        "/api/admin/v1/users/by-username/walk-in",
        Auth::Bearer(&admin),
    );
    assert!(attrs(&r)["registration_token"].is_null());
}

#[test]
fn the_panel_form_registers_and_logs_in() {
    let app = spawn_app();
    let admin = app.admin_token();
    assert_eq!(
        create(&app, &admin, json!({"token": "form-token"})).status,
        201
    );
    let form = |username: &str, confirm: &str| {
        app.post_form(
            "/api/registration/submit",
            Auth::None,
            &[],
            &format!("username={username}&password=a-good-password-1&password_confirm={confirm}&token=form-token"),
        )
    };
    let r = form("formuser", "different-password");
    assert_eq!(r.status, 422, "{}", r.body);
    let r = form("formuser", "a-good-password-1");
    assert!(r.status < 400, "{} {}", r.status, r.body);
    let cookie = r.session_cookie().expect("logged in");
    let me = app.get("/api/auth/me", Auth::Cookie(&cookie));
    assert!(me.body.contains("formuser"), "{}", me.body);
    let t = attrs(&app.get(&format!("{TOKENS}/form-token"), Auth::Bearer(&admin)));
    assert_eq!(t["completed"], 1);
}

/// A registration from the client address `ip` (the tests' proxy says so).
fn register_from(app: &TestApp, ip: &str, body: Value) -> Reply {
    app.request(
        "POST",
        REGISTER,
        Auth::None,
        &[
            ("Content-Type", "application/json"),
            ("X-Forwarded-For", ip),
        ],
        Some(&body.to_string()),
    )
}

#[test]
fn unknown_tokens_from_one_address_are_rate_limited() {
    let app = spawn_app_with(|c| c.rate_limits.per_account = 3);
    let from = |ip: &str, token: &str| {
        register_from(
            &app,
            ip,
            json!({"username": "guess", "password": "a-good-password-1", "token": token}),
        )
    };
    for _ in 0..3 {
        assert_eq!(from("203.0.113.7", "guess").status, 422);
    }
    let r = from("203.0.113.7", "guess");
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    assert_eq!(
        from("203.0.113.8", "guess").status,
        422,
        "other addresses are not affected"
    );
}

#[test]
fn open_registration_is_limited_per_address() {
    let app = spawn_app_with(|c| {
        c.rate_limits.per_account = 3;
        c.registration_mode = RegistrationMode::Open;
    });
    let from = |ip: &str, username: &str| {
        register_from(
            &app,
            ip,
            json!({"username": username, "password": "a-good-password-1"}),
        )
    };
    for i in 0..3 {
        let created = from("2001:db8:7:7::1", &format!("mint{i}"));
        assert_eq!(created.status, 201, "{}", created.body);
    }
    // Another host of the same /64 is the same visitor.
    let refused = from("2001:db8:7:7::99", "mint3");
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert!(refused.header("retry-after").is_some());
    let elsewhere = from("2001:db8:7:8::1", "mint4");
    assert_eq!(elsewhere.status, 201, "other networks are not affected");
}
