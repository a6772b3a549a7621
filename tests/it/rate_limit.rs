//! Password guessing is rate limited per account (and per address); other
//! traffic is not slowed.

use crate::common;

use std::time::Duration;

use common::{spawn_app, spawn_app_with, Auth};
use gatehouse::server::auth::{limiter::MAX_FAILURES_PER_ACCOUNT, password::HashLimits};

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
    let (mut verified, mut limited) = (0, 0);
    for reply in burst(600, guess) {
        match reply.status {
            401 => verified += 1,
            429 => {
                assert!(reply.header("retry-after").is_some());
                limited += 1;
            }
            other => panic!("{other}: {}", reply.body),
        }
    }
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
fn burst(n: usize, send: impl Fn(usize) -> common::Reply + Sync) -> Vec<common::Reply> {
    const THREADS: usize = 100;
    let start = std::sync::Barrier::new(THREADS);
    std::thread::scope(|scope| {
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
    })
}

/// A burst of logins on a one-slot pool: logins that cannot get a
/// slot in time are told to come back (503, `Retry-After`), none fails
/// otherwise, and requests that need no hash go on being answered.
#[test]
fn a_full_hashing_pool_answers_503_and_other_requests_go_on() {
    let app = spawn_app_with(|c| {
        c.hashing = HashLimits {
            workers: 1,
            wait: Duration::from_millis(1),
        }
    });
    app.create_user("vera", Some("vera-password-1"), true);
    let token = app.admin_token();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (replies, listed) = std::thread::scope(|scope| {
        let lists = scope.spawn(|| {
            let mut statuses = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                statuses.push(app.get(USERS, Auth::Bearer(&token)).status);
            }
            statuses
        });
        // Unknown names from many addresses: each is hashed (against a
        // dummy hash) and none reaches a rate limit.
        let replies = burst(200, |i| {
            let (name, ip) = (format!("ghost{i}"), format!("198.51.100.{}", i % 200));
            app.request(
                "GET",
                USERS,
                Auth::Basic(&name, "some-password"),
                &[("X-Forwarded-For", &ip)],
                None,
            )
        });
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        (replies, lists.join().unwrap())
    });
    let mut busy = 0;
    for reply in &replies {
        match reply.status {
            401 => {}
            503 => {
                assert_eq!(reply.json()["errors"][0]["code"], "unavailable");
                assert!(reply.header("retry-after").is_some());
                busy += 1;
            }
            other => panic!("{other}: {}", reply.body),
        }
    }
    assert!(busy > 0, "200 logins at once on one slot: some must wait");
    assert!(busy < replies.len(), "and some get through");
    assert!(
        !listed.is_empty() && listed.iter().all(|s| *s == 200),
        "{listed:?}"
    );
    assert_eq!(
        app.get(USERS, Auth::Basic("vera", "vera-password-1"))
            .status,
        200
    );
}

/// A wrong Basic password for `username` sent to `base`: its status.
fn guess_at(base: &str, username: &str, xff: &str) -> u16 {
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{username}:wrong-guess"));
    match ureq::get(&format!("{base}{USERS}"))
        .set("Authorization", &format!("Basic {basic}"))
        .set("X-Forwarded-For", xff)
        .call()
    {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(status, _)) => status,
        Err(e) => panic!("{e}"),
    }
}

/// Guesses alternate between two instances on one database: together
/// they verify only the limit's worth.
fn two_instances_share_one_limit(a: &str, b: &str) {
    let statuses: Vec<u16> = (0..MAX_FAILURES_PER_ACCOUNT + 4)
        .map(|i| {
            let base = if i % 2 == 0 { a } else { b };
            guess_at(base, "wanda", &format!("192.0.2.{i}"))
        })
        .collect();
    let verified = statuses.iter().filter(|s| **s == 401).count();
    assert_eq!(verified, MAX_FAILURES_PER_ACCOUNT as usize, "{statuses:?}");
    assert!(statuses[MAX_FAILURES_PER_ACCOUNT as usize..]
        .iter()
        .all(|s| *s == 429));
}

#[test]
fn two_instances_on_one_database_share_the_limits() {
    let app = spawn_app();
    app.create_user("wanda", Some("wanda-password-1"), true);
    let second = app.restart();
    two_instances_share_one_limit(&app.base, &second);
}

#[test]
fn two_processes_on_one_postgresql_share_the_limits() {
    if std::env::var("GATEHOUSE_TEST_DATABASE_URL").is_err() {
        eprintln!("skipped: needs PostgreSQL (GATEHOUSE_TEST_DATABASE_URL)");
        return;
    }
    let app = spawn_app();
    app.create_user("wanda", Some("wanda-password-1"), true);
    let a = common::server_process(&app.database_url, &app.data_dir);
    let b = common::server_process(&app.database_url, &app.data_dir);
    two_instances_share_one_limit(&a.base, &b.base);
}

#[test]
fn ipv6_clients_are_limited_by_their_64() {
    let app = spawn_app_with(|c| c.rate_limits.per_ip = 5);
    // Five accounts guessed from five hosts of one /64: the network is spent.
    for i in 1..=5 {
        assert_eq!(
            guess_at(
                &app.base,
                &format!("acct{i}"),
                &format!("2001:db8:5:5::{i}")
            ),
            401
        );
    }
    assert_eq!(guess_at(&app.base, "acct9", "2001:db8:5:5:ffff::9"), 429);
    assert_eq!(
        guess_at(&app.base, "acct9", "2001:db8:5:6::1"),
        401,
        "the next /64 is another client"
    );
}
