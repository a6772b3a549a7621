//! Bulk actions, the profile form and the typed delete confirmation.

use crate::common;

use common::{spawn_app, Auth};
use serde_json::json;

const USERS: &str = "/api/admin/v1/users";

#[test]
fn bulk_actions_apply_each_user_and_report_refusals() {
    let app = spawn_app();
    let me = app.create_user("chief", Some("chief-password-1"), true);
    let token = app.token_for(&me, &[]);
    let ids: Vec<String> = ["ann", "ben", "cat"]
        .iter()
        .map(|n| app.create_user(n, Some("some-password-1"), false))
        .collect();
    let mut with_me = ids.clone();
    with_me.push(me.clone());
    with_me.push("01JD0000000000000000000000".into());

    let reply = app.post_json(
        &format!("{USERS}/bulk"),
        Auth::Bearer(&token),
        &json!({"action": "lock", "ids": with_me}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let result = reply.json()["data"]["attributes"].clone();
    assert_eq!(result["succeeded"], json!(["ann", "ben", "cat"]));
    let refused = result["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 2);
    assert_eq!(refused[0]["username"], "chief");
    assert_eq!(refused[0]["code"], "cannot_modify_self");
    assert_eq!(refused[1]["code"], "not_found");
    for id in &ids {
        let user = app
            .get(&format!("{USERS}/{id}"), Auth::Bearer(&token))
            .json();
        assert_eq!(user["data"]["attributes"]["status"], "locked");
    }

    // The panel's server function does the same (comma-separated ids).
    let cookie = app.login("chief", "chief-password-1");
    let unlock = app.post_form(
        "/api/users/bulk",
        Auth::Cookie(&cookie),
        &[],
        &format!("ids={}&action=unlock", ids.join(",")),
    );
    assert_eq!(unlock.status, 200, "{}", unlock.body);
    assert_eq!(unlock.json()["succeeded"].as_array().unwrap().len(), 3);
    let delete = app.post_json(
        &format!("{USERS}/bulk"),
        Auth::Bearer(&token),
        &json!({"action": "delete", "ids": [ids[0]]}),
    );
    assert_eq!(delete.status, 200);
    assert_eq!(
        app.get(&format!("{USERS}/{}", ids[0]), Auth::Bearer(&token))
            .status,
        404
    );

    // Input problems and authorization.
    let bad = |body: serde_json::Value| {
        app.post_json(&format!("{USERS}/bulk"), Auth::Bearer(&token), &body)
            .status
    };
    assert_eq!(bad(json!({"action": "explode", "ids": [ids[1]]})), 400);
    assert_eq!(bad(json!({"action": "lock", "ids": []})), 400);
    assert_eq!(bad(json!({"action": "lock", "ids": ["nope"]})), 400);
    let member = app.create_user("pleb", None, false);
    let member_token = app.token_for(&member, &[]);
    let refused = app.post_json(
        &format!("{USERS}/bulk"),
        Auth::Bearer(&member_token),
        &json!({"action": "lock", "ids": [ids[1]]}),
    );
    assert_eq!(refused.status, 403);
}

#[test]
fn profile_form_and_typed_delete_confirmation() {
    let app = spawn_app();
    app.create_user("boss", Some("boss-password-1"), true);
    let cookie = app.login("boss", "boss-password-1");
    let id = app.create_user("dora", None, false);

    let bad = app.post_form(
        "/api/users/update",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&display_name=Dora&email=nope"),
    );
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("email"), "{}", bad.body);
    let saved = app.post_form(
        "/api/users/update",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&display_name=Dora+D&email=dora%40example.org&can_request_admin=on"),
    );
    assert!(saved.status < 400, "{}", saved.body);
    let user = saved.json();
    assert_eq!(user["display_name"], "Dora D");
    assert_eq!(user["can_request_admin"], true);
    // Empty fields clear; an absent checkbox is "no".
    let cleared = app.post_form(
        "/api/users/update",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&display_name=&email="),
    );
    assert!(cleared.json()["display_name"].is_null());
    assert_eq!(cleared.json()["can_request_admin"], false);

    let wrong = app.post_form(
        "/api/users/delete",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&confirm_username=dorA"),
    );
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("confirm_username"), "{}", wrong.body);
    let deleted = app.post_form(
        "/api/users/delete",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&confirm_username=dora"),
    );
    assert!(deleted.status < 400, "{}", deleted.body);
    assert_eq!(
        app.get(&format!("{USERS}/{id}"), Auth::Cookie(&cookie))
            .status,
        404
    );
}
