//! Password guessing is rate limited per account (and per address); other
//! traffic is not slowed.

use crate::common;

use common::{spawn_app, Auth};
use gatehouse::server::auth::limiter::MAX_FAILURES_PER_ACCOUNT;

const USERS: &str = "/api/admin/v1/users";

#[test]
fn repeated_failed_logins_get_429_with_retry_after() {
    let app = spawn_app();
    app.create_user("rita", Some("rita-password-1"), true);
    let token = app.admin_token();
    let attempt = |password: &str| {
        app.post_form(
            "/api/auth/login",
            Auth::None,
            &[],
            &format!("username=rita&password={password}"),
        )
    };
    for _ in 0..MAX_FAILURES_PER_ACCOUNT {
        assert_eq!(attempt("wrong-guess").status, 401);
    }
    let limited = attempt("wrong-guess");
    assert_eq!(limited.status, 429, "{}", limited.body);
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=300).contains(&retry));
    // While limited even the right password waits; Basic auth too.
    assert_eq!(attempt("rita-password-1").status, 429);
    let basic = app.get(USERS, Auth::Basic("rita", "rita-password-1"));
    assert_eq!(basic.status, 429);
    assert!(basic.header("retry-after").is_some());

    // Other accounts and token traffic are not slowed.
    app.create_user("sam", Some("sam-password-1"), true);
    assert!(app
        .login("sam", "sam-password-1")
        .starts_with("gatehouse_session="));
    assert_eq!(app.get(USERS, Auth::Bearer(&token)).status, 200);
}

#[test]
fn basic_auth_failures_count_too() {
    let app = spawn_app();
    app.create_user("tom", Some("tom-password-1"), true);
    for _ in 0..MAX_FAILURES_PER_ACCOUNT {
        assert_eq!(app.get(USERS, Auth::Basic("tom", "nope-nope")).status, 401);
    }
    let limited = app.get(USERS, Auth::Basic("tom", "nope-nope"));
    assert_eq!(limited.status, 429);
    assert_eq!(limited.json()["errors"][0]["code"], "rate_limited");
}
