//! Provisioning: the declarative file applied at start and by
//! `POST /server/provisioning/reload`, idempotently, all or nothing, with
//! one audit record per apply; on SQLite and (with
//! GATEHOUSE_TEST_DATABASE_URL) on PostgreSQL.

use crate::common;

use std::path::PathBuf;

use common::{spawn_app, spawn_app_with, test_config, Auth, Reply, TestApp};
use gatehouse::server::{auth::password, startup};
use serde_json::Value;

const RELOAD: &str = "/api/admin/v1/server/provisioning/reload";
const API: &str = "/api/admin/v1";
const ALICE_PASSWORD: &str = "alice-provisioned-pw";
const CLIENT_SECRET: &str = "ci-client-secret-0123456789";

fn unique() -> String {
    gatehouse::server::time::new_id().to_lowercase()
}

/// A provisioning file in a directory of its own.
fn write_file(text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gatehouse-prov-{}", unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("provisioning.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn alice_hash() -> String {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(password::Hasher::new(Default::default()).hash(ALICE_PASSWORD.into()))
        .unwrap()
}

/// The first file: every kind of item. `secret_var` names the environment
/// variable with the client secret (one per test: tests run in parallel).
fn first_file(hash: &str, secret_var: &str, alice_email: &str, extra: &str) -> String {
    format!(
        r#"# Provisioned by the tests.
[[orgs]]
name = "Engineering"

[[users]]
username = "alice"
display_name = "Alice"
email = "{alice_email}"
password_hash = "{hash}"
memberships = [{{ org = "Engineering", role = "editor" }}]

[[users]]
username = "bob"
memberships = [{{ org = "Engineering" }}]

[[oauth2_clients]]
name = "ci"
secret_env = "{secret_var}"
scopes = ["admin:read"]

[[allowlist]]
entry = "127.0.0.1"
note = "the tests"

[[allowlist]]
entry = "10.0.0.0/8"
note = "office"

[modules]
registration = false
{extra}"#
    )
}

fn attrs(reply: &Reply) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]["attributes"].clone()
}

fn user(app: &TestApp, token: &str, username: &str) -> Reply {
    app.get(
        &format!("{API}/users/by-username/{username}"),
        Auth::Bearer(token),
    )
}

/// (kind, name, outcome, changes) of one report item.
type Outcome = (String, String, String, Vec<String>);

/// The items of a report.
fn outcomes(report: &Value) -> Vec<Outcome> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_owned(),
                i["name"].as_str().unwrap().to_owned(),
                i["outcome"].as_str().unwrap().to_owned(),
                i["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// The provisioning audit records, oldest first: (actor type, detail).
fn audit_records(app: &TestApp) -> Vec<(String, Value)> {
    let sql = "SELECT actor_type, detail FROM audit_log WHERE action = $1 AND target_type = $2 ORDER BY id";
    app.rt
        .block_on(async {
            gatehouse::with_pool!(&app.state.db, pool => {
                sqlx::query_as::<_, (String, String)>(sql)
                    .bind("provisioning.reload")
                    .bind("provisioning")
                    .fetch_all(pool)
                    .await
                    .unwrap()
            })
        })
        .into_iter()
        .map(|(actor, detail)| (actor, serde_json::from_str(&detail).unwrap()))
        .collect()
}

fn audit_total(app: &TestApp) -> i64 {
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit_log")
                .fetch_one(pool)
                .await
                .unwrap()
        })
    })
}

fn item<'a>(items: &'a [Outcome], kind: &str, name: &str) -> &'a Outcome {
    items
        .iter()
        .find(|(k, n, _, _)| k == kind && n == name)
        .unwrap_or_else(|| panic!("no {kind} {name} in {items:?}"))
}

#[test]
fn applied_at_start_then_idempotent_and_only_what_changed_changes() {
    let var = format!("GH_TEST_SECRET_{}", unique().to_uppercase());
    std::env::set_var(&var, CLIENT_SECRET);
    let hash = alice_hash();
    let path = write_file(&first_file(&hash, &var, "alice@example.org", ""));
    let app = spawn_app_with(|c| c.provisioning_file = Some(path.clone()));
    let admin = app.admin_token();

    // Everything exists after the start.
    let alice = attrs(&user(&app, &admin, "alice"));
    assert_eq!(alice["display_name"], "Alice");
    assert_eq!(alice["email"], "alice@example.org");
    assert_eq!(alice["admin"], false);
    assert_eq!(alice["memberships"][0]["org_name"], "Engineering");
    assert_eq!(alice["memberships"][0]["role"], "editor");
    let bob = attrs(&user(&app, &admin, "bob"));
    assert_eq!(bob["memberships"][0]["role"], "viewer");
    assert!(bob["email"].is_null());
    // Alice logs in with the provisioned hash; bob has no password.
    app.login("alice", ALICE_PASSWORD);
    let refused = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=bob&password=anything-at-all",
    );
    assert!(refused.status >= 400, "{}", refused.body);

    let clients = app.get(&format!("{API}/oauth2-clients"), Auth::Bearer(&admin));
    assert_eq!(clients.status, 200, "{}", clients.body);
    let client = clients.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["attributes"]["name"] == "ci")
        .cloned()
        .expect("the ci client");
    assert_eq!(
        client["attributes"]["scopes"],
        serde_json::json!(["urn:gatehouse:admin:read"])
    );
    let client_id = client["id"].as_str().unwrap().to_owned();
    let token = app.post_form(
        "/oauth2/token",
        Auth::Basic(&client_id, CLIENT_SECRET),
        &[],
        "grant_type=client_credentials",
    );
    assert_eq!(token.status, 200, "{}", token.body);
    assert!(!clients.body.contains(CLIENT_SECRET));

    let allow = app.get(&format!("{API}/allowlist"), Auth::Bearer(&admin));
    assert_eq!(allow.status, 200, "{}", allow.body);
    assert!(allow.body.contains("10.0.0.0/8") && allow.body.contains("office"));
    let module = attrs(&app.get(&format!("{API}/modules/registration"), Auth::Bearer(&admin)));
    assert_eq!(module["enabled"], false);

    let records = audit_records(&app);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].0, "system");
    // Switching a module away from its default is a change.
    assert_eq!(records[0].1["created"], 8, "{}", records[0].1);
    assert_eq!(records[0].1["changed"], 1, "{}", records[0].1);
    let text = records[0].1.to_string();
    assert!(
        !text.contains("argon2") && !text.contains(CLIENT_SECRET),
        "{text}"
    );

    // The same file again: nothing to do, one more audit record listing it all.
    let before = audit_total(&app);
    let reply = app.reload_provisioning(&admin);
    let report = attrs(&reply);
    assert_eq!(reply.json()["data"]["type"], "provisioning_report");
    assert_eq!(
        (
            report["created"].as_u64(),
            report["changed"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(9)),
        "{report}"
    );
    assert!(outcomes(&report)
        .iter()
        .all(|(_, _, o, _)| o == "unchanged"));
    assert!(!reply.body.contains("argon2") && !reply.body.contains(CLIENT_SECRET));
    assert_eq!(audit_total(&app), before + 1);
    let records = audit_records(&app);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].0, "token");
    assert_eq!(records[1].1["unchanged"], 9);
    assert_eq!(records[1].1["items"].as_array().unwrap().len(), 9);

    // Change an email, add a user, switch the module back on.
    let edited = first_file(
        &hash,
        &var,
        "alice@example.com",
        "\n[[users]]\nusername = \"carol\"\nemail = \"carol@example.org\"\n",
    )
    .replace("registration = false", "registration = true");
    std::fs::write(&path, edited).unwrap();
    let report = attrs(&app.reload_provisioning(&admin));
    let items = outcomes(&report);
    assert_eq!(
        (
            report["created"].as_u64(),
            report["changed"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(1), Some(2), Some(7)),
        "{items:?}"
    );
    assert_eq!(item(&items, "user", "alice").2, "changed");
    assert_eq!(item(&items, "user", "alice").3, vec!["email".to_owned()]);
    assert_eq!(item(&items, "user", "carol").2, "created");
    assert_eq!(item(&items, "module", "registration").2, "changed");
    assert_eq!(item(&items, "user", "bob").2, "unchanged");
    assert_eq!(
        item(&items, "membership", "Engineering/alice").2,
        "unchanged"
    );
    assert_eq!(item(&items, "oauth2_client", "ci").2, "unchanged");
    assert_eq!(item(&items, "allowlist", "10.0.0.0/8").2, "unchanged");
    assert_eq!(
        attrs(&user(&app, &admin, "alice"))["email"],
        "alice@example.com"
    );
    assert_eq!(
        attrs(&user(&app, &admin, "carol"))["email"],
        "carol@example.org"
    );
    let module = attrs(&app.get(&format!("{API}/modules/registration"), Auth::Bearer(&admin)));
    assert_eq!(module["enabled"], true);
    // Alice's password still works: an unchanged hash is not rewritten.
    app.login("alice", ALICE_PASSWORD);

    // The panel's server function does the same for an admin session.
    app.create_user("panel-admin", Some("panel-admin-pw-1"), true);
    let cookie = app.login("panel-admin", "panel-admin-pw-1");
    let reply = app.post_form(
        "/api/server/provisioning/reload",
        Auth::Cookie(&cookie),
        &[],
        "",
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["unchanged"], 10, "{}", reply.body);
    assert_eq!(audit_records(&app).len(), 4);
}

fn errors(reply: &Reply) -> Vec<(String, Value)> {
    assert_eq!(reply.status, 422, "{}", reply.body);
    reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["code"].as_str().unwrap().to_owned(), e.clone()))
        .collect()
}

fn lines(errors: &[(String, Value)]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(code, e)| {
            (
                code.clone(),
                e["source"]["pointer"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_broken_file_changes_nothing_and_names_its_lines() {
    let var = format!("GH_TEST_SECRET_{}", unique().to_uppercase());
    std::env::set_var(&var, CLIENT_SECRET);
    let hash = alice_hash();
    let good = first_file(&hash, &var, "alice@example.org", "");
    let path = write_file(&good);
    let app = spawn_app_with(|c| c.provisioning_file = Some(path.clone()));
    let admin = app.admin_token();
    let before = audit_total(&app);
    let check_nothing_changed = |app: &TestApp| {
        assert_eq!(user(app, &admin, "dave").status, 404, "dave was created");
        assert_eq!(
            attrs(&user(app, &admin, "alice"))["email"],
            "alice@example.org"
        );
        let module = attrs(&app.get(&format!("{API}/modules/registration"), Auth::Bearer(&admin)));
        assert_eq!(module["enabled"], false);
        assert_eq!(
            audit_total(app),
            before,
            "a broken file wrote to the audit log"
        );
    };
    // Every broken file also asks for valid changes, which must not happen.
    let valid_changes = |text: &str| {
        text.replace("alice@example.org", "alice@example.net")
            .replace("registration = false", "registration = true")
    };

    // Bad TOML syntax: an unterminated string on line 3.
    let broken = format!(
        "[[users]]\nusername = \"dave\"\nemail = \"dave@example.org\n{}",
        valid_changes(&good)
    );
    std::fs::write(&path, broken).unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(
        lines(&errs),
        vec![("provisioning_syntax".into(), "/line/3".into())]
    );
    assert_eq!(errs[0].1["meta"]["line"], 3);
    check_nothing_changed(&app);

    // An unknown field on line 4.
    let broken = format!(
        "[[users]]\nusername = \"dave\"\n\nfavourite_colour = \"green\"\n{}",
        valid_changes(&good)
    );
    std::fs::write(&path, broken).unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(
        lines(&errs),
        vec![("provisioning_syntax".into(), "/line/4".into())]
    );
    assert!(
        errs[0].1["title"]
            .as_str()
            .unwrap()
            .contains("favourite_colour"),
        "{:?}",
        errs[0].1
    );
    check_nothing_changed(&app);

    // A bad username (line 2) and a membership naming no organisation (line 6),
    // both reported at once; the valid user on line 5 is not created.
    let broken = format!(
        "[[users]]\nusername = \"Not Valid\"\n\n[[users]]\nusername = \"dave\"\nmemberships = [{{ org = \"Nowhere\" }}]\n{}",
        valid_changes(&good)
    );
    std::fs::write(&path, broken).unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(
        lines(&errs),
        vec![
            ("provisioning_invalid".into(), "/line/2".into()),
            ("provisioning_unknown_org".into(), "/line/6".into()),
        ]
    );
    check_nothing_changed(&app);

    // A missing environment variable for a client secret.
    let broken = valid_changes(&good).replace(&var, "GH_TEST_SECRET_NOT_SET_ANYWHERE");
    std::fs::write(&path, broken).unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "provisioning_invalid");
    check_nothing_changed(&app);

    // No file at all: 422 about the file as a whole.
    std::fs::remove_file(&path).unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(errs[0].0, "provisioning_unreadable");
    assert_eq!(errs[0].1["meta"]["line"], 0);
    assert!(errs[0].1.get("source").is_none());
    check_nothing_changed(&app);

    // Fixed again: it applies.
    std::fs::write(&path, valid_changes(&good)).unwrap();
    let report = attrs(&app.reload_provisioning(&admin));
    assert_eq!(report["changed"], 2, "{report}");
}

#[test]
fn without_a_file_reload_is_409_and_only_admins_may_reload() {
    let app = spawn_app();
    let admin_id = app.create_user("prov-admin", Some("prov-admin-pw-1"), true);
    let admin = app.token_for(&admin_id, &[]);
    let read_only = app.token_for(&admin_id, &["urn:gatehouse:admin:read"]);
    let member_id = app.create_user("prov-member", Some("prov-member-pw-1"), false);
    let member = app.token_for(&member_id, &[]);

    let reply = app.reload_provisioning(&admin);
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(
        reply.json()["errors"][0]["code"],
        "provisioning_not_configured"
    );

    let reply = app.request("POST", RELOAD, Auth::None, &[], None);
    assert_eq!(reply.status, 401);
    assert!(reply.header("www-authenticate").is_some());
    let reply = app.reload_provisioning(&member);
    assert_eq!(reply.status, 403);
    assert_eq!(reply.json()["errors"][0]["code"], "forbidden");
    let reply = app.reload_provisioning(&read_only);
    assert_eq!(reply.status, 403);
    assert_eq!(reply.json()["errors"][0]["code"], "insufficient_scope");

    // The panel's server function answers the same.
    let cookie = app.login("prov-member", "prov-member-pw-1");
    let reply = app.post_form(
        "/api/server/provisioning/reload",
        Auth::Cookie(&cookie),
        &[],
        "",
    );
    assert_eq!(reply.status, 403, "{}", reply.body);
    let cookie = app.login("prov-admin", "prov-admin-pw-1");
    let reply = app.post_form(
        "/api/server/provisioning/reload",
        Auth::Cookie(&cookie),
        &[],
        "",
    );
    assert_eq!(reply.status, 409, "{}", reply.body);
}

#[test]
fn a_broken_file_at_start_stops_the_start() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let data_dir = std::env::temp_dir().join(format!("gatehouse-test-{}", unique()));
    std::fs::create_dir_all(&data_dir).unwrap();
    let url = common::fresh_database_url(&rt, &data_dir);
    let path = write_file("[[orgs]]\nname = \"Fine\"\n\n[[users]]\nusername = \"UPPER\"\n");
    let mut config = test_config(&url, &data_dir);
    config.provisioning_file = Some(path.clone());
    let message = rt.block_on(async {
        let state = startup::state(config).await.expect("state");
        match startup::router(state.clone()).await {
            Ok(_) => panic!("started with a broken provisioning file"),
            Err(e) => {
                // Nothing was applied.
                let orgs: i64 = gatehouse::with_pool!(&state.db, pool => {
                    sqlx::query_scalar("SELECT count(*) FROM orgs").fetch_one(pool).await.unwrap()
                });
                assert_eq!(orgs, 0);
                e.to_string()
            }
        }
    });
    assert!(message.contains("line 5"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
}

fn roles(app: &TestApp, token: &str, username: &str) -> Value {
    attrs(&user(app, token, username))["roles"].clone()
}

/// Two users with roles: `boss_roles` and `helpdesk_roles` are TOML arrays.
fn roles_file(boss_roles: &str, helpdesk_roles: &str) -> String {
    format!(
        "[[users]]\nusername = \"boss\"\nroles = {boss_roles}\n\n\
         [[users]]\nusername = \"hd\"\nroles = {helpdesk_roles}\n"
    )
}

#[test]
fn roles_are_provisioned_exactly_with_the_admin_guard_rails() {
    let path = write_file(&roles_file(
        r#"["server_admin"]"#,
        r#"["helpdesk", "auditor"]"#,
    ));
    let app = spawn_app_with(|c| c.provisioning_file = Some(path.clone()));
    let admin = app.admin_token();

    // Created with exactly the roles named; the admin flag mirrors server_admin.
    assert_eq!(
        roles(&app, &admin, "hd"),
        serde_json::json!(["helpdesk", "auditor"])
    );
    assert_eq!(attrs(&user(&app, &admin, "hd"))["admin"], false);
    assert_eq!(
        roles(&app, &admin, "boss"),
        serde_json::json!(["server_admin"])
    );
    assert_eq!(attrs(&user(&app, &admin, "boss"))["admin"], true);

    // Roles of an existing user are replaced; the same file again changes nothing.
    std::fs::write(
        &path,
        roles_file(r#"["server_admin"]"#, r#"["user_admin"]"#),
    )
    .unwrap();
    let report = attrs(&app.reload_provisioning(&admin));
    let items = outcomes(&report);
    assert_eq!(item(&items, "user", "hd").3, vec!["roles".to_owned()]);
    assert_eq!(item(&items, "user", "boss").2, "unchanged");
    assert_eq!(roles(&app, &admin, "hd"), serde_json::json!(["user_admin"]));
    let report = attrs(&app.reload_provisioning(&admin));
    assert_eq!(report["changed"], 0, "{report}");
    // `admin` stays the shorthand: it adds server_admin to the other roles.
    std::fs::write(&path, "[[users]]\nusername = \"hd\"\nadmin = true\n").unwrap();
    let report = attrs(&app.reload_provisioning(&admin));
    assert_eq!(
        item(&outcomes(&report), "user", "hd").3,
        vec!["admin".to_owned()]
    );
    assert_eq!(
        roles(&app, &admin, "hd"),
        serde_json::json!(["server_admin", "user_admin"])
    );
    // Back to user_admin only through roles: a demotion, allowed while
    // other administrators are left.
    std::fs::write(
        &path,
        roles_file(r#"["server_admin"]"#, r#"["user_admin"]"#),
    )
    .unwrap();
    let report = attrs(&app.reload_provisioning(&admin));
    assert_eq!(
        item(&outcomes(&report), "user", "hd").3,
        vec!["admin".to_owned()]
    );
    assert_eq!(attrs(&user(&app, &admin, "hd"))["admin"], false);

    // An unknown role, and roles with admin, are problems with their lines.
    let before = audit_total(&app);
    std::fs::write(
        &path,
        "[[users]]\nusername = \"hd\"\nroles = [\"helpdesk\", \"root\"]\n\n\
         [[users]]\nusername = \"newbie\"\nadmin = true\nroles = [\"auditor\"]\n",
    )
    .unwrap();
    let errs = errors(&app.reload_provisioning(&admin));
    assert_eq!(
        lines(&errs),
        vec![
            ("provisioning_invalid".into(), "/line/3".into()),
            ("provisioning_invalid".into(), "/line/8".into()),
        ]
    );
    assert!(
        errs[0].1.to_string().contains("unknown role 'root'"),
        "{:?}",
        errs[0].1
    );
    assert!(
        errs[1].1.to_string().contains("not both"),
        "{:?}",
        errs[1].1
    );
    assert_eq!(roles(&app, &admin, "hd"), serde_json::json!(["user_admin"]));
    assert_eq!(user(&app, &admin, "newbie").status, 404);
    assert_eq!(audit_total(&app), before);

    // Through roles as through admin: the caller keeps their own server_admin…
    let boss_id = app
        .rt
        .block_on(gatehouse::server::db::users::by_username(
            &app.state.db,
            "boss",
        ))
        .unwrap()
        .unwrap()
        .id;
    let boss = app.token_for(&boss_id, &[]);
    std::fs::write(&path, roles_file(r#"["auditor"]"#, r#"["user_admin"]"#)).unwrap();
    let reply = app.reload_provisioning(&boss);
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(reply.json()["errors"][0]["code"], "cannot_modify_self");
    assert_eq!(
        roles(&app, &admin, "boss"),
        serde_json::json!(["server_admin"])
    );

    // …and a file may not leave no active server_admin. The other
    // administrators step down first (the test's own admin goes by hand).
    let admins: Vec<String> = app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, String>("SELECT username FROM users WHERE admin = $1 AND username <> $2")
                .bind(true)
                .bind("boss")
                .fetch_all(pool)
                .await
                .unwrap()
        })
    });
    for name in &admins {
        app.rt.block_on(async {
            gatehouse::with_pool!(&app.state.db, pool => {
                sqlx::query(&format!(
                    "UPDATE users SET {} WHERE username = $2",
                    gatehouse::server::db::users::set_admin_sql(1)
                ))
                .bind(false)
                .bind(name)
                .execute(pool)
                .await
                .unwrap();
            })
        });
    }
    let refused = app
        .rt
        .block_on(gatehouse::server::ops::provisioning::apply_file(
            &app.state,
            &gatehouse::server::ops::Caller::system(),
            &path,
        ));
    match refused {
        Err(gatehouse::model::AppError::Conflict { code, .. }) => assert_eq!(code, "last_admin"),
        other => panic!("the last server_admin was demoted: {other:?}"),
    }
    assert_eq!(
        roles(&app, &boss, "boss"),
        serde_json::json!(["server_admin"])
    );
    // With another server_admin named by the file, the same change applies.
    std::fs::write(
        &path,
        format!(
            "{}\n[[users]]\nusername = \"heir\"\nroles = [\"server_admin\"]\n",
            roles_file(r#"["auditor"]"#, r#"["user_admin"]"#)
        ),
    )
    .unwrap();
    app.rt
        .block_on(gatehouse::server::ops::provisioning::apply_file(
            &app.state,
            &gatehouse::server::ops::Caller::system(),
            &path,
        ))
        .expect("applied");
    assert_eq!(
        roles(&app, &boss, "heir"),
        serde_json::json!(["server_admin"])
    );
}
