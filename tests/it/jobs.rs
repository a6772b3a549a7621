//! Background jobs (`/api/admin/v1/jobs`): listing, run-now, what each
//! built-in job does, pause-all and resume, and several instances sharing
//! one table, on SQLite and (with GATEHOUSE_TEST_DATABASE_URL) PostgreSQL.

use crate::common;

use std::time::{Duration, Instant};

use common::{spawn_app, spawn_app_with, start, test_config, Auth, Reply, TestApp};
use gatehouse::server::time::now_ms;
use serde_json::{json, Value};

const JOBS: &str = "/api/admin/v1/jobs";
const DAY_MS: i64 = 86_400_000;
const NAMES: [&str; 5] = [
    "audit_retention",
    "deactivate_dormant",
    "purge_expired",
    "rebuild_search_index",
    "recount_stats",
];

fn code(reply: &Reply) -> String {
    reply.json()["errors"][0]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error: {}", reply.body))
        .to_owned()
}

fn job(app: &TestApp, token: &str, name: &str) -> Value {
    let reply = app.get(&format!("{JOBS}/{name}"), Auth::Bearer(token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]["attributes"].clone()
}

fn run(app: &TestApp, token: &str, name: &str) -> Reply {
    app.request(
        "POST",
        &format!("{JOBS}/{name}/run"),
        Auth::Bearer(token),
        &[],
        None,
    )
}

fn pause(app: &TestApp, token: &str, paused: bool) -> Reply {
    app.post_json(
        &format!("{JOBS}/pause-all"),
        Auth::Bearer(token),
        &json!({ "paused": paused }),
    )
}

/// Polls the job until `done` holds (at most 20 s).
fn wait_for(app: &TestApp, token: &str, name: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let attrs = job(app, token, name);
        if done(&attrs) {
            return attrs;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{name} never got there: {attrs}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn finished(runs: i64) -> impl Fn(&Value) -> bool {
    move |j: &Value| j["runs"] == runs && j["state"] == "idle"
}

/// Runs SQL with integer and text arguments on the test's database.
fn exec(app: &TestApp, sql: &str, args: &[Value]) {
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            let mut q = sqlx::query(sql);
            for a in args {
                q = match a {
                    Value::Number(n) => q.bind(n.as_i64().unwrap()),
                    Value::String(s) => q.bind(s.clone()),
                    Value::Null => q.bind(None::<i64>),
                    other => panic!("unsupported argument {other}"),
                };
            }
            q.execute(pool).await.unwrap();
        })
    });
}

fn count(app: &TestApp, sql: &str) -> i64 {
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await.unwrap()
        })
    })
}

fn audit_count(app: &TestApp, action: &str) -> i64 {
    count(
        app,
        &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"),
    )
}

fn session(app: &TestApp, user: &str, id: &str, last_seen: i64, revoked: Option<i64>) {
    exec(
        app,
        "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, revoked_at) \
         VALUES ($1, $2, $3, $3, $4)",
        &[
            json!(id),
            json!(user),
            json!(last_seen),
            revoked.map_or(Value::Null, |r| json!(r)),
        ],
    );
}

#[test]
fn jobs_are_listed_and_read_with_every_status() {
    let app = spawn_app();
    let admin = app.admin_token();
    let list = app.get(JOBS, Auth::Bearer(&admin));
    assert_eq!(list.status, 200, "{}", list.body);
    let doc = list.json();
    let names: Vec<&str> = doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap())
        .collect();
    assert_eq!(names, NAMES);
    assert_eq!(doc["meta"]["count"], 5);
    for j in doc["data"].as_array().unwrap() {
        let a = &j["attributes"];
        assert_eq!(j["type"], "job");
        assert_eq!(a["state"], "idle");
        assert_eq!(a["paused"], false);
        assert_eq!(a["runs"], 0);
        assert!(a["description"].as_str().unwrap().len() > 10);
        // Scheduled jobs first run one interval after the first start.
        if a["name"] == "rebuild_search_index" {
            assert!(a["next_run_at"].is_null() && a["interval_seconds"].is_null());
        } else {
            assert!(a["next_run_at"].is_string() && a["interval_seconds"].as_i64() > Some(0));
        }
    }
    assert_eq!(job(&app, &admin, "purge_expired")["name"], "purge_expired");
    assert_eq!(
        app.get(&format!("{JOBS}/nope"), Auth::Bearer(&admin))
            .status,
        404
    );
    let r = run(&app, &admin, "nope");
    assert_eq!((r.status, code(&r)), (404, "not_found".into()));

    assert_eq!(app.get(JOBS, Auth::None).status, 401);
    let member = app.create_user("jobs-member", Some("member-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    assert_eq!(app.get(JOBS, Auth::Bearer(&member_token)).status, 403);
    assert_eq!(run(&app, &member_token, "purge_expired").status, 403);
    assert_eq!(pause(&app, &member_token, true).status, 403);
    let reader_id = app.create_user("jobs-reader", None, true);
    let reader = app.token_for(&reader_id, &["urn:gatehouse:admin:read"]);
    assert_eq!(app.get(JOBS, Auth::Bearer(&reader)).status, 200);
    let r = run(&app, &reader, "purge_expired");
    assert_eq!((r.status, code(&r)), (403, "insufficient_scope".into()));
    let r = pause(&app, &reader, true);
    assert_eq!((r.status, code(&r)), (403, "insufficient_scope".into()));

    // Malformed bodies are 400, never a change.
    for body in [
        json!({}),
        json!({"paused": "yes"}),
        json!({"paused": true, "x": 1}),
    ] {
        let r = app.post_json(&format!("{JOBS}/pause-all"), Auth::Bearer(&admin), &body);
        assert_eq!(r.status, 400, "{body}: {}", r.body);
    }
    assert_eq!(job(&app, &admin, "purge_expired")["paused"], false);
}

#[test]
fn purge_deletes_what_ended_long_ago_and_keeps_the_rest() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("purge-user", Some("user-password-1"), false);
    let now = now_ms();
    let old = now - 40 * DAY_MS;
    session(&app, &user, "s-revoked-old", old, Some(old));
    session(&app, &user, "s-idle-old", old, None);
    session(&app, &user, "s-revoked-recent", now, Some(now - DAY_MS));
    session(&app, &user, "s-active", now, None);
    for (id, expires, revoked) in [
        ("t-expired-old", Some(old), None),
        ("t-revoked-old", None, Some(old)),
        ("t-valid", Some(now + DAY_MS), None),
    ] {
        exec(
            &app,
            "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, \
             expires_at, revoked_at) VALUES ($1, $2, 'x', $1, '', $3, $4, $5)",
            &[
                json!(id),
                json!(user),
                json!(old),
                expires.map_or(Value::Null, |e| json!(e)),
                revoked.map_or(Value::Null, |r| json!(r)),
            ],
        );
    }

    let queued = run(&app, &admin, "purge_expired");
    assert_eq!(queued.status, 202, "{}", queued.body);
    assert_eq!(queued.json()["data"]["attributes"]["state"], "queued");
    let done = wait_for(&app, &admin, "purge_expired", finished(1));
    assert_eq!(done["done"], 4, "{done}");
    assert_eq!(done["total"], 4, "{done}");
    assert!(done["last_error"].is_null());
    assert!(done["last_result"].as_str().unwrap().contains("purged 4"));
    assert!(done["next_run_at"].is_string());
    let left = |table: &str| count(&app, &format!("SELECT COUNT(*) FROM {table}"));
    assert_eq!(left("user_sessions"), 2, "recent and active sessions stay");
    let tokens = count(
        &app,
        "SELECT COUNT(*) FROM api_tokens WHERE id IN ('t-expired-old', 't-revoked-old')",
    );
    assert_eq!(tokens, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM api_tokens WHERE id = 't-valid'"),
        1
    );
    assert_eq!(audit_count(&app, "job.run"), 1);
    // One record per kind purged: sessions and tokens.
    assert_eq!(audit_count(&app, "job.purge"), 2);

    // Running it again with nothing to do still finishes.
    assert_eq!(run(&app, &admin, "purge_expired").status, 202);
    let again = wait_for(&app, &admin, "purge_expired", finished(2));
    assert_eq!(again["done"], 0);
}

#[test]
fn pause_all_stops_a_run_between_batches_and_resume_continues_it() {
    // Six batches with a pause after each: slow enough to catch mid-run.
    let app = spawn_app_with(|c| c.jobs.batch_pause_ms = 400);
    let admin = app.admin_token();
    // A drifted total, which the recount corrects.
    exec(
        &app,
        "UPDATE user_counts SET n = 999 WHERE status = 'locked' AND admin = FALSE",
        &[],
    );
    assert_eq!(run(&app, &admin, "recount_stats").status, 202);
    let again = run(&app, &admin, "recount_stats");
    assert_eq!((again.status, code(&again)), (409, "job_running".into()));
    let running = wait_for(&app, &admin, "recount_stats", |j| {
        j["state"] == "running" && j["done"].as_i64() >= Some(1)
    });
    assert_eq!(running["total"], 6);
    let started_at = running["started_at"].clone();

    let paused = pause(&app, &admin, true);
    assert_eq!(paused.status, 200, "{}", paused.body);
    assert_eq!(paused.json(), json!({"state": "paused", "affected": 5}));
    // The run stops after the batch in hand: within a second.
    let asked = Instant::now();
    let stopped = wait_for(&app, &admin, "recount_stats", |j| j["state"] == "paused");
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "{:?}",
        asked.elapsed()
    );
    let done_then = stopped["done"].as_i64().unwrap();
    assert!(done_then < 6, "{stopped}");
    std::thread::sleep(Duration::from_millis(1200));
    let still = job(&app, &admin, "recount_stats");
    assert_eq!(
        still["done"].as_i64().unwrap(),
        done_then,
        "no progress while paused"
    );
    assert_eq!(still["runs"], 0);
    let r = run(&app, &admin, "purge_expired");
    assert_eq!((r.status, code(&r)), (409, "jobs_paused".into()));
    // Idempotent: nothing more to pause.
    assert_eq!(pause(&app, &admin, true).json()["affected"], 0);
    assert_eq!(audit_count(&app, "jobs.pause"), 1);

    let resumed = pause(&app, &admin, false);
    assert_eq!(resumed.json(), json!({"state": "running", "affected": 5}));
    let done = wait_for(&app, &admin, "recount_stats", finished(1));
    assert_eq!(
        (done["done"].clone(), done["total"].clone()),
        (json!(6), json!(6))
    );
    assert_eq!(done["started_at"], started_at, "the same run continued");
    assert_eq!(audit_count(&app, "jobs.resume"), 1);
    assert_eq!(
        audit_count(&app, "stats.recount"),
        1,
        "one group had drifted"
    );
    assert_eq!(
        count(
            &app,
            "SELECT n FROM user_counts WHERE status = 'locked' AND admin = FALSE"
        ),
        0
    );
    let stats = app.get("/api/admin/v1/server/stats", Auth::Bearer(&admin));
    assert_eq!(stats.json()["data"]["attributes"]["users"]["locked"], 0);
}

#[test]
fn dormant_accounts_are_deactivated_only_under_a_policy() {
    let app = spawn_app_with(|c| {
        c.jobs.dormant_after_days = Some(30);
        c.jobs.batch_size = 2;
    });
    let admin = app.admin_token();
    let old = now_ms() - 60 * DAY_MS;
    let mut dormant = Vec::new();
    for i in 0..5 {
        let id = app.create_user(&format!("sleeper-{i}"), None, false);
        if i < 3 {
            exec(
                &app,
                "UPDATE users SET last_seen_at = $1 WHERE id = $2",
                &[json!(old), json!(id)],
            );
            dormant.push(id);
        }
    }
    let old_admin = app.create_user("old-admin", None, true);
    exec(
        &app,
        "UPDATE users SET last_seen_at = $1 WHERE id = $2",
        &[json!(old), json!(old_admin)],
    );
    assert_eq!(run(&app, &admin, "deactivate_dormant").status, 202);
    let done = wait_for(&app, &admin, "deactivate_dormant", finished(1));
    assert_eq!(
        (done["done"].clone(), done["total"].clone()),
        (json!(3), json!(3))
    );
    for id in &dormant {
        let user = app.get(&format!("/api/admin/v1/users/{id}"), Auth::Bearer(&admin));
        assert_eq!(user.json()["data"]["attributes"]["status"], "deactivated");
    }
    let admin_user = app.get(
        &format!("/api/admin/v1/users/{old_admin}"),
        Auth::Bearer(&admin),
    );
    assert_eq!(
        admin_user.json()["data"]["attributes"]["status"],
        "active",
        "administrators are never deactivated by the job"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'user.deactivate' \
             AND actor_name = 'job:deactivate_dormant' AND actor_type = 'system'"
        ),
        3
    );

    // Without a policy the job does nothing.
    let off = spawn_app();
    let off_admin = off.admin_token();
    let id = off.create_user("sleeper", None, false);
    exec(
        &off,
        "UPDATE users SET last_seen_at = $1 WHERE id = $2",
        &[json!(old), json!(id)],
    );
    assert_eq!(run(&off, &off_admin, "deactivate_dormant").status, 202);
    let done = wait_for(&off, &off_admin, "deactivate_dormant", finished(1));
    assert_eq!(done["done"], 0);
    assert!(done["last_result"].as_str().unwrap().starts_with("off"));
    let user = off.get(
        &format!("/api/admin/v1/users/{id}"),
        Auth::Bearer(&off_admin),
    );
    assert_eq!(user.json()["data"]["attributes"]["status"], "active");
}

#[test]
fn audit_retention_and_the_index_rebuild() {
    let app = spawn_app_with(|c| {
        c.jobs.audit_retention_days = Some(30);
        c.jobs.batch_size = 2;
    });
    let admin = app.admin_token();
    for i in 0..5 {
        app.create_user(&format!("findable-{i}"), None, false);
    }
    let before = count(&app, "SELECT COUNT(*) FROM audit_log");
    assert!(before >= 5);
    exec(
        &app,
        "UPDATE audit_log SET at = $1",
        &[json!(now_ms() - 40 * DAY_MS)],
    );
    assert_eq!(run(&app, &admin, "audit_retention").status, 202);
    let done = wait_for(&app, &admin, "audit_retention", finished(1));
    assert_eq!(done["done"].as_i64().unwrap(), before, "{done}");
    // Left: the run request (made after the back-dating) and the purge records.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('job.run', 'audit.purge')"
        ),
        0
    );
    assert!(audit_count(&app, "audit.purge") >= 2, "one per batch");

    assert_eq!(run(&app, &admin, "rebuild_search_index").status, 202);
    let done = wait_for(&app, &admin, "rebuild_search_index", finished(1));
    assert_eq!(
        (done["done"].clone(), done["total"].clone()),
        (json!(2), json!(2))
    );
    assert!(done["last_error"].is_null(), "{done}");
    let found = app.get(
        "/api/admin/v1/users?filter[search]=findable",
        Auth::Bearer(&admin),
    );
    assert_eq!(found.json()["meta"]["count"], 5);
    assert_eq!(audit_count(&app, "search_index.rebuild"), 1);
}

#[test]
fn several_instances_share_the_jobs_and_run_each_once() {
    let app = spawn_app();
    let admin = app.admin_token();
    let others: Vec<String> = (0..2)
        .map(|_| start(&app.rt, test_config(&app.database_url, &app.data_dir)).1)
        .collect();
    assert_eq!(others.len(), 2);
    assert_eq!(run(&app, &admin, "recount_stats").status, 202);
    wait_for(&app, &admin, "recount_stats", finished(1));
    // Past the dashboard's 2 s cache too: the last batch refreshed it while
    // the job still counted as running.
    std::thread::sleep(Duration::from_millis(2100));
    let after = job(&app, &admin, "recount_stats");
    assert_eq!(after["runs"], 1, "claimed by exactly one instance");

    // Stats and metrics show the jobs.
    let stats = app.get("/api/admin/v1/server/stats", Auth::Bearer(&admin));
    assert_eq!(stats.json()["data"]["attributes"]["jobs_running"], 0);
    let metrics = app.get("/metrics", Auth::None);
    assert!(metrics
        .body
        .contains("gatehouse_job_state{job=\"recount_stats\",state=\"idle\"} 1"));
}

#[test]
fn the_panel_server_functions_list_run_and_pause() {
    let app = spawn_app();
    app.create_user("jobs-admin", Some("jobs-admin-pw-1"), true);
    let cookie = app.login("jobs-admin", "jobs-admin-pw-1");
    let same_origin = [("Origin", app.base.as_str())];
    let list = app.get("/api/jobs/list", Auth::Cookie(&cookie));
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.json().as_array().unwrap().len(), 5);
    let r = app.post_form(
        "/api/jobs/run",
        Auth::Cookie(&cookie),
        &same_origin,
        "name=rebuild_search_index",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["state"], "queued");
    let r = app.post_form(
        "/api/jobs/pause-all",
        Auth::Cookie(&cookie),
        &same_origin,
        "paused=true",
    );
    assert_eq!(r.json()["state"], "paused");
    let r = app.post_form(
        "/api/jobs/pause-all",
        Auth::Cookie(&cookie),
        &same_origin,
        "paused=maybe",
    );
    assert_eq!(r.status, 400);
    let r = app.post_form(
        "/api/jobs/pause-all",
        Auth::Cookie(&cookie),
        &same_origin,
        "paused=false",
    );
    assert_eq!(r.json()["state"], "running");

    app.create_user("jobs-member", Some("member-password-1"), false);
    let member = app.login("jobs-member", "member-password-1");
    assert_eq!(app.get("/api/jobs/list", Auth::Cookie(&member)).status, 403);
    assert_eq!(app.get("/jobs", Auth::Cookie(&member)).status, 403);
}
