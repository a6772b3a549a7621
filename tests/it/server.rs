//! What the server says about itself (`/server/version`, `/server/settings`,
//! `/server/stats`), the operations endpoints (`/metrics`, `/health/*`), and
//! that no configured secret ever shows in a response, a page or a log line.
//! SQLite, and PostgreSQL with GATEHOUSE_TEST_DATABASE_URL.

use crate::common;

use std::{
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use common::{spawn_app, spawn_app_with, Auth};
use gatehouse::{model::REDACTED, server::config::Secret};
use serde_json::Value;

const SERVER: &str = "/api/admin/v1/server";
const SECRET: &str = "Zebra-Metrics-Secret-7f3a";

fn attributes(reply: &common::Reply) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]["attributes"].clone()
}

#[test]
fn version_settings_and_stats_are_for_administrators() {
    let app = spawn_app();
    let admin = app.admin_token();
    let member = app.create_user("srv-member", Some("member-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    let read_only = app.token_for(
        &app.create_user("srv-reader", None, true),
        &["urn:gatehouse:admin:read"],
    );

    let version = app.get(&format!("{SERVER}/version"), Auth::Bearer(&admin));
    let doc = version.json();
    assert_eq!(doc["data"]["type"], "server_version");
    assert_eq!(doc["data"]["id"], "current");
    assert_eq!(doc["links"]["self"], format!("{SERVER}/version"));
    let v = attributes(&version);
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert!(!v["git_commit"].as_str().unwrap().is_empty());
    assert!(!v["build_time"].as_str().unwrap().is_empty());
    let backend = if app.database_url.starts_with("sqlite") {
        "sqlite"
    } else {
        "postgres"
    };
    assert_eq!(v["database"], backend);
    assert!(v["database_version"]
        .as_str()
        .unwrap()
        .chars()
        .next()
        .unwrap()
        .is_ascii_digit());

    for path in ["version", "settings", "stats"] {
        let path = format!("{SERVER}/{path}");
        assert_eq!(
            app.get(&path, Auth::Bearer(&read_only)).status,
            200,
            "{path}"
        );
        assert_eq!(
            app.get(&path, Auth::Bearer(&member_token)).status,
            403,
            "{path}"
        );
        assert_eq!(app.get(&path, Auth::None).status, 401, "{path}");
    }

    let settings = attributes(&app.get(&format!("{SERVER}/settings"), Auth::Bearer(&admin)));
    let sections: Vec<&str> = settings["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for name in [
        "server",
        "database",
        "session",
        "auth",
        "admin_api",
        "registration",
        "metrics",
    ] {
        assert!(sections.contains(&name), "{name} in {sections:?}");
    }
    let url = settings["sections"][1]["settings"][0].clone();
    assert_eq!(url["key"], "url");
    assert_eq!(url["env"], "DATABASE_URL");
}

#[test]
fn stats_count_users_logins_and_refresh_after_the_cache_interval() {
    let app = spawn_app();
    let admin = app.admin_token();
    let stats = || attributes(&app.get(&format!("{SERVER}/stats"), Auth::Bearer(&admin)));
    let before = stats();
    assert_eq!(before["daily"].as_array().unwrap().len(), 30);
    let total = before["users"]["total"].as_i64().unwrap();
    assert!(total >= 1, "{before}");
    for key in [
        "active_1d",
        "active_7d",
        "active_30d",
        "sessions_active",
        "tokens_active",
        "oauth2_clients",
        "orgs",
        "registration_tokens_valid",
        "admins_without_second_factor",
        "connected_now",
        "messages_queued",
        "jobs_running",
    ] {
        assert!(before[key].is_i64(), "{key}: {before}");
    }

    let user = app.create_user("srv-locked", Some("locked-password-1"), false);
    app.create_user("srv-admin", Some("admin-password-1"), true);
    app.login("srv-admin", "admin-password-1");
    let lock = app.request(
        "POST",
        &format!("/api/admin/v1/users/{user}/lock"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(lock.status, 200, "{}", lock.body);

    // Figures are at most STATS_MAX_AGE old.
    std::thread::sleep(gatehouse::server::ops::server::STATS_MAX_AGE + Duration::from_millis(200));
    let after = stats();
    assert_eq!(
        after["users"]["total"].as_i64().unwrap(),
        total + 2,
        "{after}"
    );
    assert_eq!(
        after["users"]["locked"].as_i64().unwrap(),
        before["users"]["locked"].as_i64().unwrap() + 1
    );
    assert_eq!(
        after["users"]["admins"].as_i64().unwrap(),
        before["users"]["admins"].as_i64().unwrap() + 1
    );
    let today = after["daily"].as_array().unwrap().last().unwrap().clone();
    let today_before = before["daily"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        today["signups"].as_i64().unwrap(),
        today_before["signups"].as_i64().unwrap() + 2
    );
    assert_eq!(
        today["logins"].as_i64().unwrap(),
        today_before["logins"].as_i64().unwrap() + 1
    );
    assert!(after["sessions_active"].as_i64().unwrap() >= 1);
}

#[test]
fn metrics_count_requests_by_route_and_health_probes_answer() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("srv-metrics", None, false);
    assert_eq!(
        app.get(&format!("/api/admin/v1/users/{user}"), Auth::Bearer(&admin))
            .status,
        200
    );
    assert_eq!(
        app.get(
            "/api/admin/v1/users/01JD3Z6Q9V8W7X6Y5Z4A3B2C1D",
            Auth::Bearer(&admin)
        )
        .status,
        404
    );

    let metrics = app.get("/metrics", Auth::None);
    assert_eq!(metrics.status, 200, "{}", metrics.body);
    assert!(metrics
        .header("content-type")
        .unwrap()
        .starts_with("text/plain"));
    let text = &metrics.body;
    assert!(
        text.contains("gatehouse_http_requests_total{method=\"GET\",route=\"/api/admin/v1/users/{id}\",status=\"200\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("route=\"/api/admin/v1/users/{id}\",status=\"404\"} 1"),
        "{text}"
    );
    assert!(text.contains("gatehouse_http_request_duration_seconds_bucket{route=\"/api/admin/v1/users/{id}\",le=\"+Inf\"} 2"));
    assert!(text.contains("gatehouse_db_pool_connections{state=\"idle\"}"));
    assert!(text.contains("gatehouse_connected_users 0"));

    let live = app.get("/health/live", Auth::None);
    assert_eq!(live.status, 200);
    assert_eq!(live.json()["status"], "ok");
    let ready = app.get("/health/ready", Auth::None);
    assert_eq!(ready.status, 200);
    assert_eq!(ready.json()["database"], "ok");

    // The metrics module off: /metrics is gone, on every request after.
    let off = app.request(
        "DELETE",
        "/api/admin/v1/modules/metrics",
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(app.get("/metrics", Auth::None).status, 404);
    let on = app.request(
        "PUT",
        "/api/admin/v1/modules/metrics",
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(on.status, 200);
    assert_eq!(app.get("/metrics", Auth::None).status, 200);
}

#[test]
fn secrets_never_appear_in_responses_pages_or_logs() {
    let app = spawn_app_with(|c| c.metrics_token = Some(Secret::new(SECRET.into())));
    let admin = app.admin_token();
    app.create_user("srv-root", Some("root-password-1"), true);
    let cookie = app.login("srv-root", "root-password-1");

    // /metrics wants the token.
    assert_eq!(app.get("/metrics", Auth::None).status, 401);
    assert_eq!(app.get("/metrics", Auth::Bearer("wrong")).status, 401);
    assert_eq!(app.get("/metrics", Auth::Bearer(SECRET)).status, 200);

    let settings = app.get(&format!("{SERVER}/settings"), Auth::Bearer(&admin));
    assert_eq!(settings.status, 200);
    assert!(!settings.body.contains(SECRET));
    let metrics_section = settings.json()["data"]["attributes"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "metrics")
        .cloned()
        .unwrap();
    assert_eq!(metrics_section["settings"][0]["value"], REDACTED);
    assert_eq!(metrics_section["settings"][0]["secret"], true);

    // The panel's settings page and its server function.
    let page = app.get("/settings", Auth::Cookie(&cookie));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(REDACTED),
        "the page shows the redacted value"
    );
    assert!(!page.body.contains(SECRET));
    let server_fn = app.get("/api/server/settings", Auth::Cookie(&cookie));
    assert_eq!(server_fn.status, 200, "{}", server_fn.body);
    assert!(!server_fn.body.contains(SECRET));
    for path in [
        "/api/admin/v1/audit-log",
        "/api/admin/v1/audit-log/export?format=jsonl",
        "/api/spec.json",
    ] {
        let reply = app.get(path, Auth::Bearer(&admin));
        assert!(!reply.body.contains(SECRET), "{path}");
    }

    // A server process with the secret in its environment and debug logs
    // as JSON: no line carries it, and requests are logged by route.
    let log_path = app.data_dir.join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gatehouse"))
        .env("GATEHOUSE_LISTEN", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", &app.database_url)
        .env("GATEHOUSE_DATA_DIR", &app.data_dir)
        .env("GATEHOUSE_METRICS_TOKEN", SECRET)
        .env("GATEHOUSE_LOG_FORMAT", "json")
        .env("RUST_LOG", "debug")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start gatehouse");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(15);
    while ureq::get(&format!("{base}/health/ready")).call().is_err() {
        assert!(
            Instant::now() < deadline,
            "the server process did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let auth = format!("Bearer {SECRET}");
    let ok = ureq::get(&format!("{base}/metrics"))
        .set("Authorization", &auth)
        .call()
        .unwrap();
    assert_eq!(ok.status(), 200);
    let _ = ureq::get(&format!("{base}/metrics?token={SECRET}")).call();
    let _ = ureq::get(&format!("{base}{SERVER}/settings"))
        .set("Authorization", &format!("Bearer {admin}"))
        .call()
        .unwrap();
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(!logged.contains(SECRET), "a log line carries the secret");
    let access: Vec<Value> = logged
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .filter(|l| l["message"] == "request")
        .collect();
    assert!(
        access
            .iter()
            .any(|l| l["route"] == "/metrics" && l["status"] == 200),
        "{logged}"
    );
}

#[test]
fn the_theme_is_remembered_and_served_on_the_page() {
    let app = spawn_app();
    // With an administrator the login page shows (else: first-run setup).
    app.create_user("theme_admin", Some("admin-password-1"), true);
    let choose = |form: &str| {
        app.post_form(
            "/ui/theme",
            Auth::None,
            &[("Origin", app.base.as_str())],
            form,
        )
    };
    let dark = choose("theme=dark&back=%2Flogin%3Fnext%3D%252Fusers");
    assert_eq!(dark.status, 303, "{}", dark.body);
    assert_eq!(dark.header("location"), Some("/login?next=%2Fusers"));
    let cookie = dark.header("set-cookie").unwrap_or_default().to_owned();
    assert!(cookie.starts_with("gatehouse_theme=dark;"), "{cookie}");
    // The page is served in the theme: nothing repaints it after loading.
    let html_tag = |reply: &common::Reply| {
        let start = reply
            .body
            .find("<html")
            .unwrap_or_else(|| panic!("{} {}", reply.status, reply.body));
        let end = start + reply.body[start..].find('>').unwrap();
        reply.body[start..end].to_owned()
    };
    let page = app.get("/login", Auth::Cookie("gatehouse_theme=dark"));
    assert!(
        html_tag(&page).contains(r#"data-theme="dark""#),
        "{}",
        html_tag(&page)
    );
    let system = app.get("/login", Auth::None);
    assert!(
        !html_tag(&system).contains("data-theme"),
        "no choice: the system's"
    );
    // "System" forgets the choice; a foreign return address is not followed.
    let forget = choose("theme=system&back=%2F%2Fevil.example%2F");
    assert_eq!(forget.header("location"), Some("/"));
    assert!(forget
        .header("set-cookie")
        .unwrap_or_default()
        .contains("Max-Age=0"));
    assert_eq!(choose("theme=purple").status, 400);
}

#[test]
fn old_panel_list_urls_move_to_the_api_filter_names() {
    let app = spawn_app();
    app.create_user("urls_admin", Some("admin-password-1"), true);
    let cookie = app.login("urls_admin", "admin-password-1");
    for auth in [Auth::None, Auth::Cookie(&cookie)] {
        for (old, new) in [
            (
                "/users?q=seed&dormant=30&size=10",
                "/users?filter%5Bsearch%5D=seed&filter%5Binactive_days%5D=30&size=10",
            ),
            (
                "/sessions?user=al+ice&active=true&after=X",
                "/sessions?filter%5Busername%5D=al%20ice&filter%5Bactive%5D=true&after=X",
            ),
            (
                "/audit?actor=urls_admin&target=user%3A01J",
                "/audit?filter%5Bactor%5D=urls_admin&filter%5Btarget%5D=user%3A01J",
            ),
            ("/orgs?search=main", "/orgs?filter%5Bsearch%5D=main"),
            (
                "/registration-tokens?filter=used",
                "/registration-tokens?filter%5Bused%5D=true",
            ),
        ] {
            let reply = app.get(old, auth);
            assert_eq!(reply.status, 308, "{old}: {}", reply.body);
            assert_eq!(reply.header("location"), Some(new), "{old}");
        }
    }
    // The new names are the page itself.
    let page = app.get(
        "/users?filter%5Bsearch%5D=seed&filter%5Binactive_days%5D=30&size=10",
        Auth::Cookie(&cookie),
    );
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains(r#"name="filter[search]""#),
        "the filter form uses the API names"
    );
}
