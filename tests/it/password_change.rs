//! A temporary password: login → forced change → normal access.

use crate::common;

use common::{spawn_app, Auth};
use serde_json::json;

const USERS: &str = "/api/admin/v1/users";

#[test]
fn temporary_password_forces_a_change_before_anything_else() {
    let app = spawn_app();
    let admin = app.admin_token();
    let id = app.create_user("tess", Some("tess-password-1"), true);
    let tess_token = app.token_for(&id, &[]);

    let set = app.post_json(
        &format!("{USERS}/{id}/set-password"),
        Auth::Bearer(&admin),
        &json!({"password": "temporary-pass-7", "temporary": true, "revoke_tokens": false}),
    );
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(
        set.json()["data"]["attributes"]["password_change_required"],
        true
    );
    // The old password is gone.
    let old = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=tess&password=tess-password-1",
    );
    assert_eq!(old.status, 401);

    // Until the change, tokens and Basic auth are refused with a clear code.
    for auth in [
        Auth::Bearer(&tess_token),
        Auth::Basic("tess", "temporary-pass-7"),
    ] {
        let reply = app.get(USERS, auth);
        assert_eq!(reply.status, 403, "{}", reply.body);
        assert_eq!(
            reply.json()["errors"][0]["code"],
            "password_change_required"
        );
    }

    // Logging in works, but leads to the change-password page...
    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[("Accept", "text/html")],
        "username=tess&password=temporary-pass-7",
    );
    assert_eq!(login.header("location"), Some("/account/password"));
    let cookie = login.session_cookie().unwrap();
    // ...and every page and operation leads back there.
    for page in ["/users", "/account", "/"] {
        let reply = app.get(page, Auth::Cookie(&cookie));
        assert_eq!(reply.status, 303, "{page}");
        assert_eq!(reply.header("location"), Some("/account/password"));
    }
    assert_eq!(
        app.get("/account/password", Auth::Cookie(&cookie)).status,
        200
    );
    let listed = app.get(USERS, Auth::Cookie(&cookie));
    assert_eq!(listed.status, 403);

    let change =
        |form: &str| app.post_form("/api/account/password", Auth::Cookie(&cookie), &[], form);
    let wrong = change(
        "current_password=nope&new_password=tess-chosen-9&new_password_confirm=tess-chosen-9",
    );
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("current_password"), "{}", wrong.body);
    let mismatch = change(
        "current_password=temporary-pass-7&new_password=tess-chosen-9&new_password_confirm=other",
    );
    assert_eq!(mismatch.status, 422);
    let same = change("current_password=temporary-pass-7&new_password=temporary-pass-7&new_password_confirm=temporary-pass-7");
    assert_eq!(same.status, 422);
    let weak =
        change("current_password=temporary-pass-7&new_password=tess&new_password_confirm=tess");
    assert_eq!(weak.status, 422);
    assert!(weak.body.contains("password_too_short"), "{}", weak.body);
    let done = change("current_password=temporary-pass-7&new_password=tess-chosen-9&new_password_confirm=tess-chosen-9");
    assert!(done.status < 400, "{}", done.body);
    let fresh = done.session_cookie().expect("a fresh session");

    // Everything works again, with the new password only.
    assert_eq!(app.get(USERS, Auth::Cookie(&fresh)).status, 200);
    assert_eq!(app.get(USERS, Auth::Bearer(&tess_token)).status, 200);
    assert_eq!(
        app.get(USERS, Auth::Basic("tess", "tess-chosen-9")).status,
        200
    );
    // The session from before the change ended with it.
    assert_ne!(app.get("/users", Auth::Cookie(&cookie)).status, 200);
    let user = app.get(&format!("{USERS}/{id}"), Auth::Bearer(&admin));
    assert_eq!(
        user.json()["data"]["attributes"]["password_change_required"],
        false
    );
}

/// Whether a token of the user still authenticates.
fn token_works(app: &common::TestApp, token: &str) -> bool {
    app.get("/api/account/get", Auth::Bearer(token)).status == 200
}

#[test]
fn an_admin_reset_ends_sessions_and_revokes_tokens_unless_told_not_to() {
    let app = spawn_app();
    let admin = app.admin_token();
    let id = app.create_user("rita", Some("rita-password-1"), false);
    let path = format!("{USERS}/{id}/set-password");

    let session = app.login("rita", "rita-password-1");
    let token = app.token_for(&id, &[]);
    let kept = app.post_json(
        &path,
        Auth::Bearer(&admin),
        &json!({"password": "rita-password-2", "revoke_tokens": false}),
    );
    assert_eq!(kept.status, 200, "{}", kept.body);
    assert_eq!(
        app.get("/api/account/get", Auth::Cookie(&session)).status,
        401
    );
    assert!(
        token_works(&app, &token),
        "revoke_tokens: false keeps tokens"
    );

    let session = app.login("rita", "rita-password-2");
    let reset = app.post_json(
        &path,
        Auth::Bearer(&admin),
        &json!({"password": "rita-password-3"}),
    );
    assert_eq!(reset.status, 200, "{}", reset.body);
    assert_eq!(
        app.get("/api/account/get", Auth::Cookie(&session)).status,
        401
    );
    assert!(!token_works(&app, &token), "tokens are revoked by default");
    let history = app.get(
        &format!(
            "/api/admin/v1/audit-log?filter[action]=user.set_password&filter[target]=user:{id}"
        ),
        Auth::Bearer(&admin),
    );
    let details: Vec<_> = history.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["attributes"]["detail"]["tokens_revoked"].clone())
        .collect();
    assert!(details.contains(&json!(true)), "{}", history.body);

    // The panel's form: the box is ticked by default (present when ticked).
    let token = app.token_for(&id, &[]);
    app.create_user("ada", Some("ada-password-1"), true);
    let cookie = app.login("ada", "ada-password-1");
    let form = app.post_form(
        "/api/users/set-password",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={id}&password=rita-password-4&revoke_tokens=on"),
    );
    assert!(form.status < 400, "{}", form.body);
    assert!(!token_works(&app, &token));
}

#[test]
fn changing_ones_own_password_can_revoke_ones_tokens() {
    let app = spawn_app();
    let id = app.create_user("otto", Some("otto-password-1"), false);
    let change = |cookie: &str, form: &str| {
        app.post_form("/api/account/password", Auth::Cookie(cookie), &[], form)
    };
    let kept = app.token_for(&id, &[]);
    let cookie = app.login("otto", "otto-password-1");
    let done = change(
        &cookie,
        "current_password=otto-password-1&new_password=otto-password-2&new_password_confirm=otto-password-2",
    );
    assert!(done.status < 400, "{}", done.body);
    assert!(token_works(&app, &kept), "unticked: tokens stay");

    let cookie = app.login("otto", "otto-password-2");
    let done = change(
        &cookie,
        "current_password=otto-password-2&new_password=otto-password-3&new_password_confirm=otto-password-3&revoke_tokens=on",
    );
    assert!(done.status < 400, "{}", done.body);
    assert!(!token_works(&app, &kept), "ticked: tokens are revoked");
}
