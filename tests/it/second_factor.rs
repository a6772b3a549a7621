//! Second factors: authenticator apps (codes computed here by `totp-lite`,
//! not by the server's implementation), recovery codes, the half-finished
//! sign-in, rate limits, the policy, HTTP Basic, step-up and the
//! administrator's reset.

use crate::common;

use common::{spawn_app, spawn_app_with, totp_code, Auth, Reply, TestApp};
use gatehouse::server::config::SecondFactorPolicy;

const PASSWORD: &str = "correct-horse-9";

/// A member with an authenticator app: (user id, its secret, the full
/// session it was added from).
fn member_with_totp(app: &TestApp, username: &str) -> (String, String, String) {
    let id = app.create_user(username, Some(PASSWORD), false);
    let cookie = app.login(username, PASSWORD);
    let secret = app.enrol_totp(&cookie);
    (id, secret, cookie)
}

/// The second step with `code` on the half-finished sign-in `cookie`.
fn second_step(app: &TestApp, cookie: &str, code: &str) -> Reply {
    app.post_form(
        "/api/auth/second-factor",
        Auth::Cookie(cookie),
        &[],
        &format!("code={}", urlencoding::encode(code)),
    )
}

fn assert_refused(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert!(reply.body.contains(code), "{code}: {}", reply.body);
}

fn audit_actions(app: &TestApp, user_id: &str) -> Vec<String> {
    let token = app.admin_token();
    let reply = app.get(
        &format!("/api/admin/v1/audit-log?filter[target]=user:{user_id}&page[first]=100"),
        Auth::Bearer(&token),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["attributes"]["action"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_authenticator_app_signs_in_once_per_code() {
    let app = spawn_app();
    let (id, secret, _) = member_with_totp(&app, "tina");

    let pending = app.login_first_step("tina", PASSWORD);
    // The half-finished sign-in grants nothing but the second step.
    assert_eq!(app.get("/api/auth/me", Auth::Cookie(&pending)).body, "null");
    for path in ["/api/account/get", "/api/account/security/get"] {
        assert_eq!(app.get(path, Auth::Cookie(&pending)).status, 401, "{path}");
    }
    let step = app.get("/api/auth/second-factor/get", Auth::Cookie(&pending));
    assert_eq!(step.status, 200, "{}", step.body);
    assert_eq!(step.json()["totp"], true);
    assert_eq!(step.json()["username"], "tina");

    // The code that confirmed the app is spent; a wrong one is refused.
    assert_refused(
        &second_step(&app, &pending, &totp_code(&secret, 0)),
        422,
        "code_invalid",
    );
    assert_refused(&second_step(&app, &pending, "000000"), 422, "code_invalid");
    // The next step's code (within the allowed drift) signs in.
    let next = totp_code(&secret, 1);
    let signed_in = second_step(&app, &pending, &next);
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let cookie = signed_in.session_cookie().expect("a new session id");
    let me = app.get("/api/auth/me", Auth::Cookie(&cookie));
    assert_eq!(me.json()["username"], "tina", "{}", me.body);

    // The same code again, in another sign-in: refused (no replay).
    let again = app.login_first_step("tina", PASSWORD);
    assert_refused(&second_step(&app, &again, &next), 422, "code_invalid");
    let actions = audit_actions(&app, &id);
    assert!(
        actions.contains(&"second_factor.enrol".to_owned()),
        "{actions:?}"
    );
    let failures = actions
        .iter()
        .filter(|a| *a == "second_factor.fail")
        .count();
    assert_eq!(failures, 3, "{actions:?}");
}

#[test]
fn recovery_codes_work_once_each() {
    let app = spawn_app();
    let (id, _, cookie) = member_with_totp(&app, "rita");
    let pending = app.login_first_step("rita", PASSWORD);
    // Nothing but the second step from a half-finished sign-in.
    let refused = app.post_form(
        "/api/account/security/recovery-codes",
        Auth::Cookie(&pending),
        &[],
        "",
    );
    assert_eq!(refused.status, 401, "{}", refused.body);

    let codes = app.post_form(
        "/api/account/security/recovery-codes",
        Auth::Cookie(&cookie),
        &[],
        "",
    );
    assert_eq!(codes.status, 200, "{}", codes.body);
    let codes: Vec<String> = serde_json::from_str(&codes.body).unwrap();
    assert_eq!(codes.len(), 10);
    let overview = app
        .get("/api/account/security/get", Auth::Cookie(&cookie))
        .json();
    assert_eq!(overview["recovery_codes_left"], 10);
    // Typed in capitals, without the dash: the same code.
    let typed = codes[3].to_uppercase().replace('-', "");
    assert_eq!(second_step(&app, &pending, &typed).status, 200);
    let again = app.login_first_step("rita", PASSWORD);
    assert_refused(&second_step(&app, &again, &codes[3]), 422, "code_invalid");
    assert_eq!(second_step(&app, &again, &codes[4]).status, 200);
    let overview = app
        .get("/api/account/security/get", Auth::Cookie(&cookie))
        .json();
    assert_eq!(overview["recovery_codes_left"], 8);
    // New codes replace the old ones.
    let fresh = app.post_form(
        "/api/account/security/recovery-codes",
        Auth::Cookie(&cookie),
        &[],
        "",
    );
    assert_eq!(fresh.status, 200);
    let third = app.login_first_step("rita", PASSWORD);
    assert_refused(&second_step(&app, &third, &codes[5]), 422, "code_invalid");
    // Without JavaScript: the form post goes back to the page, which shows
    // the new codes once.
    let plain = app.post_form(
        "/api/account/security/recovery-codes",
        Auth::Cookie(&cookie),
        &[("Accept", "text/html")],
        "",
    );
    assert_eq!(
        plain.header("location"),
        Some("/account/security?codes=new")
    );
    let shown = app
        .get("/api/account/security/get", Auth::Cookie(&cookie))
        .json();
    assert_eq!(
        shown["new_recovery_codes"].as_array().unwrap().len(),
        10,
        "{shown}"
    );
    let again = app
        .get("/api/account/security/get", Auth::Cookie(&cookie))
        .json();
    assert_eq!(again["new_recovery_codes"].as_array().unwrap().len(), 0);
    let actions = audit_actions(&app, &id);
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "second_factor.recovery_code_used")
            .count(),
        2,
        "{actions:?}"
    );
}

#[test]
fn wrong_codes_are_rate_limited_like_passwords() {
    let app = spawn_app_with(|c| {
        c.rate_limits.per_account = 3;
        c.rate_limits.per_ip = 1000;
    });
    let (_, secret, _) = member_with_totp(&app, "gina");
    let pending = app.login_first_step("gina", PASSWORD);
    for _ in 0..3 {
        assert_refused(&second_step(&app, &pending, "111111"), 422, "code_invalid");
    }
    // Even the right code waits now; a correct password does not reset it.
    let limited = second_step(&app, &pending, &totp_code(&secret, 1));
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert!(limited.header("retry-after").is_some());
    let again = app.login_first_step("gina", PASSWORD);
    assert_eq!(
        second_step(&app, &again, &totp_code(&secret, 1)).status,
        429
    );
}

#[test]
fn http_basic_is_refused_once_the_account_has_a_second_factor() {
    let app = spawn_app();
    app.create_user("basil", Some(PASSWORD), true);
    let users = "/api/admin/v1/users";
    assert_eq!(app.get(users, Auth::Basic("basil", PASSWORD)).status, 200);
    let cookie = app.login("basil", PASSWORD);
    app.enrol_totp(&cookie);
    let refused = app.get(users, Auth::Basic("basil", PASSWORD));
    assert_refused(&refused, 401, "second_factor_enrolled");
    assert!(refused.body.contains("personal token"), "{}", refused.body);
}

#[test]
fn the_policy_sends_admins_to_enrol_before_anything_else() {
    let app = spawn_app_with(|c| c.require_second_factor = SecondFactorPolicy::Admins);
    app.create_user("ada", Some(PASSWORD), true);
    app.create_user("max", Some(PASSWORD), false);
    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[("Accept", "text/html")],
        &format!("username=ada&password={PASSWORD}"),
    );
    assert_eq!(login.header("location"), Some("/account/security"));
    let cookie = login.session_cookie().unwrap();
    assert_refused(
        &app.get("/api/admin/v1/users", Auth::Cookie(&cookie)),
        403,
        "second_factor_required",
    );
    assert_refused(
        &app.get("/api/account/get", Auth::Cookie(&cookie)),
        403,
        "second_factor_required",
    );
    let page = app.get("/users", Auth::Cookie(&cookie));
    assert_eq!(
        page.header("location"),
        Some("/account/security"),
        "{}",
        page.status
    );
    assert_eq!(
        app.get("/account/security", Auth::Cookie(&cookie)).status,
        200
    );
    // Adding a factor lets the session go on.
    app.enrol_totp(&cookie);
    assert_eq!(
        app.get("/api/admin/v1/users", Auth::Cookie(&cookie)).status,
        200
    );
    // The last factor cannot go while the policy wants one.
    let factors = app
        .get("/api/account/security/get", Auth::Cookie(&cookie))
        .json();
    let factor = factors["factors"][0]["id"].as_str().unwrap().to_owned();
    let remove = app.post_form(
        "/api/account/security/remove",
        Auth::Cookie(&cookie),
        &[],
        &format!("id={factor}"),
    );
    assert_refused(&remove, 409, "second_factor_required");
    // Members are not covered by `admins`.
    let member = app.login("max", PASSWORD);
    assert_eq!(
        app.get("/api/account/get", Auth::Cookie(&member)).status,
        200
    );
}

#[test]
fn dangerous_changes_ask_again_once_the_window_has_passed() {
    // A window of 0 minutes: every dangerous change asks.
    let app = spawn_app_with(|c| c.step_up_minutes = 0);
    let id = app.create_user("stella", Some(PASSWORD), true);
    let cookie = app.login("stella", PASSWORD);
    let create_token = |cookie: &str| {
        app.post_form(
            "/api/tokens/create",
            Auth::Cookie(cookie),
            &[],
            &format!("user_id={id}&name=ci&scope=admin"),
        )
    };
    assert_refused(&create_token(&cookie), 403, "step_up_required");
    assert_refused(
        &app.post_form(
            "/api/allowlist/add",
            Auth::Cookie(&cookie),
            &[],
            "entry=10.0.0.0%2F8&confirm=on",
        ),
        403,
        "step_up_required",
    );
    // Reading and ordinary changes do not ask.
    assert_eq!(
        app.get("/api/admin/v1/users", Auth::Cookie(&cookie)).status,
        200
    );
    // Tokens (scripts) are not asked.
    let token = app.token_for(&id, &[]);
    let by_token = app.post_json(
        &format!("/api/admin/v1/users/{id}/tokens"),
        Auth::Bearer(&token),
        &serde_json::json!({"name": "script"}),
    );
    assert_eq!(by_token.status, 201, "{}", by_token.body);
    // Confirming: a wrong password is refused; the right one goes back.
    let wrong = app.post_form(
        "/api/auth/confirm",
        Auth::Cookie(&cookie),
        &[],
        "password=nope&next=%2Faccount",
    );
    assert_refused(&wrong, 422, "password_wrong");
    let confirm = app.post_form(
        "/api/auth/confirm",
        Auth::Cookie(&cookie),
        &[("Accept", "text/html")],
        &format!("password={PASSWORD}&next=%2Fusers%2F{id}"),
    );
    assert_eq!(
        confirm.header("location"),
        Some(format!("/users/{id}").as_str())
    );
    // No way out of this site.
    let away = app.post_form(
        "/api/auth/confirm",
        Auth::Cookie(&cookie),
        &[("Accept", "text/html")],
        &format!("password={PASSWORD}&next=%2F%2Fevil.example"),
    );
    assert_eq!(away.header("location"), Some("/account"));

    // With the default window, a fresh sign-in may do it at once.
    let relaxed = spawn_app();
    let rid = relaxed.create_user("rex", Some(PASSWORD), true);
    let fresh = relaxed.login("rex", PASSWORD);
    let created = relaxed.post_form(
        "/api/tokens/create",
        Auth::Cookie(&fresh),
        &[],
        &format!("user_id={rid}&name=ci&scope=admin"),
    );
    assert_eq!(created.status, 200, "{}", created.body);
}

#[test]
fn an_admin_removes_a_users_factors_and_their_sessions_end() {
    let app = spawn_app();
    let (id, _, cookie) = member_with_totp(&app, "lou");
    member_with_totp(&app, "kim");
    app.create_user("ned", Some(PASSWORD), false);
    let token = app.admin_token();
    let with = app.get(
        "/api/admin/v1/users?filter[has_second_factor]=true",
        Auth::Bearer(&token),
    );
    let mut names: Vec<String> = with.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["attributes"]["username"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["kim", "lou"], "{}", with.body);
    let without = app.get(
        "/api/admin/v1/users?filter[has_second_factor]=false&filter[admin]=false",
        Auth::Bearer(&token),
    );
    assert_eq!(
        without.json()["data"].as_array().unwrap().len(),
        1,
        "{}",
        without.body
    );
    let stats = app
        .get("/api/admin/v1/server/stats", Auth::Bearer(&token))
        .json();
    assert_eq!(
        stats["data"]["attributes"]["admins_without_second_factor"], 1,
        "{stats}"
    );

    let listed = app.get(
        &format!("/api/admin/v1/users/{id}/factors"),
        Auth::Bearer(&token),
    );
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert_eq!(listed.json()["data"][0]["attributes"]["kind"], "totp");
    assert!(!listed.body.contains("secret"), "{}", listed.body);

    let reset = app.request(
        "DELETE",
        &format!("/api/admin/v1/users/{id}/factors"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(reset.status, 200, "{}", reset.body);
    assert_eq!(reset.json()["meta"]["factors_removed"], 1);
    // The user's sessions ended; the next sign-in takes the password alone.
    assert_eq!(
        app.get("/api/account/get", Auth::Cookie(&cookie)).status,
        401
    );
    app.login("lou", PASSWORD);
    assert!(audit_actions(&app, &id).contains(&"second_factor.reset".to_owned()));
    let unknown = app.request(
        "DELETE",
        "/api/admin/v1/users/01JD0000000000000000000000/factors",
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(unknown.status, 404);
}
