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

/// Parallel wrong passwords for one account: only the limit's worth are
/// verified (401); every other one is refused before hashing (429).
#[test]
fn a_burst_of_parallel_guesses_verifies_at_most_the_limit() {
    let app = spawn_app();
    app.create_user("uma", Some("uma-password-1"), true);
    // Half through the login form, half with Basic credentials, all at once.
    let guess = |i: usize| {
        if i.is_multiple_of(2) {
            app.post_form(
                "/api/auth/login",
                Auth::None,
                &[],
                "username=uma&password=wrong-guess",
            )
        } else {
            app.get(USERS, Auth::Basic("uma", "wrong-guess"))
        }
    };
    let (verified, limited) = burst(600, guess);
    assert!(
        verified <= MAX_FAILURES_PER_ACCOUNT as usize,
        "{verified} guesses verified"
    );
    assert_eq!(verified + limited, 600);
}

/// Sends `n` requests from 100 threads released at once, each sending its
/// share back to back: all of them arrive while the first guesses are still
/// being hashed. (Not `n` threads: `n` connections opened in the same
/// instant overflow the listening socket's queue, and the kernel resets some,
/// which would test the kernel.)
fn burst(n: usize, send: impl Fn(usize) -> common::Reply + Sync) -> (usize, usize) {
    const THREADS: usize = 100;
    let start = std::sync::Barrier::new(THREADS);
    let replies: Vec<common::Reply> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..THREADS)
            .map(|t| {
                let (start, send) = (&start, &send);
                scope.spawn(move || {
                    start.wait();
                    (t..n).step_by(THREADS).map(send).collect::<Vec<_>>()
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    });
    let mut counts = (0, 0);
    for reply in replies {
        match reply.status {
            401 => counts.0 += 1,
            429 => {
                assert!(reply.header("retry-after").is_some());
                counts.1 += 1;
            }
            other => panic!("{other}: {}", reply.body),
        }
    }
    counts
}
