//! Integration tests of the admin REST API, the panel's server functions and
//! page access, against the real router on a free port. The same tests run
//! on SQLite and (with GATEHOUSE_TEST_DATABASE_URL) on PostgreSQL.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth};
use serde_json::json;

const USERS: &str = "/api/admin/v1/users";

#[test]
fn missing_or_bad_credentials_get_401_with_a_challenge() {
    let app = spawn_app();
    let admin = app.create_user("root", Some("root-password-1"), true);
    let _ = admin;
    for auth in [
        Auth::None,
        Auth::Bearer("gh_not-a-real-token"),
        Auth::Basic("root", "wrong-password"),
        Auth::Basic("nobody", "root-password-1"),
    ] {
        let reply = app.get(USERS, auth);
        assert_eq!(reply.status, 401, "{}", reply.body);
        assert!(reply.header("www-authenticate").unwrap().contains("Bearer"));
        assert_eq!(reply.json()["errors"][0]["code"], "unauthenticated");
    }
    assert_eq!(
        app.get(USERS, Auth::Basic("root", "root-password-1"))
            .status,
        200
    );
}

#[test]
fn non_admins_are_refused_every_operation() {
    let app = spawn_app();
    let member = app.create_user("member", Some("member-password-1"), false);
    let token = app.token_for(&member, &[]);
    for reply in [
        app.get(USERS, Auth::Bearer(&token)),
        app.get(&format!("{USERS}/{member}"), Auth::Bearer(&token)),
        app.post_json(USERS, Auth::Bearer(&token), &json!({"username": "sneaky"})),
        app.get(USERS, Auth::Basic("member", "member-password-1")),
    ] {
        assert_eq!(reply.status, 403, "{}", reply.body);
        assert_eq!(reply.json()["errors"][0]["code"], "forbidden");
    }
}

#[test]
fn create_user_answers_201_409_422_and_400() {
    let app = spawn_app();
    let token = app.admin_token();
    let auth = || Auth::Bearer(&token);

    let created = app.post_json(
        USERS,
        auth(),
        &json!({"username": "alice", "password": "correct horse", "display_name": "Alice A", "email": "alice@example.org"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let doc = created.json();
    let id = doc["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(doc["data"]["type"], "user");
    assert_eq!(doc["data"]["attributes"]["username"], "alice");
    assert_eq!(doc["data"]["attributes"]["status"], "active");
    assert_eq!(doc["data"]["attributes"]["admin"], false);
    assert!(doc["data"]["attributes"].get("password").is_none());
    assert!(
        !created.body.contains("argon2"),
        "hash leaked: {}",
        created.body
    );
    assert_eq!(
        created.header("location"),
        Some(format!("{USERS}/{id}").as_str())
    );

    let duplicate = app.post_json(USERS, auth(), &json!({"username": "alice"}));
    assert_eq!(duplicate.status, 409);
    assert_eq!(duplicate.json()["errors"][0]["code"], "username_taken");
    assert_eq!(
        duplicate.json()["errors"][0]["source"]["pointer"],
        "/username"
    );

    let invalid = app.post_json(
        USERS,
        auth(),
        &json!({"username": "Bad Name", "email": "nope", "password": "short"}),
    );
    assert_eq!(invalid.status, 422);
    let errors = invalid.json()["errors"].as_array().unwrap().clone();
    let pointers: Vec<_> = errors
        .iter()
        .map(|e| e["source"]["pointer"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(pointers, ["/username", "/email", "/password"]);
    assert_eq!(errors[2]["code"], "password_too_short");

    let weak = app.post_json(
        USERS,
        auth(),
        &json!({"username": "bob", "password": "bob"}),
    );
    assert_eq!(weak.status, 422);

    let malformed = app.request(
        "POST",
        USERS,
        auth(),
        &[("Content-Type", "application/json")],
        Some("{\"username\":"),
    );
    assert_eq!(malformed.status, 400);
    assert_eq!(malformed.json()["errors"][0]["code"], "bad_request");
    let wrong_shape = app.post_json(USERS, auth(), &json!({"username": 42}));
    assert_eq!(wrong_shape.status, 400);
    let no_type = app.request("POST", USERS, auth(), &[], Some("{\"username\":\"carol\"}"));
    assert_eq!(no_type.status, 400);
}

#[test]
fn get_user_by_id_and_username() {
    let app = spawn_app();
    let token = app.admin_token();
    let id = app.create_user("dave", None, false);
    let reply = app.get(&format!("{USERS}/{id}"), Auth::Bearer(&token));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["data"]["attributes"]["username"], "dave");
    assert_eq!(reply.json()["links"]["self"], format!("{USERS}/{id}"));

    let missing = app.get(
        &format!("{USERS}/01JD0000000000000000000000"),
        Auth::Bearer(&token),
    );
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["errors"][0]["code"], "not_found");
    assert_eq!(
        app.get(&format!("{USERS}/not-an-id"), Auth::Bearer(&token))
            .status,
        404
    );

    let by_name = app.get(&format!("{USERS}/by-username/dave"), Auth::Bearer(&token));
    assert_eq!(by_name.json()["data"]["id"], id);
    assert_eq!(
        app.get(&format!("{USERS}/by-username/nobody"), Auth::Bearer(&token))
            .status,
        404
    );
    assert_eq!(
        app.get("/api/admin/v1/nothing-here", Auth::Bearer(&token))
            .status,
        404
    );
}

#[test]
fn list_pages_forwards_and_backwards_with_counts_and_filters() {
    let app = spawn_app();
    let token = app.admin_token();
    let ids: Vec<String> = (0..7)
        .map(|i| app.create_user(&format!("page-user-{i}"), None, i == 3))
        .collect();
    let get = |path: &str| {
        let reply = app.get(path, Auth::Bearer(&token));
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        reply.json()
    };
    let page_ids = |doc: &serde_json::Value| -> Vec<String> {
        doc["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect()
    };

    let first = get(&format!("{USERS}?filter[search]=page-user&page[first]=3"));
    assert_eq!(first["meta"]["count"], 7);
    assert_eq!(page_ids(&first), ids[0..3]);
    assert!(first["links"].get("prev").is_none());
    let second = get(first["links"]["next"].as_str().unwrap());
    assert_eq!(page_ids(&second), ids[3..6]);
    let third = get(second["links"]["next"].as_str().unwrap());
    assert_eq!(page_ids(&third), ids[6..7]);
    assert!(third["links"].get("next").is_none());
    let back = get(third["links"]["prev"].as_str().unwrap());
    assert_eq!(page_ids(&back), ids[3..6]);
    let back = get(back["links"]["prev"].as_str().unwrap());
    assert_eq!(page_ids(&back), ids[0..3]);
    assert!(back["links"].get("prev").is_none());

    let last = get(first["links"]["last"].as_str().unwrap());
    assert_eq!(page_ids(&last), ids[4..7]);

    let admins = get(&format!(
        "{USERS}?filter[search]=page-user&filter[admin]=true"
    ));
    assert_eq!(page_ids(&admins), [ids[3].clone()]);
    let locked = get(&format!("{USERS}?filter[status]=locked"));
    assert_eq!(locked["meta"]["count"], 0);
    // Whole-table counts come from counters: 7 users + the admin.
    assert_eq!(get(&format!("{USERS}?count=only"))["meta"]["count"], 8);
    assert!(get(&format!("{USERS}?count=only"))["data"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(get(&format!("{USERS}?count=false"))["meta"].is_null());
    assert_eq!(
        get(&format!(
            "{USERS}?filter[status]=active&filter[admin]=false"
        ))["meta"]["count"],
        6
    );
    // Short search terms (below the trigram size) still match.
    assert_eq!(
        get(&format!("{USERS}?filter[search]=-6"))["meta"]["count"],
        1
    );
    // Search is case-insensitive and covers display names and emails.
    assert_eq!(
        get(&format!("{USERS}?filter[search]=PAGE-USER-2"))["meta"]["count"],
        1
    );

    for (query, parameter) in [
        ("filter[bogus]=1", "filter[bogus]"),
        ("filter[status]=asleep", "filter[status]"),
        ("page[first]=1001", "page[first]"),
        ("page[after]=xyz", "page[after]"),
        ("count=maybe", "count"),
    ] {
        let reply = app.get(&format!("{USERS}?{query}"), Auth::Bearer(&token));
        assert_eq!(reply.status, 400, "{query}");
        assert_eq!(reply.json()["errors"][0]["source"]["parameter"], parameter);
    }
    // An empty filter is the same as none (as in the panel's forms).
    let reply = app.get(
        &format!("{USERS}?filter[status]=&filter[search]=&filter[inactive_days]="),
        Auth::Bearer(&token),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
}

#[test]
fn read_only_tokens_read_but_do_not_write() {
    let app = spawn_app();
    let admin = app.create_user("reader", Some("reader-password-1"), true);
    let token = app.token_for(&admin, &["urn:gatehouse:admin:read"]);
    assert_eq!(app.get(USERS, Auth::Bearer(&token)).status, 200);
    let reply = app.post_json(USERS, Auth::Bearer(&token), &json!({"username": "erin"}));
    assert_eq!(reply.status, 403);
}

#[test]
fn basic_auth_can_be_switched_off() {
    let app = spawn_app_with(|c| c.basic_auth = false);
    app.create_user("root", Some("root-password-1"), true);
    assert_eq!(
        app.get(USERS, Auth::Basic("root", "root-password-1"))
            .status,
        401
    );
}

#[test]
fn panel_session_login_list_logout() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);

    let bad = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=root&password=nope",
    );
    assert_eq!(bad.status, 401);
    assert!(bad.body.contains("InvalidCredentials"), "{}", bad.body);
    let unknown = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=ghost&password=nope",
    );
    assert_eq!(
        unknown.body, bad.body,
        "unknown user and wrong password look alike"
    );

    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=root&password=root-password-1",
    );
    let set_cookie = login.header("set-cookie").unwrap().to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let cookie = login.session_cookie().unwrap();

    let list = app.get("/api/users/list?filter[search]=root", Auth::Cookie(&cookie));
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.json()["items"][0]["username"], "root");
    // The REST API accepts the session too.
    assert_eq!(app.get(USERS, Auth::Cookie(&cookie)).status, 200);

    // Sessions live in the database: a new server instance still knows it.
    let other = app.restart();
    let agent_reply = ureq::get(&format!("{other}/api/users/list"))
        .set("Cookie", &cookie)
        .call()
        .unwrap();
    assert_eq!(agent_reply.status(), 200);

    let logout = app.post_form("/api/auth/logout", Auth::Cookie(&cookie), &[], "");
    assert!(logout.status < 400);
    assert_eq!(
        app.get("/api/users/list", Auth::Cookie(&cookie)).status,
        401
    );
    assert_eq!(app.get(USERS, Auth::Cookie(&cookie)).status, 401);
}

#[test]
fn cookie_mutations_from_other_origins_are_refused() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);
    let cookie = app.login("root", "root-password-1");
    let form = "username=csrf-victim";
    let evil = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[("Origin", "http://evil.example")],
        form,
    );
    assert_eq!(evil.status, 403);
    let cross_site = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[("Sec-Fetch-Site", "cross-site")],
        form,
    );
    assert_eq!(cross_site.status, 403);
    let host = app.base.trim_start_matches("http://").to_owned();
    let same = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[
            ("Origin", &format!("http://{host}")),
            ("Sec-Fetch-Site", "same-origin"),
        ],
        form,
    );
    assert!(same.status < 400, "{} {}", same.status, same.body);
    assert_eq!(
        app.get(
            &format!("{USERS}/by-username/csrf-victim"),
            Auth::Cookie(&cookie)
        )
        .status,
        200
    );
}

#[test]
fn basic_credentials_a_browser_attaches_do_not_pass_the_origin_check() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);
    let token = app.admin_token();
    // A browser that cached Basic credentials sends them on a cross-site
    // form post by itself.
    let evil = app.post_form(
        "/api/users/create",
        Auth::Basic("root", "root-password-1"),
        &[("Origin", "http://evil.example")],
        "username=basic-victim",
    );
    assert_eq!(evil.status, 403, "{}", evil.body);
    let path = format!("{USERS}/by-username/basic-victim");
    assert_eq!(app.get(&path, Auth::Bearer(&token)).status, 404);
    // A bearer token is set by a script on purpose: no CSRF.
    let scripted = app.post_form(
        "/api/users/create",
        Auth::Bearer(&token),
        &[("Origin", "http://elsewhere.example")],
        "username=scripted",
    );
    assert!(
        scripted.status < 400,
        "{} {}",
        scripted.status,
        scripted.body
    );
    // Scripts with Basic send no Origin at all, and still work.
    let curl = app.post_form(
        "/api/users/create",
        Auth::Basic("root", "root-password-1"),
        &[],
        "username=from-curl",
    );
    assert!(curl.status < 400, "{} {}", curl.status, curl.body);
}

#[test]
fn login_returns_only_to_paths_on_this_site() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);
    // A browser's form post (no JavaScript): answered with a redirect.
    let login = |next: &str| {
        let reply = app.post_form(
            "/api/auth/login",
            Auth::None,
            &[("Accept", "text/html")],
            &format!("username=root&password=root-password-1&next={next}"),
        );
        assert!(
            (300..400).contains(&reply.status),
            "{next}: {} {}",
            reply.status,
            reply.body
        );
        reply.header("location").unwrap_or_default().to_owned()
    };
    // Form-encoded: %09 is a tab, %0D%0A a line break, %5C a backslash.
    for evil in [
        "%2F%09%2Fevil.example",
        "%2F%5Cevil.example",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
        "%2Faccount%0D%0ASet-Cookie%3A%20a%3Db",
    ] {
        assert_eq!(login(evil), "/", "{evil}");
    }
    assert_eq!(login("%2Fusers%3Fsearch%3Dx"), "/users?search=x");
}

#[test]
fn server_function_create_reports_field_errors_with_status() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);
    let cookie = app.login("root", "root-password-1");
    let reply = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[],
        "username=Nope&password=x",
    );
    assert_eq!(reply.status, 422);
    assert!(
        reply.body.contains("Username must be lowercase."),
        "{}",
        reply.body
    );
    let ok = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[],
        "username=frank&admin=on",
    );
    assert!(ok.status < 400, "{}", ok.body);
    let frank = app
        .get(&format!("{USERS}/by-username/frank"), Auth::Cookie(&cookie))
        .json();
    assert_eq!(frank["data"]["attributes"]["admin"], true);
    // A plain HTML form post (no JavaScript) is redirected to the new user's page.
    let plain = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[
            ("Accept", "text/html"),
            ("Referer", &format!("{}/users/new", app.base)),
        ],
        "username=grace",
    );
    assert_eq!(plain.status, 302);
    assert!(plain.header("location").unwrap().starts_with("/users/"));
    // ... and on an error, back to the form with the error in the URL.
    let plain_bad = app.post_form(
        "/api/users/create",
        Auth::Cookie(&cookie),
        &[
            ("Accept", "text/html"),
            ("Referer", &format!("{}/users/new", app.base)),
        ],
        "username=grace",
    );
    assert_eq!(plain_bad.status, 302);
    assert!(plain_bad.header("location").unwrap().contains("__err="));
}

#[test]
fn pages_redirect_anonymous_and_refuse_non_admins() {
    let app = spawn_app();
    app.create_user("root", Some("root-password-1"), true);
    app.create_user("member", Some("member-password-1"), false);

    let anonymous = app.get("/users?filter%5Bsearch%5D=x", Auth::None);
    assert_eq!(anonymous.status, 303);
    assert_eq!(
        anonymous.header("location"),
        Some("/login?next=%2Fusers%3Ffilter%255Bsearch%255D%3Dx")
    );
    assert_eq!(app.get("/login", Auth::None).status, 200);

    let member = app.login("member", "member-password-1");
    let refused = app.get("/users", Auth::Cookie(&member));
    assert_eq!(refused.status, 403);
    assert!(
        refused.body.contains("Administrators only"),
        "{}",
        refused.body
    );
    assert_eq!(app.get("/account", Auth::Cookie(&member)).status, 200);
    assert_eq!(
        app.get("/", Auth::Cookie(&member)).header("location"),
        Some("/account")
    );
    // Organisation pages are admin pages too (so never cached).
    for page in ["/orgs", "/orgs/01ARZ3NDEKTSV4RRFFQ69G5FAV"] {
        assert_eq!(app.get(page, Auth::None).status, 303, "{page}");
        let refused = app.get(page, Auth::Cookie(&member));
        assert_eq!(refused.status, 403, "{page}");
        assert_eq!(refused.header("cache-control"), Some("no-store"), "{page}");
    }
    assert_eq!(
        app.get("/api/users/list", Auth::Cookie(&member)).status,
        403
    );

    let root = app.login("root", "root-password-1");
    let users = app.get("/users", Auth::Cookie(&root));
    assert_eq!(users.status, 200);
    // An administrator's start page is the dashboard, rendered in place.
    let home = app.get("/", Auth::Cookie(&root));
    assert_eq!(home.status, 200);
    assert!(home.body.contains("stat-users-total"), "{}", home.body);
    assert!(
        users.body.contains("member"),
        "server-rendered table lists users"
    );
    assert_eq!(app.get("/setup", Auth::None).status, 404);
    assert_eq!(app.get("/no-such-page", Auth::Cookie(&root)).status, 404);
}

#[test]
fn first_run_setup_exists_only_until_an_admin_exists() {
    let app = spawn_app();
    assert_eq!(
        app.get("/login", Auth::None).header("location"),
        Some("/setup")
    );
    let page = app.get("/setup", Auth::None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Create the first server administrator"));

    let mismatch = app.post_form(
        "/api/setup/admin",
        Auth::None,
        &[],
        "username=boss&password=boss-password-1&password_confirm=other",
    );
    assert_eq!(mismatch.status, 422);
    let weak = app.post_form(
        "/api/setup/admin",
        Auth::None,
        &[],
        "username=boss&password=x&password_confirm=x",
    );
    assert_eq!(weak.status, 422);
    let done = app.post_form(
        "/api/setup/admin",
        Auth::None,
        &[],
        "username=boss&password=boss-password-1&password_confirm=boss-password-1",
    );
    assert!(done.status < 400, "{}", done.body);
    let cookie = done.session_cookie().expect("setup logs the admin in");
    assert_eq!(
        app.get("/api/users/list", Auth::Cookie(&cookie)).status,
        200
    );

    assert_eq!(app.get("/setup", Auth::None).status, 404);
    let again = app.post_form(
        "/api/setup/admin",
        Auth::None,
        &[],
        "username=boss2&password=boss-password-1&password_confirm=boss-password-1",
    );
    assert_eq!(again.status, 404);
}

#[test]
fn command_line_creates_admins_and_tokens() {
    let app = spawn_app();
    let bin = env!("CARGO_BIN_EXE_gatehouse");
    let run = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("GATEHOUSE_DATA_DIR", &app.data_dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        &["create-admin", "--username", "ops", "--password-stdin"],
        "ops-password-1\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let weak = run(
        &["create-admin", "--username", "ops2", "--password-stdin"],
        "x\n",
    );
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 8 characters"));

    let out = run(
        &["token", "create", "--user", "ops", "--expires-in", "1h"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let secret = stdout.lines().last().unwrap();
    assert!(secret.starts_with("gh_"));
    assert_eq!(app.get(USERS, Auth::Bearer(secret)).status, 200);
    assert_eq!(
        app.get(USERS, Auth::Basic("ops", "ops-password-1")).status,
        200
    );

    let unknown = run(&["token", "create", "--user", "nobody"], "");
    assert!(!unknown.status.success());
}

#[test]
fn every_response_has_a_content_security_policy_without_inline_scripts() {
    let app = spawn_app();
    app.admin_token();
    let page = app.get("/login", Auth::None);
    assert_eq!(page.status, 200);
    let policy = page
        .header("content-security-policy")
        .expect("a policy")
        .to_owned();
    let scripts = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(!scripts.contains("unsafe-inline"), "{policy}");
    // The page's inline scripts carry the nonce the policy names.
    let nonce = scripts
        .split_whitespace()
        .find_map(|s| s.strip_prefix("'nonce-"))
        .and_then(|s| s.strip_suffix('\''))
        .expect("a nonce");
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "{}",
        page.body
    );
    let again = app.get("/login", Auth::None);
    assert!(
        !again
            .header("content-security-policy")
            .unwrap()
            .contains(nonce),
        "a new nonce for every page"
    );
    // Everything else gets the policy without a nonce.
    for path in ["/api/admin/v1/users", "/api/doc/", "/api/doc/init.js"] {
        let reply = app.get(path, Auth::None);
        let policy = reply.header("content-security-policy").unwrap_or_default();
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{path}: {policy}"
        );
    }
    assert!(
        page.header("strict-transport-security").is_none(),
        "plain http"
    );
    let https = spawn_app_with(|c| c.public_url = "https://gatehouse.example".into());
    let reply = https.get("/api/admin/v1/users", Auth::None);
    assert_eq!(
        reply.header("strict-transport-security"),
        Some("max-age=31536000")
    );
}

#[test]
fn the_login_page_is_plain_html_and_the_panel_loads_after_it() {
    let app = spawn_app();
    app.create_user("plain", Some("plain-password-1"), true);
    let login = app.get("/login", Auth::None);
    assert_eq!(login.status, 200);
    assert!(
        login.body.contains("<form method=\"post\""),
        "{}",
        login.body
    );
    assert!(
        !login.body.contains("gatehouse.js") && !login.body.contains("gatehouse.wasm"),
        "a first visit does not download the panel: {}",
        login.body
    );
    let cookie = app.login("plain", "plain-password-1");
    let users = app.get("/users", Auth::Cookie(&cookie));
    assert_eq!(users.status, 200);
    assert!(users.body.contains("gatehouse.js"), "{}", users.body);
}
