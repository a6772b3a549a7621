//! Integration tests of the account lifecycle endpoints (issue: users).

use crate::common;

use common::{spawn_app, Auth};
use serde_json::json;

const USERS: &str = "/api/admin/v1/users";

#[test]
fn patch_updates_clears_and_validates() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("henry", None, false);
    let path = format!("{USERS}/{id}");
    let patch = |body: serde_json::Value| {
        app.request(
            "PATCH",
            &path,
            Auth::Bearer(&token),
            &[("Content-Type", "application/json")],
            Some(&body.to_string()),
        )
    };
    let reply = patch(
        json!({"display_name": "Henry H", "email": "h@example.org", "can_request_admin": true}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let attrs = reply.json()["data"]["attributes"].clone();
    assert_eq!(attrs["display_name"], "Henry H");
    assert_eq!(attrs["can_request_admin"], true);
    // Absent fields stay, null clears.
    let reply = patch(json!({"email": null}));
    assert_eq!(
        reply.json()["data"]["attributes"]["display_name"],
        "Henry H"
    );
    assert!(reply.json()["data"]["attributes"]["email"].is_null());
    assert_eq!(patch(json!({"email": "nope"})).status, 422);
    assert_eq!(patch(json!({"colour": "red"})).status, 400);
    let missing = app.request(
        "PATCH",
        &format!("{USERS}/01JD0000000000000000000000"),
        Auth::Bearer(&token),
        &[("Content-Type", "application/json")],
        Some("{}"),
    );
    assert_eq!(missing.status, 404);
}

#[test]
fn lock_is_idempotent_and_stops_login_sessions_and_tokens() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("ivy", Some("ivy-password-1"), true);
    let ivy_token = app.token_for(&id, &[]);
    let cookie = app.login("ivy", "ivy-password-1");
    assert_eq!(app.get(USERS, Auth::Cookie(&cookie)).status, 200);

    let locked = app.post_json(
        &format!("{USERS}/{id}/lock"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(locked.status, 200, "{}", locked.body);
    let first_stamp = locked.json()["data"]["attributes"]["locked_at"].clone();
    assert_eq!(locked.json()["data"]["attributes"]["status"], "locked");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = app.post_json(
        &format!("{USERS}/{id}/lock"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(again.json()["data"]["attributes"]["locked_at"], first_stamp);

    assert_eq!(
        app.get(USERS, Auth::Cookie(&cookie)).status,
        401,
        "session stops while locked"
    );
    assert_eq!(
        app.get(USERS, Auth::Bearer(&ivy_token)).status,
        401,
        "token stops while locked"
    );
    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=ivy&password=ivy-password-1",
    );
    assert_eq!(login.status, 403);

    let unlocked = app.post_json(
        &format!("{USERS}/{id}/unlock"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(unlocked.json()["data"]["attributes"]["status"], "active");
    assert!(unlocked.json()["data"]["attributes"]["locked_at"].is_null());
    assert_eq!(
        app.get(USERS, Auth::Bearer(&ivy_token)).status,
        200,
        "token works again"
    );
}

#[test]
fn deactivation_revokes_sessions_and_tokens_and_erase_scrubs() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("jack", Some("jack-password-1"), true);
    let jack_token = app.token_for(&id, &[]);
    let cookie = app.login("jack", "jack-password-1");
    app.request(
        "PATCH",
        &format!("{USERS}/{id}"),
        Auth::Bearer(&token),
        &[("Content-Type", "application/json")],
        Some(r#"{"display_name":"Jack","email":"jack@example.org"}"#),
    );

    let reply = app.request(
        "POST",
        &format!("{USERS}/{id}/deactivate"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["data"]["attributes"]["status"], "deactivated");
    assert_eq!(
        reply.json()["data"]["attributes"]["display_name"],
        "Jack",
        "no erase: kept"
    );

    let reactivated = app.post_json(
        &format!("{USERS}/{id}/reactivate"),
        Auth::Bearer(&token),
        &json!({}),
    );
    assert_eq!(reactivated.json()["data"]["attributes"]["status"], "active");
    // Sessions and tokens from before the deactivation stay void.
    assert_eq!(app.get(USERS, Auth::Cookie(&cookie)).status, 401);
    assert_eq!(app.get(USERS, Auth::Bearer(&jack_token)).status, 401);

    let erased = app.post_json(
        &format!("{USERS}/{id}/deactivate"),
        Auth::Bearer(&token),
        &json!({"erase": true}),
    );
    let attrs = erased.json()["data"]["attributes"].clone();
    assert!(attrs["display_name"].is_null() && attrs["email"].is_null());
    let taken = app.post_json(USERS, Auth::Bearer(&token), &json!({"username": "jack"}));
    assert_eq!(taken.status, 409, "the username stays reserved");
}

#[test]
fn set_password_applies_the_policy() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("kate", Some("kate-password-1"), false);
    let path = format!("{USERS}/{id}/set-password");
    for (password, rule) in [
        ("short", "at least 8"),
        ("kate", "at least 8"),
        ("password123", "too common"),
    ] {
        let reply = app.post_json(&path, Auth::Bearer(&token), &json!({"password": password}));
        assert_eq!(reply.status, 422, "{password}");
        assert!(
            reply.json()["errors"][0]["title"]
                .as_str()
                .unwrap()
                .contains(rule),
            "{}",
            reply.body
        );
    }
    let reply = app.post_json(
        &path,
        Auth::Bearer(&token),
        &json!({"password": "kate-new-password", "temporary": true}),
    );
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json()["data"]["attributes"]["password_change_required"],
        true
    );
    app.login("kate", "kate-new-password");
}

#[test]
fn guard_rails_protect_self_and_the_last_admin() {
    let app = spawn_app();
    let root = app.create_user("root", Some("root-password-1"), true);
    let token = app.token_for(&root, &[]);
    for (method, path, body) in [
        ("POST", format!("{USERS}/{root}/lock"), "{}"),
        ("POST", format!("{USERS}/{root}/deactivate"), "{}"),
        (
            "PUT",
            format!("{USERS}/{root}/permissions"),
            r#"{"admin":false}"#,
        ),
        ("DELETE", format!("{USERS}/{root}"), ""),
    ] {
        let reply = app.request(
            method,
            &path,
            Auth::Bearer(&token),
            &[("Content-Type", "application/json")],
            Some(body),
        );
        assert_eq!(reply.status, 409, "{method} {path}: {}", reply.body);
        assert_eq!(reply.json()["errors"][0]["code"], "cannot_modify_self");
    }

    // The last active administrator cannot be removed by anyone (here the
    // operator's CLI identity, which is not an account itself).
    use gatehouse::server::ops::{lifecycle, Caller};
    let system = Caller::system();
    for result in [
        app.rt
            .block_on(lifecycle::lock(&app.state, &system, &root))
            .map(|_| ()),
        app.rt
            .block_on(lifecycle::deactivate(&app.state, &system, &root, false))
            .map(|_| ()),
        app.rt
            .block_on(lifecycle::set_admin(&app.state, &system, &root, false))
            .map(|_| ()),
        app.rt
            .block_on(lifecycle::delete(&app.state, &system, &root)),
    ] {
        assert_eq!(result.unwrap_err().code(), "last_admin");
    }

    // With a second active admin, root may be demoted; its token then gets 403.
    let other = app.create_user("other", None, true);
    let other_token = app.token_for(&other, &[]);
    let demote = app.request(
        "PUT",
        &format!("{USERS}/{root}/permissions"),
        Auth::Bearer(&other_token),
        &[("Content-Type", "application/json")],
        Some(r#"{"admin":false}"#),
    );
    assert_eq!(demote.status, 200, "{}", demote.body);
    assert_eq!(demote.json()["data"]["attributes"]["admin"], false);
    assert_eq!(app.get(USERS, Auth::Bearer(&token)).status, 403);
    let delete = app.request(
        "DELETE",
        &format!("{USERS}/{root}"),
        Auth::Bearer(&other_token),
        &[],
        None,
    );
    assert_eq!(delete.status, 204);
    assert_eq!(
        app.get(&format!("{USERS}/{root}"), Auth::Bearer(&other_token))
            .status,
        404
    );
    let again = app.request(
        "DELETE",
        &format!("{USERS}/{root}"),
        Auth::Bearer(&other_token),
        &[],
        None,
    );
    assert_eq!(again.status, 404);
}

#[test]
fn panel_server_functions_run_the_same_operations() {
    let app = spawn_app();
    let root = app.create_user("root", Some("root-password-1"), true);
    let target = app.create_user("lena", Some("lena-password-1"), false);
    let cookie = app.login("root", "root-password-1");
    let act = |id: &str, action: &str| {
        app.post_form(
            "/api/users/action",
            Auth::Cookie(&cookie),
            &[],
            &format!("id={id}&action={action}"),
        )
    };
    let locked = act(&target, "lock");
    assert_eq!(locked.status, 200, "{}", locked.body);
    assert_eq!(locked.json()["status"], "locked");
    assert_eq!(act(&target, "unlock").json()["status"], "active");
    assert_eq!(act(&target, "make_admin").json()["admin"], true);
    assert_eq!(act(&target, "revoke_admin").json()["admin"], false);
    assert_eq!(act(&target, "erase").json()["status"], "deactivated");
    assert_eq!(act(&target, "reactivate").json()["status"], "active");

    let own = act(&root, "lock");
    assert_eq!(own.status, 409);
    assert!(
        own.body.contains("You cannot lock your own account."),
        "{}",
        own.body
    );
    assert_eq!(act(&target, "explode").status, 400);

    let weak = app.post_form(
        "/api/users/set-password",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={target}&password=short"),
    );
    assert_eq!(weak.status, 422);
    let set = app.post_form(
        "/api/users/set-password",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={target}&password=lena-new-password&temporary=on"),
    );
    assert_eq!(set.json()["password_change_required"], true);

    let deleted = app.post_form(
        "/api/users/delete",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={target}"),
    );
    assert!(deleted.status < 400, "{}", deleted.body);
    assert_eq!(
        app.get(&format!("{USERS}/{target}"), Auth::Cookie(&cookie))
            .status,
        404
    );

    let member = app.create_user("mo", Some("mo-password-1"), false);
    let member_cookie = app.login("mo", "mo-password-1");
    let refused = app.post_form(
        "/api/users/action",
        Auth::Cookie(&member_cookie),
        &[],
        &format!("id={member}&action=make_admin"),
    );
    assert_eq!(refused.status, 403, "a member cannot promote themself");
}

#[test]
fn dormant_and_attribute_filters() {
    let app = spawn_app();
    let token = app.admin_token();
    let seen = app.create_user("filter-seen", Some("seen-password-1"), false);
    let never = app.create_user("filter-never", None, false);
    app.login("filter-seen", "seen-password-1");
    app.request(
        "PATCH",
        &format!("{USERS}/{never}"),
        Auth::Bearer(&token),
        &[("Content-Type", "application/json")],
        Some(r#"{"can_request_admin":true}"#),
    );
    let ids = |query: &str| -> Vec<String> {
        let reply = app.get(
            &format!("{USERS}?filter[search]=filter-&{query}"),
            Auth::Bearer(&token),
        );
        assert_eq!(reply.status, 200, "{query}: {}", reply.body);
        let doc = reply.json();
        let ids: Vec<String> = doc["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            doc["meta"]["count"].as_u64().unwrap() as usize,
            ids.len(),
            "{query}: count matches"
        );
        ids
    };
    // Last seen is recorded in the background: wait for it.
    let hour_ago = "2000-01-01T00:00:00Z";
    for _ in 0..50 {
        if ids(&format!("filter[last_seen_after]={hour_ago}")).len() == 1 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        ids(&format!("filter[last_seen_after]={hour_ago}")),
        [seen.as_str()]
    );
    assert_eq!(
        ids("filter[last_seen_before]=2999-01-01T00:00:00Z"),
        [seen.as_str(), never.as_str()]
    );
    assert_eq!(
        ids(&format!("filter[last_seen_before]={hour_ago}")),
        [never.as_str()],
        "never seen is dormant"
    );
    assert_eq!(ids("filter[can_request_admin]=true"), [never.as_str()]);
    assert_eq!(ids("filter[can_request_admin]=false"), [seen.as_str()]);
    assert!(ids("filter[created_after]=2999-01-01T00:00:00Z").is_empty());
    assert_eq!(
        ids("filter[created_before]=2999-01-01T00:00:00%2B02:00").len(),
        2
    );
    let bad = app.get(
        &format!("{USERS}?filter[created_after]=last-week"),
        Auth::Bearer(&token),
    );
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.json()["errors"][0]["source"]["parameter"],
        "filter[created_after]"
    );
    // The panel's "not seen for N days" filter.
    app.create_user("panel-root", Some("panel-root-password"), true);
    let cookie = app.login("panel-root", "panel-root-password");
    let dormant = app
        .get(
            "/api/users/list?filter[search]=filter-&filter[inactive_days]=30",
            Auth::Cookie(&cookie),
        )
        .json();
    assert_eq!(dormant["items"].as_array().unwrap().len(), 1);
    assert_eq!(dormant["items"][0]["id"], never.as_str());
    assert_eq!(
        app.get(
            "/api/users/list?filter[inactive_days]=soon",
            Auth::Cookie(&cookie)
        )
        .status,
        400
    );
    // Without a search, these filters are counted by a query, not the counters.
    let total = app.get(
        &format!("{USERS}?filter[can_request_admin]=true&count=only"),
        Auth::Bearer(&token),
    );
    assert_eq!(total.json()["meta"]["count"], 1);
}
