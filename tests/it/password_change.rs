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
        &json!({"password": "temporary-pass-7", "temporary": true}),
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
