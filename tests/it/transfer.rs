//! CSV / JSON-lines export and import of users.

use crate::common;

use common::{spawn_app, Auth, TestApp};
use serde_json::{json, Value};

const USERS: &str = "/api/admin/v1/users";

fn import(
    app: &TestApp,
    token: &str,
    query: &str,
    content_type: &str,
    body: &str,
) -> common::Reply {
    app.request(
        "POST",
        &format!("{USERS}/import?{query}"),
        Auth::Bearer(token),
        &[("Content-Type", content_type)],
        Some(body),
    )
}

fn report(reply: &common::Reply) -> Value {
    let doc = reply.json();
    if doc["data"].is_object() {
        doc["data"]["attributes"].clone()
    } else {
        doc["meta"]["report"].clone()
    }
}

fn user_count(app: &TestApp, token: &str) -> u64 {
    app.get(&format!("{USERS}?count=only"), Auth::Bearer(token))
        .json()["meta"]["count"]
        .as_u64()
        .unwrap()
}

#[test]
fn export_streams_csv_and_json_lines_with_filters() {
    let app = spawn_app();
    let token = app.admin_token();
    for name in ["walt", "uma", "vic"] {
        app.create_user(name, None, false);
    }
    let vic = app
        .get(&format!("{USERS}/by-username/vic"), Auth::Bearer(&token))
        .json();
    let vic_id = vic["data"]["id"].as_str().unwrap().to_owned();
    app.request(
        "PATCH",
        &format!("{USERS}/{vic_id}"),
        Auth::Bearer(&token),
        &[("Content-Type", "application/json")],
        Some(
            &json!({"display_name": "Vic, \"the\" Great", "email": "vic@example.org"}).to_string(),
        ),
    );

    let csv = app.get(
        &format!("{USERS}/export?format=csv&filter[admin]=false&sort=-username"),
        Auth::Bearer(&token),
    );
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("attachment"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(lines[0].starts_with("id,username,display_name,email,admin"));
    assert_eq!(lines.len(), 4, "{}", csv.body);
    assert!(lines[1].contains(",walt,"));
    assert!(lines[3].contains(",uma,"));
    assert!(
        lines[2].contains(r#""Vic, ""the"" Great",vic@example.org,false"#),
        "{}",
        lines[2]
    );

    let jsonl = app.get(
        &format!("{USERS}/export?format=jsonl&filter[id]={vic_id}"),
        Auth::Bearer(&token),
    );
    assert_eq!(jsonl.status, 200);
    // The same media type as the audit log's export.
    assert_eq!(
        jsonl.header("content-type").unwrap(),
        "application/x-ndjson"
    );
    assert_eq!(jsonl.header("cache-control").unwrap(), "no-store");
    let rows: Vec<Value> = jsonl
        .body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["username"], "vic");
    assert_eq!(rows[0]["email"], "vic@example.org");

    // Errors: bad format, paging, bad id list, no credentials, non-admin.
    assert_eq!(
        app.get(&format!("{USERS}/export?format=xml"), Auth::Bearer(&token))
            .status,
        400
    );
    assert_eq!(
        app.get(
            &format!("{USERS}/export?page[first]=2"),
            Auth::Bearer(&token)
        )
        .status,
        400
    );
    assert_eq!(
        app.get(
            &format!("{USERS}/export?filter[id]=nope"),
            Auth::Bearer(&token)
        )
        .status,
        400
    );
    assert_eq!(app.get(&format!("{USERS}/export"), Auth::None).status, 401);
    let member = app.create_user("mia", Some("mia-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    assert_eq!(
        app.get(&format!("{USERS}/export"), Auth::Bearer(&member_token))
            .status,
        403
    );

    // An export can be imported again as it is: every row exists, so skipped.
    let full = app.get(&format!("{USERS}/export"), Auth::Bearer(&token));
    let again = import(&app, &token, "dry_run=true", "text/csv", &full.body);
    assert_eq!(again.status, 200, "{}", again.body);
    let r = report(&again);
    assert_eq!(r["total"], r["skipped"]);
    assert_eq!(r["created"], 0);
}

#[test]
fn a_dry_run_reports_every_row_and_writes_nothing() {
    let app = spawn_app();
    let token = app.admin_token();
    app.create_user("existing", None, false);
    let before = user_count(&app, &token);
    let body = "username,display_name,email,admin,password\n\
                newbie,New Bie,newbie@example.org,false,newbie-password-1\n\
                Bad Name,,,,\n\
                existing,,,,\n\
                newbie,,,,\n\
                weak,,not-an-email,maybe,short\n";
    let reply = import(&app, &token, "dry_run=true", "text/csv", body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let r = report(&reply);
    assert_eq!(r["dry_run"], true);
    assert_eq!(r["applied"], false);
    assert_eq!(
        (r["total"].as_u64(), r["created"].as_u64()),
        (Some(5), Some(1))
    );
    assert_eq!(r["skipped"], 1);
    assert_eq!(r["rejected"], 3);
    let rows = r["rows"].as_array().unwrap();
    let lines: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 6]);
    assert_eq!(rows[1]["outcome"], "skipped");
    assert_eq!(rows[2]["problems"][0]["code"], "username_duplicate");
    let codes: Vec<&str> = rows[3]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["email_invalid", "admin_invalid", "password_too_short"]
    );
    assert_eq!(user_count(&app, &token), before);

    // The same file for real: all or nothing, so nothing, and 422.
    let reply = import(&app, &token, "dry_run=false", "text/csv", body);
    assert_eq!(reply.status, 422);
    let errors = reply.json()["errors"].as_array().unwrap().clone();
    assert_eq!(errors[0]["source"]["pointer"], "/rows/3/username");
    assert_eq!(errors[0]["meta"]["line"], 3);
    assert_eq!(report(&reply)["applied"], false);
    assert_eq!(user_count(&app, &token), before);
}

#[test]
fn import_creates_users_with_passwords_hashes_or_temporary_passwords() {
    let app = spawn_app();
    let token = app.admin_token();
    let bcrypt = bcrypt::hash("legacy-password-1", 4).unwrap();
    let body = format!(
        "{}\n{}\n{}\n{}\n",
        json!({"username": "plain", "password": "plain-password-1", "admin": false}),
        json!({"username": "legacy", "password_hash": bcrypt, "email": "l@example.org"}),
        json!({"username": "boss", "admin": true, "display_name": "The Boss"}),
        json!({"username": "fresh"}),
    );
    let reply = import(&app, &token, "dry_run=false", "application/jsonl", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let r = report(&reply);
    assert_eq!(
        (r["created"].as_u64(), r["applied"].as_bool()),
        (Some(4), Some(true))
    );
    // Generated passwords come back once, for the rows that had none.
    let generated: Vec<(String, String)> = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["username"].as_str().unwrap().to_owned(),
                row["temporary_password"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(generated.len(), 2);
    assert_eq!(generated[0].0, "boss");

    assert_eq!(
        app.get(USERS, Auth::Basic("plain", "plain-password-1"))
            .status,
        403
    );
    assert_eq!(
        app.get(USERS, Auth::Basic("legacy", "legacy-password-1"))
            .status,
        403
    );
    // The bcrypt hash verified once: it is replaced by an Argon2id one.
    let stored = || {
        let row = app.rt.block_on(gatehouse::server::db::users::by_username(
            &app.state.db,
            "legacy",
        ));
        row.unwrap().unwrap().password_hash.unwrap()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !stored().starts_with("$argon2id$") {
        assert!(std::time::Instant::now() < deadline, "still {}", stored());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        app.get(USERS, Auth::Basic("legacy", "legacy-password-1"))
            .status,
        403,
        "the same password, now under Argon2id"
    );
    // A generated password is temporary: it must be changed first.
    let boss = app.get(USERS, Auth::Basic("boss", &generated[0].1));
    assert_eq!(boss.json()["errors"][0]["code"], "password_change_required");
    let boss = app
        .get(&format!("{USERS}/by-username/boss"), Auth::Bearer(&token))
        .json();
    assert_eq!(boss["data"]["attributes"]["admin"], true);
    assert_eq!(boss["data"]["attributes"]["display_name"], "The Boss");
    assert_eq!(boss["data"]["attributes"]["password_change_required"], true);
}

#[test]
fn hashes_too_costly_to_verify_are_refused_per_row() {
    let app = spawn_app();
    let token = app.admin_token();
    let salt_and_hash = "c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    let body = format!(
        "{}\n{}\n{}\n",
        json!({"username": "memory", "password_hash": format!("$argon2id$v=19$m=1048576,t=2,p=1${salt_and_hash}")}),
        json!({"username": "passes", "password_hash": format!("$argon2id$v=19$m=19456,t=50,p=1${salt_and_hash}")}),
        json!({"username": "slowcrypt", "password_hash": "$2b$16$KIXQJQ1Qn5ImDoOvZ6Pnhe0Ua8MZcb5c1K8fYQ7KY4QKx5xVz4wzS"}),
    );
    let before = user_count(&app, &token);
    let reply = import(&app, &token, "dry_run=false", "application/jsonl", &body);
    assert_eq!(reply.status, 422, "{}", reply.body);
    let errors = reply.json()["errors"].as_array().unwrap().clone();
    let pointers: Vec<&str> = errors
        .iter()
        .map(|e| e["source"]["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        [
            "/rows/1/password_hash",
            "/rows/2/password_hash",
            "/rows/3/password_hash"
        ],
        "{}",
        reply.body
    );
    assert!(errors[0]["detail"].to_string().contains("limits") || reply.body.contains("limits"));
    assert_eq!(user_count(&app, &token), before, "nothing was written");
}

#[test]
fn conflicts_skip_fail_or_update() {
    let app = spawn_app();
    let admin = app.create_user("root", Some("root-password-1"), true);
    let token = app.token_for(&admin, &[]);
    app.create_user("kim", Some("kim-password-1"), false);
    let body = "username,display_name,admin\nkim,Kim K,true\nlee,Lee,false\n";

    let skip = import(
        &app,
        &token,
        "dry_run=false&on_conflict=skip",
        "text/csv",
        body,
    );
    assert_eq!(skip.status, 200, "{}", skip.body);
    assert_eq!(
        (
            report(&skip)["created"].as_u64(),
            report(&skip)["skipped"].as_u64()
        ),
        (Some(1), Some(1))
    );

    let fail = import(
        &app,
        &token,
        "dry_run=false&on_conflict=fail",
        "text/csv",
        "username\nkim\nnew1\n",
    );
    assert_eq!(fail.status, 422);
    assert_eq!(fail.json()["errors"][0]["code"], "username_taken");
    assert_eq!(
        app.get(&format!("{USERS}/by-username/new1"), Auth::Bearer(&token))
            .status,
        404
    );

    let update = import(
        &app,
        &token,
        "dry_run=false&on_conflict=update",
        "text/csv",
        body,
    );
    assert_eq!(update.status, 200, "{}", update.body);
    assert_eq!(report(&update)["updated"], 2);
    let kim = app
        .get(&format!("{USERS}/by-username/kim"), Auth::Bearer(&token))
        .json();
    assert_eq!(kim["data"]["attributes"]["display_name"], "Kim K");
    assert_eq!(kim["data"]["attributes"]["admin"], true);
    // Kim's password was not in the file, so it stays.
    assert_eq!(
        app.get(USERS, Auth::Basic("kim", "kim-password-1")).status,
        200
    );

    // Nobody removes their own admin rights by import.
    let own = import(
        &app,
        &token,
        "on_conflict=update",
        "text/csv",
        "username,admin\nroot,false\n",
    );
    assert_eq!(own.status, 422);
    assert_eq!(own.json()["errors"][0]["code"], "cannot_modify_self");

    // Input problems.
    assert_eq!(
        import(&app, &token, "", "application/json", "{}").status,
        400
    );
    assert_eq!(
        import(&app, &token, "on_conflict=merge", "text/csv", body).status,
        400
    );
    assert_eq!(
        import(&app, &token, "colour=red", "text/csv", body).status,
        400
    );
    let no_column = import(&app, &token, "", "text/csv", "name\nx\n");
    assert_eq!(no_column.status, 422);
    assert_eq!(no_column.json()["errors"][0]["code"], "file_unreadable");
    let read_only = app.token_for(&admin, &["urn:gatehouse:admin:read"]);
    assert_eq!(
        import(&app, &read_only, "dry_run=true", "text/csv", body).status,
        403
    );
}

fn roles_of(app: &TestApp, token: &str, username: &str) -> Value {
    let reply = app.get(
        &format!("{USERS}/by-username/{username}"),
        Auth::Bearer(token),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]["attributes"]["roles"].clone()
}

#[test]
fn import_sets_roles_and_an_export_carries_them_back() {
    let app = spawn_app();
    let root = app.create_user("root", Some("root-password-1"), true);
    let token = app.token_for(&root, &[]);

    // CSV: space- or ;-separated names in one cell; JSON: an array or a string.
    let csv = "username,roles\nhd,helpdesk; auditor\nua,user_admin\n";
    let reply = import(&app, &token, "dry_run=false", "text/csv", csv);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(report(&reply)["created"], 2);
    assert_eq!(roles_of(&app, &token, "hd"), json!(["helpdesk", "auditor"]));
    assert_eq!(roles_of(&app, &token, "ua"), json!(["user_admin"]));
    let hd = app
        .get(&format!("{USERS}/by-username/hd"), Auth::Bearer(&token))
        .json();
    assert_eq!(hd["data"]["attributes"]["admin"], false);
    let body = format!(
        "{}\n{}\n",
        json!({"username": "boss2", "roles": ["auditor"], "admin": true}),
        json!({"username": "aud", "roles": "auditor"}),
    );
    let reply = import(&app, &token, "dry_run=false", "application/jsonl", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    // admin = true adds server_admin to the roles named, and the mirror follows.
    assert_eq!(
        roles_of(&app, &token, "boss2"),
        json!(["server_admin", "auditor"])
    );
    let boss2 = app
        .get(&format!("{USERS}/by-username/boss2"), Auth::Bearer(&token))
        .json();
    assert_eq!(boss2["data"]["attributes"]["admin"], true);
    assert_eq!(roles_of(&app, &token, "aud"), json!(["auditor"]));

    // An update sets the roles exactly (and the admin mirror with them).
    let reply = import(
        &app,
        &token,
        "dry_run=false&on_conflict=update",
        "text/csv",
        "username,roles\nhd,user_admin\nboss2,auditor\n",
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(report(&reply)["updated"], 2);
    assert_eq!(roles_of(&app, &token, "hd"), json!(["user_admin"]));
    assert_eq!(roles_of(&app, &token, "boss2"), json!(["auditor"]));
    let boss2 = app
        .get(&format!("{USERS}/by-username/boss2"), Auth::Bearer(&token))
        .json();
    assert_eq!(boss2["data"]["attributes"]["admin"], false);

    // An unknown role rejects its row; nothing is written.
    let before = user_count(&app, &token);
    let reply = import(
        &app,
        &token,
        "dry_run=false",
        "text/csv",
        "username,roles\nfine,helpdesk\nodd,helpdesk root\n",
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    let errors = reply.json()["errors"].as_array().unwrap().clone();
    assert_eq!(errors.len(), 1, "{}", reply.body);
    assert_eq!(errors[0]["code"], "role_unknown");
    assert_eq!(errors[0]["source"]["pointer"], "/rows/3/roles");
    let r = report(&reply);
    assert_eq!(
        (r["rejected"].as_u64(), r["applied"].as_bool()),
        (Some(1), Some(false))
    );
    assert_eq!(user_count(&app, &token), before);

    // Nobody takes their own roles by import.
    let own = import(
        &app,
        &token,
        "on_conflict=update",
        "text/csv",
        "username,roles\nroot,auditor\n",
    );
    assert_eq!(own.status, 422, "{}", own.body);
    assert_eq!(own.json()["errors"][0]["code"], "cannot_modify_self");
    assert_eq!(roles_of(&app, &token, "root"), json!(["server_admin"]));

    // Handing out roles needs the right to manage them: a user admin may
    // import users, not roles.
    let user_admin = app
        .rt
        .block_on(gatehouse::server::ops::users::create(
            &app.state,
            &gatehouse::server::ops::Caller::system(),
            gatehouse::model::NewUser {
                username: "uadmin".into(),
                password: Some("uadmin-password-1".into()),
                roles: vec!["user_admin".into()],
                ..Default::default()
            },
        ))
        .unwrap()
        .id;
    let limited = app.token_for(&user_admin, &[]);
    let plain = import(
        &app,
        &limited,
        "dry_run=true",
        "text/csv",
        "username\nplainuser\n",
    );
    assert_eq!(plain.status, 200, "{}", plain.body);
    let refused = import(
        &app,
        &limited,
        "dry_run=true",
        "text/csv",
        "username,roles\nplainuser,helpdesk\n",
    );
    assert_eq!(refused.status, 403, "{}", refused.body);

    // The export has the roles after admin, and imports again as it is.
    let export = app.get(&format!("{USERS}/export"), Auth::Bearer(&token));
    assert_eq!(export.status, 200, "{}", export.body);
    let lines: Vec<&str> = export.body.lines().collect();
    assert!(
        lines[0].starts_with("id,username,display_name,email,admin,roles,"),
        "{}",
        lines[0]
    );
    assert!(
        lines.iter().any(|l| l.contains(",aud,,,false,auditor,")),
        "{}",
        export.body
    );
    let again = import(
        &app,
        &token,
        "dry_run=false&on_conflict=update",
        "text/csv",
        &export.body,
    );
    assert_eq!(again.status, 200, "{}", again.body);
    let r = report(&again);
    assert_eq!(
        (r["updated"].as_u64(), r["total"].as_u64()),
        (Some(6), Some(6))
    );
    for (name, roles) in [
        ("root", json!(["server_admin"])),
        ("hd", json!(["user_admin"])),
        ("ua", json!(["user_admin"])),
        ("boss2", json!(["auditor"])),
        ("aud", json!(["auditor"])),
        ("uadmin", json!(["user_admin"])),
    ] {
        assert_eq!(roles_of(&app, &token, name), roles, "{name}");
    }
    // The JSON-lines export imports again too (roles as an array).
    let jsonl = app.get(
        &format!("{USERS}/export?format=jsonl"),
        Auth::Bearer(&token),
    );
    let again = import(
        &app,
        &token,
        "dry_run=true&on_conflict=update",
        "application/jsonl",
        &jsonl.body,
    );
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(report(&again)["updated"], 6);
}
