//! Modules switched on and off at run time (`/api/admin/v1/modules`), and
//! what each switch does, on SQLite and (with GATEHOUSE_TEST_DATABASE_URL)
//! on PostgreSQL.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth, Reply, TestApp};
use gatehouse::model::RegistrationMode;
use serde_json::{json, Value};

const MODULES: &str = "/api/admin/v1/modules";
const NAMES: [&str; 6] = [
    "registration",
    "self_service",
    "messaging",
    "basic_auth",
    "metrics",
    "audit_export",
];

fn switch(app: &TestApp, token: &str, name: &str, on: bool) -> Reply {
    let method = if on { "PUT" } else { "DELETE" };
    app.request(
        method,
        &format!("{MODULES}/{name}"),
        Auth::Bearer(token),
        &[],
        None,
    )
}

fn attrs(reply: &Reply) -> Value {
    reply.json()["data"]["attributes"].clone()
}

fn code(reply: &Reply) -> String {
    reply.json()["errors"][0]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error: {}", reply.body))
        .to_owned()
}

fn audit_details(app: &TestApp, action: &str) -> Vec<Value> {
    let sql = "SELECT detail FROM audit_log WHERE action = $1 ORDER BY id";
    app.rt
        .block_on(async {
            gatehouse::with_pool!(&app.state.db, pool => {
                sqlx::query_scalar::<_, String>(sql).bind(action).fetch_all(pool).await.unwrap()
            })
        })
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

/// The same app answering on another instance's address.
fn on(app: &TestApp, base: String) -> TestApp {
    TestApp {
        base,
        state: app.state.clone(),
        database_url: app.database_url.clone(),
        data_dir: app.data_dir.clone(),
        rt: app.rt.clone(),
    }
}

#[test]
fn modules_are_listed_read_and_switched_with_every_status() {
    let app = spawn_app();
    let admin = app.admin_token();

    let list = app.get(MODULES, Auth::Bearer(&admin));
    assert_eq!(list.status, 200, "{}", list.body);
    let data = list.json()["data"].as_array().unwrap().clone();
    let names: Vec<&str> = data.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(names, NAMES);
    assert_eq!(list.json()["meta"]["count"], 6);
    for m in &data {
        assert_eq!(m["type"], "module");
        let a = &m["attributes"];
        assert_eq!((&a["enabled"], &a["default"]), (&json!(true), &json!(true)));
        assert!(a["changed_at"].is_null() && a["changed_by"].is_null());
        assert!(a["description"].as_str().unwrap().len() > 10);
    }

    let one = app.get(&format!("{MODULES}/messaging"), Auth::Bearer(&admin));
    assert_eq!(one.status, 200);
    assert_eq!(attrs(&one)["name"], "messaging");
    assert_eq!(
        one.json()["data"]["links"]["self"],
        "/api/admin/v1/modules/messaging"
    );

    // Unknown names: 404 on every method.
    for method in ["GET", "PUT", "DELETE"] {
        let r = app.request(
            method,
            &format!("{MODULES}/nope"),
            Auth::Bearer(&admin),
            &[],
            None,
        );
        assert_eq!((r.status, code(&r)), (404, "not_found".into()), "{method}");
    }

    // Disabling is idempotent and audited once, with before and after.
    let off = switch(&app, &admin, "messaging", false);
    assert_eq!(off.status, 200, "{}", off.body);
    let a = attrs(&off);
    assert_eq!(
        (&a["enabled"], &a["default"]),
        (&json!(false), &json!(true))
    );
    assert!(a["changed_at"].is_string());
    assert!(a["changed_by"].as_str().unwrap().starts_with("admin_"));
    let again = switch(&app, &admin, "messaging", false);
    assert_eq!(again.status, 200);
    assert_eq!(attrs(&again), a, "nothing changed the second time");
    let audits = audit_details(&app, "module.disable");
    assert_eq!(
        audits,
        vec![json!({"before": {"enabled": true}, "after": {"enabled": false}})]
    );
    assert_eq!(
        attrs(&app.get(&format!("{MODULES}/messaging"), Auth::Bearer(&admin)))["enabled"],
        false
    );

    let on_again = switch(&app, &admin, "messaging", true);
    assert_eq!(on_again.status, 200);
    assert_eq!(attrs(&on_again)["enabled"], true);
    assert_eq!(switch(&app, &admin, "messaging", true).status, 200);
    assert_eq!(audit_details(&app, "module.enable").len(), 1);
    // Enabling what is enabled by default writes nothing.
    assert_eq!(switch(&app, &admin, "metrics", true).status, 200);
    assert_eq!(audit_details(&app, "module.enable").len(), 1);

    // Authorization: nobody 401, members 403, read-only tokens read only.
    assert_eq!(app.get(MODULES, Auth::None).status, 401);
    let member = app.create_user("mod-member", Some("member-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    assert_eq!(app.get(MODULES, Auth::Bearer(&member_token)).status, 403);
    assert_eq!(switch(&app, &member_token, "messaging", false).status, 403);
    let admin_id = app.create_user("mod-reader", None, true);
    let reader = app.token_for(&admin_id, &["urn:gatehouse:admin:read"]);
    assert_eq!(app.get(MODULES, Auth::Bearer(&reader)).status, 200);
    let r = switch(&app, &reader, "messaging", false);
    assert_eq!((r.status, code(&r)), (403, "insufficient_scope".into()));
}

#[test]
fn a_switch_holds_on_every_instance_and_survives_a_restart() {
    let app = spawn_app();
    let admin = app.admin_token();
    let other = on(&app, app.restart());
    assert_eq!(switch(&app, &admin, "messaging", false).status, 200);
    // The other instance sees it at its next request: no stale cache.
    let send = |a: &TestApp| {
        a.post_json(
            MODULES_BROADCAST,
            Auth::Bearer(&admin),
            &json!({"body": "hi"}),
        )
    };
    assert_eq!(send(&other).status, 404);
    assert_eq!(switch(&other, &admin, "messaging", true).status, 200);
    assert_eq!(send(&app).status, 200);
    assert_eq!(switch(&other, &admin, "registration", false).status, 200);

    // A fresh instance (as after a restart) starts with the stored states.
    let restarted = on(&app, app.restart());
    let list = restarted.get(MODULES, Auth::Bearer(&admin));
    let enabled: Vec<(String, bool)> = list.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_owned(),
                m["attributes"]["enabled"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(enabled.contains(&("registration".into(), false)));
    assert!(enabled.contains(&("messaging".into(), true)));
    assert_eq!(restarted.get("/register", Auth::None).status, 404);
}

const MODULES_BROADCAST: &str = "/api/admin/v1/messages/broadcast";

#[test]
fn registration_off_hides_the_page_the_endpoint_and_the_login_link() {
    let app = spawn_app_with(|c| c.registration_mode = RegistrationMode::Open);
    let admin = app.admin_token();
    let register = |username: &str| {
        app.post_json(
            "/api/register",
            Auth::None,
            &json!({"username": username, "password": "a-good-password-1"}),
        )
    };
    assert_eq!(register("early-bird").status, 201);
    let page = app.get("/register", Auth::None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Create"), "{}", page.body);
    assert!(app
        .get("/login", Auth::None)
        .body
        .contains("href=\"/register\""));

    assert_eq!(switch(&app, &admin, "registration", false).status, 200);
    let r = register("late-bird");
    assert_eq!(
        (r.status, code(&r)),
        (404, "not_found".into()),
        "{}",
        r.body
    );
    let form = app.post_form(
        "/api/registration/submit",
        Auth::None,
        &[],
        "username=late-form&password=a-good-password-1&password_confirm=a-good-password-1",
    );
    assert_eq!(form.status, 404, "{}", form.body);
    assert_eq!(app.get("/register", Auth::None).status, 404);
    let login = app.get("/login", Auth::None);
    assert_eq!(login.status, 200);
    assert!(!login.body.contains("href=\"/register\""), "{}", login.body);
    let mode = app.get("/api/registration/mode", Auth::None);
    assert_eq!(mode.json(), json!("closed"));

    assert_eq!(switch(&app, &admin, "registration", true).status, 200);
    assert_eq!(register("late-bird").status, 201);
    assert_eq!(app.get("/register", Auth::None).status, 200);
}

#[test]
fn self_service_off_refuses_members_but_not_admins() {
    let app = spawn_app_with(|c| c.member_tokens = true);
    let admin = app.admin_token();
    app.create_user("kim", Some("kim-password-1"), false);
    app.create_user("root", Some("root-password-1"), true);
    let kim = app.login("kim", "kim-password-1");
    let root = app.login("root", "root-password-1");
    let kim_id = app.get("/api/auth/me", Auth::Cookie(&kim)).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let calls = |cookie: &str, id: &str| -> Vec<u16> {
        let c = Auth::Cookie;
        vec![
            app.get("/api/account/get", c(cookie)).status,
            app.post_form("/api/account/profile", c(cookie), &[], "display_name=K&email=")
                .status,
            app.post_form(
                "/api/account/password",
                c(cookie),
                &[],
                "current_password=wrong-password-1&new_password=another-password-1&new_password_confirm=another-password-1",
            )
            .status,
            app.get("/api/account/sessions", c(cookie)).status,
            app.post_form("/api/account/sessions/revoke-others", c(cookie), &[], "")
                .status,
            app.get("/api/account/orgs", c(cookie)).status,
            app.get(&format!("/api/tokens/list?user_id={id}"), c(cookie))
                .status,
        ]
    };
    let on = calls(&kim, &kim_id);
    assert_eq!(on, vec![200, 200, 422, 200, 200, 200, 200]);
    let me = app.get("/api/auth/me", Auth::Cookie(&kim)).json();
    assert_eq!(
        (&me["self_service"], &me["tokens_allowed"]),
        (&json!(true), &json!(true))
    );

    assert_eq!(switch(&app, &admin, "self_service", false).status, 200);
    assert_eq!(calls(&kim, &kim_id), vec![404; 7]);
    let me = app.get("/api/auth/me", Auth::Cookie(&kim)).json();
    assert_eq!(
        (&me["self_service"], &me["tokens_allowed"]),
        (&json!(false), &json!(false))
    );
    let page = app.get("/account", Auth::Cookie(&kim));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("self-service-off"), "{}", page.body);
    assert!(!page.body.contains("my-profile-heading"));

    // Administrators keep their own account page.
    let root_id = app.get("/api/auth/me", Auth::Cookie(&root)).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        calls(&root, &root_id),
        vec![200, 200, 422, 200, 200, 200, 200]
    );
    let me = app.get("/api/auth/me", Auth::Cookie(&root)).json();
    assert_eq!(me["self_service"], true);
    assert!(!app
        .get("/account", Auth::Cookie(&root))
        .body
        .contains("self-service-off"));

    assert_eq!(switch(&app, &admin, "self_service", true).status, 200);
    assert_eq!(calls(&kim, &kim_id)[0], 200);
}

#[test]
fn messaging_off_answers_404_on_every_send() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("msg-target", None, false);
    let send = |path: &str, body: Value| app.post_json(path, Auth::Bearer(&admin), &body);
    let calls = || {
        vec![
            send(
                &format!("/api/admin/v1/users/{user}/messages"),
                json!({"body": "hi"}),
            )
            .status,
            send(
                "/api/admin/v1/messages/multicast",
                json!([{"to": "msg-target", "body": "hi"}]),
            )
            .status,
            send(MODULES_BROADCAST, json!({"body": "hi"})).status,
        ]
    };
    assert_eq!(calls(), vec![202, 200, 200]);
    assert_eq!(switch(&app, &admin, "messaging", false).status, 200);
    assert_eq!(calls(), vec![404, 404, 404]);
    // The panel's forms too.
    app.create_user("msg-root", Some("root-password-1"), true);
    let cookie = app.login("msg-root", "root-password-1");
    let panel = app.post_form(
        "/api/messages/broadcast",
        Auth::Cookie(&cookie),
        &[],
        "body=hi",
    );
    assert_eq!(panel.status, 404, "{}", panel.body);
    assert_eq!(switch(&app, &admin, "messaging", true).status, 200);
    assert_eq!(calls(), vec![202, 200, 200]);
}

#[test]
fn basic_auth_off_refuses_basic_credentials_with_401() {
    let app = spawn_app();
    let admin = app.admin_token();
    app.create_user("basic-root", Some("root-password-1"), true);
    let basic = || {
        app.get(
            "/api/admin/v1/users",
            Auth::Basic("basic-root", "root-password-1"),
        )
    };
    assert_eq!(basic().status, 200);
    assert_eq!(switch(&app, &admin, "basic_auth", false).status, 200);
    let r = basic();
    assert_eq!((r.status, code(&r)), (401, "unauthenticated".into()));
    // Bearer tokens are not affected.
    assert_eq!(
        app.get("/api/admin/v1/users", Auth::Bearer(&admin)).status,
        200
    );
    let r = app.request(
        "PUT",
        &format!("{MODULES}/basic_auth"),
        Auth::Basic("basic-root", "root-password-1"),
        &[],
        None,
    );
    assert_eq!(r.status, 401, "Basic cannot switch itself back on");
    assert_eq!(switch(&app, &admin, "basic_auth", true).status, 200);
    assert_eq!(basic().status, 200);
}
