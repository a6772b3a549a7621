//! Panel login sessions ("devices"): recorded at login with the parsed
//! User-Agent and the client address, listed and revoked by administrators
//! (REST and panel), and by each user for their own account.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth, TestApp};
use serde_json::{json, Value};

const API: &str = "/api/admin/v1";
const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/// Logs in from `ip` (through the trusted proxy) with `agent`; the cookie.
fn login_from(app: &TestApp, username: &str, password: &str, ip: &str, agent: &str) -> String {
    let reply = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[("X-Forwarded-For", ip), ("User-Agent", agent)],
        &format!("username={username}&password={password}"),
    );
    assert!(reply.status < 400, "login: {} {}", reply.status, reply.body);
    reply.session_cookie().expect("session cookie")
}

fn sessions(app: &TestApp, token: &str, query: &str) -> Value {
    let reply = app.get(&format!("{API}/sessions{query}"), Auth::Bearer(token));
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    reply.json()
}

fn ids(doc: &Value) -> Vec<String> {
    doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A call a panel session makes: 200 while it lives, 401 once it ended.
fn my_sessions(app: &TestApp, cookie: &str) -> (u16, Value) {
    let reply = app.get("/api/account/sessions", Auth::Cookie(cookie));
    let body = if reply.status == 200 {
        reply.json()
    } else {
        Value::Null
    };
    (reply.status, body)
}

#[test]
fn a_login_records_the_device_and_address() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("sam", Some("sam-password-1"), false);
    login_from(&app, "sam", "sam-password-1", "198.51.100.7", FIREFOX);

    let reply = app.get(&format!("{API}/users/{id}/sessions"), Auth::Bearer(&token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let doc = reply.json();
    assert_eq!(doc["meta"]["count"], 1);
    let session = &doc["data"][0];
    assert_eq!(session["type"], "session");
    let a = &session["attributes"];
    assert_eq!(a["user_id"], id.as_str());
    assert_eq!(a["username"], "sam");
    assert_eq!(a["client_ip"], "198.51.100.7");
    assert_eq!(a["user_agent"], FIREFOX);
    assert_eq!(a["browser"], "Firefox");
    assert_eq!(a["browser_version"], "133.0");
    assert_eq!(a["os"], "Windows");
    assert_eq!(a["os_version"], "10");
    assert_eq!(a["device"], "desktop");
    assert_eq!(a["active"], true);
    assert!(a["revoked_at"].is_null());
    assert!(a["created_at"].as_str().unwrap().ends_with('Z'));

    login_from(
        &app,
        "sam",
        "sam-password-1",
        "198.51.100.8",
        CHROME_ANDROID,
    );
    let doc = sessions(&app, &token, &format!("?filter[user]={id}"));
    let newest = &doc["data"][0]["attributes"];
    assert_eq!(newest["browser"], "Chrome Mobile");
    assert_eq!(newest["os"], "Android");
    assert_eq!(newest["device"], "mobile");
}

#[test]
fn lists_filter_and_page() {
    let app = spawn_app();
    let token = app.admin_token();
    let ann = app.create_user("ann", Some("ann-password-1"), false);
    let bob = app.create_user("bob", Some("bob-password-1"), false);
    for ip in ["192.0.2.1", "192.0.2.2", "192.0.2.3"] {
        login_from(&app, "ann", "ann-password-1", ip, FIREFOX);
    }
    let bob_cookie = login_from(&app, "bob", "bob-password-1", "192.0.2.9", FIREFOX);

    let all = sessions(&app, &token, "");
    assert_eq!(all["meta"]["count"], 4);
    assert_eq!(
        sessions(&app, &token, &format!("?filter[user]={ann}"))["meta"]["count"],
        3
    );
    let by_ip = sessions(&app, &token, "?filter[ip]=192.0.2.9");
    assert_eq!(by_ip["meta"]["count"], 1);
    assert_eq!(by_ip["data"][0]["attributes"]["user_id"], bob.as_str());

    // Logging out revokes the session: it is no longer active.
    let out = app.post_form("/api/auth/logout", Auth::Cookie(&bob_cookie), &[], "");
    assert!(out.status < 400, "{}", out.body);
    let inactive = sessions(&app, &token, "?filter[active]=false");
    assert_eq!(ids(&inactive), ids(&by_ip));
    assert!(!inactive["data"][0]["attributes"]["revoked_at"].is_null());
    assert_eq!(inactive["data"][0]["attributes"]["active"], false);
    assert_eq!(
        sessions(&app, &token, "?filter[active]=true")["meta"]["count"],
        3
    );
    assert_eq!(
        sessions(&app, &token, "?filter[last_seen_after]=2999-01-01")["meta"]["count"],
        0
    );
    assert_eq!(
        sessions(
            &app,
            &token,
            "?filter[last_seen_before]=2999-01-01T00:00:00Z"
        )["meta"]["count"],
        4
    );
    assert_eq!(
        sessions(
            &app,
            &token,
            &format!("?filter[user]={ann}&filter[ip]=192.0.2.2&filter[active]=true")
        )["meta"]["count"],
        1
    );
    // By username (the panel's `user=`), and an empty filter is no filter.
    assert_eq!(
        sessions(&app, &token, "?filter[username]=ann")["meta"]["count"],
        3
    );
    assert_eq!(
        sessions(&app, &token, "?filter[username]=&filter[ip]=")["meta"]["count"],
        4
    );

    // Newest first, paged by cursor, forwards and back.
    let first = sessions(&app, &token, "?page[first]=3");
    assert_eq!(ids(&first), ids(&all)[..3].to_vec());
    let next = first["links"]["next"].as_str().expect("a next page");
    let second = app.get(next, Auth::Bearer(&token));
    assert_eq!(second.status, 200, "{}", second.body);
    let second = second.json();
    assert_eq!(ids(&second), ids(&all)[3..].to_vec());
    assert!(second["links"]["next"].is_null());
    let prev = second["links"]["prev"].as_str().expect("a previous page");
    assert_eq!(
        ids(&app.get(prev, Auth::Bearer(&token)).json()),
        ids(&first)
    );

    for bad in [
        "?filter[colour]=red",
        "?filter[active]=maybe",
        "?filter[ip]=somewhere",
        "?filter[user]=ann",
        "?filter[last_seen_before]=yesterday",
        "?page[after]=not-a-session",
        "?page[first]=0",
    ] {
        let reply = app.get(&format!("{API}/sessions{bad}"), Auth::Bearer(&token));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        assert!(reply.json()["errors"][0]["source"]["parameter"].is_string());
    }
    let reply = app.get(
        &format!("{API}/users/{ann}/sessions?filter[user]={bob}"),
        Auth::Bearer(&token),
    );
    assert_eq!(reply.status, 400, "the user is in the path");
    let reply = app.get(
        &format!("{API}/users/{ann}/sessions?filter[username]=bob"),
        Auth::Bearer(&token),
    );
    assert_eq!(reply.status, 400, "the user is in the path");

    // The panel takes the API's `filter[username]`; it refuses what the API
    // refuses (its login adds a session of its own, not ann's).
    app.create_user("root", Some("root-password-1"), true);
    let cookie = app.login("root", "root-password-1");
    let panel = app.get(
        "/api/sessions/list?filter[username]=ann&filter[ip]=192.0.2.2",
        Auth::Cookie(&cookie),
    );
    assert_eq!(panel.status, 200, "{}", panel.body);
    assert_eq!(panel.json()["count"], 1);
    let panel = app.get(
        "/api/sessions/list?filter[ip]=somewhere",
        Auth::Cookie(&cookie),
    );
    assert_eq!(panel.status, 400, "{}", panel.body);
}

#[test]
fn revoking_one_session_logs_out_that_browser_only() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("cid", Some("cid-password-1"), false);
    let other = app.create_user("dee", Some("dee-password-1"), false);
    let laptop = login_from(&app, "cid", "cid-password-1", "192.0.2.10", FIREFOX);
    let phone = login_from(&app, "cid", "cid-password-1", "192.0.2.11", CHROME_ANDROID);
    login_from(&app, "dee", "dee-password-1", "192.0.2.12", FIREFOX);
    let laptop_id = sessions(&app, &token, "?filter[ip]=192.0.2.10")["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("{API}/users/{id}/sessions/{laptop_id}");

    assert_eq!(my_sessions(&app, &laptop).0, 200);
    let revoke = app.request("DELETE", &path, Auth::Bearer(&token), &[], None);
    assert_eq!(revoke.status, 204, "{}", revoke.body);
    assert_eq!(my_sessions(&app, &laptop).0, 401, "the revoked browser");
    assert_eq!(
        app.get(&format!("{API}/users"), Auth::Cookie(&laptop))
            .status,
        401
    );
    assert_eq!(my_sessions(&app, &phone).0, 200, "the other browser");
    // Twice is fine; someone else's session or an unknown one is a 404.
    let again = app.request("DELETE", &path, Auth::Bearer(&token), &[], None);
    assert_eq!(again.status, 204);
    let wrong_user = format!("{API}/users/{other}/sessions/{laptop_id}");
    assert_eq!(
        app.request("DELETE", &wrong_user, Auth::Bearer(&token), &[], None)
            .status,
        404
    );
    let unknown = format!("{API}/users/{id}/sessions/01JD0000000000000000000000");
    assert_eq!(
        app.request("DELETE", &unknown, Auth::Bearer(&token), &[], None)
            .status,
        404
    );
    let nobody = "01JD0000000000000000000000";
    assert_eq!(
        app.get(
            &format!("{API}/users/{nobody}/sessions"),
            Auth::Bearer(&token)
        )
        .status,
        404
    );
    assert_eq!(
        app.post_json(
            &format!("{API}/users/{nobody}/logout"),
            Auth::Bearer(&token),
            &json!({})
        )
        .status,
        404
    );

    // Log out everywhere: the rest of cid's sessions end, dee's do not.
    let all = app.post_json(
        &format!("{API}/users/{id}/logout"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(all.json(), json!({"revoked": 1}));
    assert_eq!(my_sessions(&app, &phone).0, 401);
    assert_eq!(
        sessions(
            &app,
            &token,
            &format!("?filter[user]={other}&filter[active]=true")
        )["meta"]["count"],
        1
    );
    // Logging in again works and makes a new session.
    let back = login_from(&app, "cid", "cid-password-1", "192.0.2.10", FIREFOX);
    assert_eq!(my_sessions(&app, &back).0, 200);
}

#[test]
fn the_panel_revokes_through_its_server_functions() {
    let app = spawn_app();
    let admin_id = app.create_user("root", Some("root-password-1"), true);
    let admin = login_from(&app, "root", "root-password-1", "192.0.2.1", FIREFOX);
    let id = app.create_user("eve", Some("eve-password-1"), false);
    let eve = login_from(&app, "eve", "eve-password-1", "192.0.2.2", FIREFOX);

    let listed = app.get(
        &format!("/api/sessions/of-user?user_id={id}"),
        Auth::Cookie(&admin),
    );
    assert_eq!(listed.status, 200, "{}", listed.body);
    let sid = listed.json()["items"][0]["id"].as_str().unwrap().to_owned();
    let global = app.get(
        "/api/sessions/list?filter[username]=eve&filter[active]=true",
        Auth::Cookie(&admin),
    );
    assert_eq!(global.json()["items"][0]["id"], sid.as_str());
    assert_eq!(
        app.get(
            "/api/sessions/list?filter[active]=perhaps",
            Auth::Cookie(&admin)
        )
        .status,
        400
    );
    let revoke = app.post_form(
        "/api/sessions/revoke",
        Auth::Cookie(&admin),
        &[],
        &format!("user_id={id}&session_id={sid}"),
    );
    assert_eq!(revoke.status, 200, "{}", revoke.body);
    assert_eq!(revoke.json()["active"], false);
    assert_eq!(my_sessions(&app, &eve).0, 401);
    // The admin's own session is marked as the caller's in lists.
    let own = app.get(
        &format!("/api/sessions/of-user?user_id={admin_id}"),
        Auth::Cookie(&admin),
    );
    assert_eq!(own.json()["items"][0]["current"], true);
    let out = app.post_form(
        "/api/sessions/logout-user",
        Auth::Cookie(&admin),
        &[],
        &format!("user_id={admin_id}"),
    );
    assert_eq!(out.status, 200, "{}", out.body);
    assert_eq!(my_sessions(&app, &admin).0, 401, "logged out everywhere");
}

#[test]
fn non_admins_are_refused() {
    let app = spawn_app();
    let id = app.create_user("fay", Some("fay-password-1"), false);
    let fay = login_from(&app, "fay", "fay-password-1", "192.0.2.3", FIREFOX);
    let fay_token = app.token_for(&id, &[]);
    for auth in [Auth::Cookie(&fay), Auth::Bearer(&fay_token)] {
        assert_eq!(app.get(&format!("{API}/sessions"), auth).status, 403);
    }
    assert_eq!(
        app.get(&format!("{API}/users/{id}/sessions"), Auth::Cookie(&fay))
            .status,
        403,
        "not even one's own, through the admin API"
    );
    assert_eq!(
        app.get("/api/sessions/list", Auth::Cookie(&fay)).status,
        403
    );
    assert_eq!(app.get(&format!("{API}/sessions"), Auth::None).status, 401);
}

#[test]
fn users_sign_out_their_other_sessions() {
    let app = spawn_app();
    let token = app.admin_token();
    app.create_user("gus", Some("gus-password-1"), false);
    app.create_user("hal", Some("hal-password-1"), false);
    let here = login_from(&app, "gus", "gus-password-1", "192.0.2.4", FIREFOX);
    let there = login_from(&app, "gus", "gus-password-1", "192.0.2.5", CHROME_ANDROID);
    let elsewhere = login_from(&app, "gus", "gus-password-1", "192.0.2.6", FIREFOX);
    let hal = login_from(&app, "hal", "hal-password-1", "192.0.2.7", FIREFOX);

    let (status, mine) = my_sessions(&app, &here);
    assert_eq!(status, 200);
    let mine = mine.as_array().unwrap().clone();
    assert_eq!(mine.len(), 3);
    let current: Vec<&Value> = mine.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["client_ip"], "192.0.2.4");
    let there_id = mine.iter().find(|s| s["client_ip"] == "192.0.2.5").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Someone else's session is not the caller's to end.
    let (_, hal_sessions) = my_sessions(&app, &hal);
    let hal_id = hal_sessions[0]["id"].as_str().unwrap().to_owned();
    let refused = app.post_form(
        "/api/account/sessions/revoke",
        Auth::Cookie(&here),
        &[],
        &format!("session_id={hal_id}"),
    );
    assert_eq!(refused.status, 404, "{}", refused.body);
    assert_eq!(my_sessions(&app, &hal).0, 200);

    let one = app.post_form(
        "/api/account/sessions/revoke",
        Auth::Cookie(&here),
        &[],
        &format!("session_id={there_id}"),
    );
    assert_eq!(one.status, 200, "{}", one.body);
    assert_eq!(my_sessions(&app, &there).0, 401);
    assert_eq!(my_sessions(&app, &elsewhere).0, 200);

    let others = app.post_form(
        "/api/account/sessions/revoke-others",
        Auth::Cookie(&here),
        &[],
        "",
    );
    assert_eq!(others.status, 200, "{}", others.body);
    assert_eq!(others.json(), json!(1));
    assert_eq!(my_sessions(&app, &elsewhere).0, 401);
    assert_eq!(my_sessions(&app, &here).0, 200, "this session goes on");
    assert_eq!(my_sessions(&app, &hal).0, 200, "other users' go on");
    let audit_actions = sessions(&app, &token, "?filter[active]=true")["meta"]["count"].clone();
    assert_eq!(audit_actions, 2);
}

#[test]
fn a_password_change_ends_the_other_sessions_and_lifecycle_revokes_rows() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("ida", Some("ida-password-1"), false);
    let here = login_from(&app, "ida", "ida-password-1", "192.0.2.4", FIREFOX);
    let there = login_from(&app, "ida", "ida-password-1", "192.0.2.5", FIREFOX);
    let change = app.post_form(
        "/api/account/password",
        Auth::Cookie(&here),
        &[("User-Agent", FIREFOX)],
        "current_password=ida-password-1&new_password=ida-password-2&new_password_confirm=ida-password-2",
    );
    assert!(change.status < 400, "{}", change.body);
    let fresh = change.session_cookie().expect("a fresh session");
    assert_eq!(my_sessions(&app, &there).0, 401);
    assert_eq!(my_sessions(&app, &here).0, 401);
    let (status, mine) = my_sessions(&app, &fresh);
    assert_eq!(status, 200);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["current"], true);
    assert_eq!(mine[0]["browser"], "Firefox");
    let listed = sessions(&app, &token, &format!("?filter[user]={id}"));
    assert_eq!(listed["meta"]["count"], 3);
    assert_eq!(
        sessions(
            &app,
            &token,
            &format!("?filter[user]={id}&filter[active]=true")
        )["meta"]["count"],
        1
    );

    // Locking ends the sessions for good: unlocking does not revive them.
    let lock = app.post_json(
        &format!("{API}/users/{id}/lock"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(lock.status, 200);
    let unlock = app.post_json(
        &format!("{API}/users/{id}/unlock"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(unlock.status, 200);
    assert_eq!(my_sessions(&app, &fresh).0, 401);
    assert_eq!(
        sessions(
            &app,
            &token,
            &format!("?filter[user]={id}&filter[active]=true")
        )["meta"]["count"],
        0
    );
    // A temporary password set by an admin ends them too.
    let again = login_from(&app, "ida", "ida-password-2", "192.0.2.4", FIREFOX);
    let set = app.post_json(
        &format!("{API}/users/{id}/set-password"),
        Auth::Bearer(&token),
        &json!({"password": "temporary-pass-3", "temporary": true}),
    );
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(my_sessions(&app, &again).0, 401);
    // Deleting the user deletes the rows with it.
    let gone = app.request(
        "DELETE",
        &format!("{API}/users/{id}"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(gone.status, 204, "{}", gone.body);
    assert_eq!(
        sessions(&app, &token, &format!("?filter[user]={id}"))["meta"]["count"],
        0
    );
}

#[test]
fn users_edit_their_own_profile() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("jo", Some("jo-password-1"), false);
    let jo = app.login("jo", "jo-password-1");
    let bad = app.post_form(
        "/api/account/profile",
        Auth::Cookie(&jo),
        &[],
        "display_name=Jo&email=not-an-email",
    );
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("email_invalid"), "{}", bad.body);
    let good = app.post_form(
        "/api/account/profile",
        Auth::Cookie(&jo),
        &[],
        "display_name=Jo+March&email=jo%40example.org",
    );
    assert_eq!(good.status, 200, "{}", good.body);
    let user = app
        .get(&format!("{API}/users/{id}"), Auth::Bearer(&token))
        .json();
    assert_eq!(user["data"]["attributes"]["display_name"], "Jo March");
    assert_eq!(user["data"]["attributes"]["email"], "jo@example.org");
    let mine = app.get("/api/account/get", Auth::Cookie(&jo));
    assert_eq!(mine.json()["email"], "jo@example.org");
    let cleared = app.post_form(
        "/api/account/profile",
        Auth::Cookie(&jo),
        &[],
        "display_name=&email=",
    );
    assert_eq!(cleared.status, 200);
    assert!(cleared.json()["email"].is_null());
    assert_eq!(
        app.post_form("/api/account/profile", Auth::None, &[], "display_name=x")
            .status,
        401
    );
}

#[test]
fn a_read_only_token_reads_its_owners_account_but_changes_nothing() {
    let app = spawn_app();
    let id = app.create_user("rho", Some("rho-password-1"), false);
    let session = app.login("rho", "rho-password-1");
    let read = app.token_for(&id, &[gatehouse::server::ops::SCOPE_ADMIN_READ]);
    let full = app.token_for(&id, &[]);
    assert_eq!(app.get("/api/account/get", Auth::Bearer(&read)).status, 200);
    assert_eq!(
        app.get("/api/account/sessions", Auth::Bearer(&read)).status,
        200
    );
    for (path, form) in [
        ("/api/account/profile", "display_name=Changed"),
        ("/api/account/sessions/revoke-others", ""),
        (
            "/api/account/password",
            "current_password=rho-password-1&new_password=rho-password-2&new_password_confirm=rho-password-2",
        ),
        ("/api/inbox/read", ""),
    ] {
        let refused = app.post_form(path, Auth::Bearer(&read), &[], form);
        assert_eq!(refused.status, 403, "{path}: {}", refused.body);
        assert!(refused.body.contains("insufficient_scope"), "{path}: {}", refused.body);
    }
    assert_eq!(my_sessions(&app, &session).0, 200, "the session survived");
    let user = app.get("/api/account/get", Auth::Bearer(&full)).json();
    assert!(user["display_name"].is_null(), "{user}");
    // The full token may.
    let changed = app.post_form(
        "/api/account/profile",
        Auth::Bearer(&full),
        &[],
        "display_name=Changed",
    );
    assert_eq!(changed.status, 200, "{}", changed.body);
}

fn member_token_calls(app: &TestApp) -> (u16, u16, u16, u16) {
    let id = app.create_user("kim", Some("kim-password-1"), false);
    let other = app.create_user("lee", Some("lee-password-1"), false);
    let kim = app.login("kim", "kim-password-1");
    let create = app.post_form(
        "/api/tokens/create",
        Auth::Cookie(&kim),
        &[],
        &format!("user_id={id}&name=mine&scope=admin"),
    );
    let list = app.get(
        &format!("/api/tokens/list?user_id={id}"),
        Auth::Cookie(&kim),
    );
    let others = app.get(
        &format!("/api/tokens/list?user_id={other}"),
        Auth::Cookie(&kim),
    );
    let admin_api = app.get(&format!("{API}/users/{id}/tokens"), Auth::Cookie(&kim));
    (create.status, list.status, others.status, admin_api.status)
}

#[test]
fn member_tokens_are_off_by_default() {
    let app = spawn_app();
    assert_eq!(member_token_calls(&app), (403, 403, 403, 403));
    let me = app.get(
        "/api/auth/me",
        Auth::Cookie(&app.login("kim", "kim-password-1")),
    );
    assert_eq!(me.json()["tokens_allowed"], false);
}

#[test]
fn member_tokens_when_enabled_are_their_own_only() {
    let app = spawn_app_with(|c| c.member_tokens = true);
    assert_eq!(member_token_calls(&app), (200, 200, 403, 403));
    let kim = app.login("kim", "kim-password-1");
    let me = app.get("/api/auth/me", Auth::Cookie(&kim));
    assert_eq!(me.json()["tokens_allowed"], true);
    let id = me.json()["id"].as_str().unwrap().to_owned();
    let listed = app.get(
        &format!("/api/tokens/list?user_id={id}"),
        Auth::Cookie(&kim),
    );
    let token_id = listed.json()[0]["id"].as_str().unwrap().to_owned();
    let revoke = app.post_form(
        "/api/tokens/revoke",
        Auth::Cookie(&kim),
        &[],
        &format!("user_id={id}&token_id={token_id}"),
    );
    assert_eq!(revoke.status, 200, "{}", revoke.body);
    assert_eq!(revoke.json()["state"], "revoked");
}
