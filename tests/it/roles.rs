//! Delegated administration: who may call what. The expectations are the
//! two tables below (one line per documented operation and per panel
//! server function, naming the callers allowed), checked for every caller
//! through a session, a personal token and HTTP Basic. Then escalation:
//! every attempt to get or give more than one holds is refused, and
//! nothing is written.

use crate::common;

use common::{spawn_app_with, Auth, Reply, TestApp};
use gatehouse::model::{OrgRole, Roles, ServerRole};
use gatehouse::server::ops::{self, Caller};
use serde_json::{json, Value};

/// A user id, token id… that exists nowhere: an allowed caller gets 404
/// (or 400/409/422), never a change to a real account.
const NO_SUCH_ID: &str = "01JD0000000000000000000000";
const PASSWORD: &str = "roles-password-1";

/// The callers, by letter: server_admin, user_admin, helpdesk, auditor,
/// an admin of organisation A (the one the routes act in), an admin of
/// organisation B, a plain member of A.
const CALLERS: [(char, &str); 7] = [
    ('S', "server_admin"),
    ('U', "user_admin"),
    ('H', "helpdesk"),
    ('A', "auditor"),
    ('O', "admin of the target's organisation"),
    ('X', "admin of another organisation"),
    ('M', "plain member"),
];

/// Every operation of the admin API and who may call it. A body, when
/// given, is one the operation parses, so a refusal cannot hide behind a
/// 400. Paths: `{id}` is organisation A under `/orgs`, else nobody.
const API: &[(&str, &str, &str, Option<&str>)] = &[
    ("get", "/server/version", "SA", None),
    ("get", "/server/settings", "SA", None),
    ("get", "/server/stats", "SA", None),
    ("post", "/server/provisioning/reload", "S", None),
    ("get", "/users", "SUHA", None),
    ("post", "/users", "SU", None),
    ("get", "/users/export", "SUHA", None),
    ("post", "/users/bulk", "SUH", None),
    ("post", "/users/import", "SU", None),
    ("get", "/users/by-username/{username}", "SUHA", None),
    ("get", "/users/{id}", "SUHA", None),
    ("patch", "/users/{id}", "SU", None),
    ("delete", "/users/{id}", "SU", None),
    ("post", "/users/{id}/set-password", "SUH", None),
    ("post", "/users/{id}/lock", "SU", None),
    ("post", "/users/{id}/unlock", "SUH", None),
    ("post", "/users/{id}/deactivate", "SU", None),
    ("post", "/users/{id}/reactivate", "SU", None),
    ("put", "/users/{id}/permissions", "S", None),
    ("get", "/users/{id}/tokens", "SUHA", None),
    ("post", "/users/{id}/tokens", "SU", None),
    ("delete", "/users/{id}/tokens/{token_id}", "SU", None),
    ("get", "/users/{id}/factors", "SUHA", None),
    ("delete", "/users/{id}/factors", "SUH", None),
    ("post", "/users/{id}/email/verification", "SU", None),
    ("put", "/users/{id}/email/verified", "SU", None),
    ("post", "/users/{id}/password-reset", "SUH", None),
    ("get", "/users/{id}/connected", "SUHA", None),
    ("post", "/users/{id}/messages", "SU", None),
    ("get", "/users/{id}/contacts", "SUHA", None),
    ("post", "/users/{id}/contacts", "SU", None),
    ("get", "/users/{id}/contacts/{contact}", "SUHA", None),
    ("patch", "/users/{id}/contacts/{contact}", "SU", None),
    ("delete", "/users/{id}/contacts/{contact}", "SU", None),
    ("get", "/users/{id}/sessions", "SUHA", None),
    ("delete", "/users/{id}/sessions/{session_id}", "SUH", None),
    ("post", "/users/{id}/logout", "SUH", None),
    ("get", "/users/{id}/grants", "SUHA", None),
    ("delete", "/users/{id}/grants/{grant_id}", "SU", None),
    ("get", "/connections", "SUHA", None),
    ("get", "/sessions", "SUHA", None),
    ("post", "/messages/multicast", "SU", None),
    ("post", "/messages/broadcast", "SU", None),
    ("get", "/invitations", "SUAOX", None),
    (
        "post",
        "/invitations",
        "SU",
        Some(r#"{"email": "invited@example.org"}"#),
    ),
    ("get", "/email/outbox", "SA", None),
    ("post", "/email/outbox/{id}/retry", "S", None),
    ("get", "/orgs", "SUAOXM", None),
    ("post", "/orgs", "S", None),
    ("get", "/orgs/{id}", "SUAOM", None),
    ("patch", "/orgs/{id}", "S", None),
    ("delete", "/orgs/{id}", "S", None),
    ("get", "/orgs/{id}/members", "SUAOM", None),
    (
        "put",
        "/orgs/{id}/members/{user_id}",
        "SUO",
        Some(r#"{"role": "viewer"}"#),
    ),
    ("delete", "/orgs/{id}/members/{user_id}", "SUO", None),
    ("get", "/oauth2-clients", "SA", None),
    ("post", "/oauth2-clients", "S", None),
    ("delete", "/oauth2-clients/{id}", "S", None),
    ("get", "/applications", "SA", None),
    ("post", "/applications", "S", None),
    ("get", "/applications/{id}", "SA", None),
    ("patch", "/applications/{id}", "S", None),
    ("delete", "/applications/{id}", "S", None),
    ("post", "/applications/{id}/rotate-secret", "S", None),
    ("get", "/allowlist", "SA", None),
    ("put", "/allowlist/{entry}", "S", None),
    ("delete", "/allowlist/{entry}", "S", None),
    ("get", "/registration-tokens", "SUA", None),
    ("post", "/registration-tokens", "SU", None),
    ("get", "/registration-tokens/{token}", "SUA", None),
    ("patch", "/registration-tokens/{token}", "SU", None),
    ("delete", "/registration-tokens/{token}", "SU", None),
    ("post", "/registration-tokens/{token}/revoke", "SU", None),
    ("post", "/registration-tokens/{token}/unrevoke", "SU", None),
    ("get", "/audit-log", "SA", None),
    ("get", "/audit-log/export", "SA", None),
    ("get", "/modules", "SA", None),
    ("get", "/modules/{name}", "SA", None),
    ("put", "/modules/{name}", "S", None),
    ("delete", "/modules/{name}", "S", None),
    ("get", "/jobs", "SA", None),
    ("get", "/jobs/{name}", "SA", None),
    ("post", "/jobs/{name}/run", "S", None),
    ("post", "/jobs/pause-all", "S", None),
];

/// Every panel server function for administrators and who may call it
/// (arguments from `authz_matrix::server_fn_args`, on nobody's account
/// and on organisation A).
const SERVER_FNS: &[(&str, &str)] = &[
    ("users/list", "SUHA"),
    ("users/get", "SUHA"),
    ("users/create", "SU"),
    ("users/update", "SU"),
    ("users/action", "SU"),
    ("users/set-password", "SUH"),
    ("users/roles", "S"),
    ("users/delete", "SU"),
    ("users/bulk", "SU"),
    ("users/factors", "SUHA"),
    ("users/factors/reset", "SUH"),
    ("users/email/verification", "SU"),
    ("users/email/verified", "SU"),
    ("users/password-reset", "SUH"),
    ("tokens/list", "SUHA"),
    ("tokens/create", "SU"),
    ("tokens/revoke", "SU"),
    ("contacts/list", "SUHA"),
    ("contacts/suggest", "SUHA"),
    ("contacts/add", "SU"),
    ("contacts/update", "SU"),
    ("contacts/remove", "SU"),
    ("sessions/list", "SUHA"),
    ("sessions/of-user", "SUHA"),
    ("sessions/revoke", "SUH"),
    ("sessions/logout-user", "SUH"),
    ("grants/list", "SUHA"),
    ("grants/revoke", "SU"),
    ("connections/list", "SUHA"),
    ("connections/online", "SUHA"),
    ("connections/connected", "SUHA"),
    ("messages/send", "SU"),
    ("messages/broadcast", "SU"),
    ("orgs/list", "SUAOXM"),
    ("orgs/names", "SUAOXM"),
    ("orgs/get", "SUAOM"),
    ("orgs/members", "SUAOM"),
    ("orgs/create", "S"),
    ("orgs/rename", "S"),
    ("orgs/delete", "S"),
    ("orgs/put-member", "SUO"),
    ("orgs/remove-member", "SUO"),
    ("oauth2-clients/list", "SA"),
    ("oauth2-clients/create", "S"),
    ("oauth2-clients/revoke", "S"),
    ("applications/list", "SA"),
    ("applications/get", "SA"),
    ("applications/create", "S"),
    ("applications/create-site", "S"),
    ("applications/update", "S"),
    ("applications/delete", "S"),
    ("applications/rotate-secret", "S"),
    ("allowlist/list", "SA"),
    ("allowlist/add", "S"),
    ("allowlist/remove", "S"),
    ("server/stats", "SA"),
    ("server/settings", "SA"),
    ("server/version", "SA"),
    ("server/provisioning/reload", "S"),
    ("registration-tokens/list", "SUA"),
    ("registration-tokens/create", "SU"),
    ("registration-tokens/revoke", "SU"),
    ("registration-tokens/delete", "SU"),
    ("invitations/create", "SU"),
    ("invitations/list", "SUAOX"),
    ("email/outbox", "SA"),
    ("email/outbox/retry", "S"),
    ("audit/list", "SA"),
    ("audit/history", "SA"),
    ("modules/list", "SA"),
    ("modules/set", "S"),
    ("jobs/list", "SA"),
    ("jobs/run", "S"),
    ("jobs/pause-all", "S"),
];

struct Person {
    letter: char,
    username: String,
    id: String,
    token: String,
    cookie: String,
}

struct Fixture {
    app: TestApp,
    callers: Vec<Person>,
    org_a: String,
    org_b: String,
}

fn set_roles(app: &TestApp, id: &str, roles: &[ServerRole]) {
    app.rt
        .block_on(ops::lifecycle::set_roles(
            &app.state,
            &Caller::system(),
            id,
            Roles::new(roles.iter().copied()),
        ))
        .expect("set roles");
}

fn join(app: &TestApp, org: &str, user: &str, role: OrgRole) {
    app.rt
        .block_on(ops::orgs::put_member(
            &app.state,
            &Caller::system(),
            org,
            user,
            role,
        ))
        .expect("join");
}

fn new_org(app: &TestApp, name: &str) -> String {
    app.rt
        .block_on(ops::orgs::create(&app.state, &Caller::system(), name))
        .expect("org")
        .id
}

fn fixture() -> Fixture {
    // Basic logins of every caller on every route; the limit has its own test.
    let app = spawn_app_with(|c| c.rate_limits.per_ip = 100_000);
    let org_a = new_org(&app, "Org A");
    let org_b = new_org(&app, "Org B");
    let mut callers = Vec::new();
    for (letter, _) in CALLERS {
        let username = format!("roles-{}", letter.to_ascii_lowercase());
        let id = app.create_user(&username, Some(PASSWORD), false);
        match letter {
            'S' => set_roles(&app, &id, &[ServerRole::ServerAdmin]),
            'U' => set_roles(&app, &id, &[ServerRole::UserAdmin]),
            'H' => set_roles(&app, &id, &[ServerRole::Helpdesk]),
            'A' => set_roles(&app, &id, &[ServerRole::Auditor]),
            'O' => join(&app, &org_a, &id, OrgRole::Admin),
            'X' => join(&app, &org_b, &id, OrgRole::Admin),
            _ => join(&app, &org_a, &id, OrgRole::Viewer),
        }
        let token = app.token_for(&id, &[]);
        let cookie = app.login(&username, PASSWORD);
        callers.push(Person {
            letter,
            username,
            id,
            token,
            cookie,
        });
    }
    Fixture {
        app,
        callers,
        org_a,
        org_b,
    }
}

fn concrete(f: &Fixture, template: &str) -> String {
    let id = if template.starts_with("/orgs/") {
        f.org_a.as_str()
    } else {
        NO_SUCH_ID
    };
    template
        .replace("{id}", id)
        .replace("{user_id}", NO_SUCH_ID)
        .replace("{token_id}", NO_SUCH_ID)
        .replace("{session_id}", NO_SUCH_ID)
        .replace("{grant_id}", NO_SUCH_ID)
        .replace("{username}", "nobody-here")
        .replace("{contact}", "nobody-here")
        .replace("{entry}", "127.0.0.1")
        .replace("{token}", "no-such-token")
        .replace("{name}", "no-such-name")
}

fn assert_refusal(reply: &Reply, what: &str) {
    assert_eq!(reply.status, 403, "{what}: {}", reply.body);
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&reply.body) {
        assert!(
            !map.contains_key("data") && !map.contains_key("meta"),
            "{what}: refusal carries more than errors: {}",
            reply.body
        );
    }
}

fn assert_allowed(reply: &Reply, what: &str) {
    assert!(
        ![401, 403].contains(&reply.status) && reply.status < 500,
        "{what}: {} {}",
        reply.status,
        reply.body
    );
}

/// The three ways in of each caller.
fn credentials(c: &Person) -> [(&'static str, Auth<'_>); 3] {
    [
        ("session", Auth::Cookie(&c.cookie)),
        ("token", Auth::Bearer(&c.token)),
        ("Basic", Auth::Basic(&c.username, PASSWORD)),
    ]
}

#[test]
fn every_operation_allows_exactly_the_roles_of_the_table() {
    let f = fixture();
    let spec = f.app.get("/api/spec.json", Auth::None).json();
    let mut documented = 0;
    for (template, item) in spec["paths"].as_object().unwrap() {
        let path = template.trim_start_matches("/api/admin/v1");
        for (method, operation) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str())
                || operation["security"].as_array().is_some_and(|s| {
                    s.iter()
                        .all(|r| r.as_object().is_some_and(|o| o.is_empty()))
                })
            {
                continue;
            }
            let Some((_, _, allowed, body)) =
                API.iter().find(|(m, p, ..)| m == method && *p == path)
            else {
                panic!("{method} {path} is missing from the API table");
            };
            documented += 1;
            // The document states the same roles as the table.
            let stated: Vec<&str> = operation["x-gatehouse-roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            for (letter, role) in [
                ('S', "server_admin"),
                ('U', "user_admin"),
                ('H', "helpdesk"),
                ('A', "auditor"),
            ] {
                assert_eq!(
                    stated.contains(&role),
                    allowed.contains(letter),
                    "{method} {path}: the document and the table disagree on {role}"
                );
            }
            let url = format!("/api/admin/v1{}", concrete(&f, path));
            let method = method.to_uppercase();
            let body = body.unwrap_or("{}");
            for caller in &f.callers {
                for (how, auth) in credentials(caller) {
                    let body = (method != "GET").then_some(body);
                    let reply = f.app.request(
                        &method,
                        &url,
                        auth,
                        &[("Content-Type", "application/json")],
                        body,
                    );
                    let what = format!("{method} {path} as {} by {how}", caller.letter);
                    if allowed.contains(caller.letter) {
                        assert_allowed(&reply, &what);
                    } else {
                        assert_refusal(&reply, &what);
                    }
                }
            }
        }
    }
    assert_eq!(
        documented,
        API.len(),
        "the API table lists operations the document lacks"
    );
}

#[test]
fn every_server_function_allows_exactly_the_roles_of_the_table() {
    let f = fixture();
    let registered: Vec<(&str, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path, method.to_string()))
        .collect();
    let mut checked = 0;
    for (path, method) in registered {
        let endpoint = path.trim_start_matches("/api/");
        if crate::authz_matrix::NOT_ADMIN_ONLY.contains(&endpoint) {
            continue;
        }
        let allowed = SERVER_FNS
            .iter()
            .find(|(e, _)| *e == endpoint)
            .unwrap_or_else(|| panic!("{endpoint} is missing from the SERVER_FNS table"))
            .1;
        let args = match endpoint {
            // A job that exists would run; one that does not answers 404.
            "jobs/run" => "name=no-such-job".to_owned(),
            // The allow-list keeps this machine on it (or stays empty).
            "allowlist/add" | "allowlist/remove" => "entry=127.0.0.1&confirm=on".to_owned(),
            _ => crate::authz_matrix::server_fn_args(NO_SUCH_ID, NO_SUCH_ID, &f.org_a, endpoint)
                .expect("arguments"),
        };
        for caller in &f.callers {
            for (how, auth) in credentials(caller) {
                let reply = if method == "GET" {
                    let sep = if args.is_empty() { "" } else { "?" };
                    f.app
                        .request("GET", &format!("{path}{sep}{args}"), auth, &[], None)
                } else {
                    f.app.post_form(path, auth, &[], &args)
                };
                let what = format!("{method} {path} as {} by {how}", caller.letter);
                if allowed.contains(caller.letter) {
                    assert_allowed(&reply, &what);
                } else {
                    assert_refusal(&reply, &what);
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= SERVER_FNS.len() * 21, "only {checked} checks");
}

fn caller(f: &Fixture, letter: char) -> &Person {
    f.callers.iter().find(|c| c.letter == letter).unwrap()
}

fn audit_count(f: &Fixture) -> u64 {
    let s = caller(f, 'S');
    f.app
        .get("/api/admin/v1/audit-log?count=only", Auth::Bearer(&s.token))
        .json()["meta"]["count"]
        .as_u64()
        .expect("count")
}

#[test]
fn nobody_gets_or_gives_more_than_they_hold() {
    let f = fixture();
    let app = &f.app;
    let (s, u, h, o) = (
        caller(&f, 'S'),
        caller(&f, 'U'),
        caller(&f, 'H'),
        caller(&f, 'O'),
    );
    let before = audit_count(&f);
    let api = |p: &str| format!("/api/admin/v1{p}");
    let refused = |reply: Reply, code: &str, what: &str| {
        assert_eq!(reply.status, 403, "{what}: {}", reply.body);
        assert_eq!(
            reply.json()["errors"][0]["code"],
            code,
            "{what}: {}",
            reply.body
        );
    };
    let put = |auth: Auth, path: &str, body: Value| {
        app.request(
            "PUT",
            &api(path),
            auth,
            &[("Content-Type", "application/json")],
            Some(&body.to_string()),
        )
    };

    // Roles: only a server_admin sets them, and not their own away.
    for c in [u, h, o] {
        for target in [&c.id, &s.id] {
            refused(
                put(
                    Auth::Bearer(&c.token),
                    &format!("/users/{target}/permissions"),
                    json!({"roles": ["server_admin"]}),
                ),
                "forbidden",
                &format!("{} grants server_admin", c.username),
            );
        }
    }
    // A user_admin creates no one with a role.
    for body in [
        json!({"username": "made-admin", "admin": true}),
        json!({"username": "made-helpdesk", "roles": ["helpdesk"]}),
    ] {
        refused(
            app.post_json(&api("/users"), Auth::Bearer(&u.token), &body),
            "forbidden",
            "user_admin creates a user with a role",
        );
    }
    // Account takeovers of someone holding more: password, reset link,
    // address, tokens, factors.
    let on_admin = |p: &str| api(&format!("/users/{}{p}", s.id));
    for (c, method, path, body) in [
        (
            u,
            "POST",
            on_admin("/set-password"),
            json!({"password": "taken-over-1"}),
        ),
        (
            h,
            "POST",
            on_admin("/set-password"),
            json!({"password": "taken-over-1"}),
        ),
        (h, "POST", on_admin("/password-reset"), json!({})),
        (
            u,
            "PATCH",
            on_admin(""),
            json!({"email": "mine@example.org"}),
        ),
        (u, "POST", on_admin("/tokens"), json!({"name": "mine"})),
        (h, "DELETE", on_admin("/factors"), json!({})),
        (h, "POST", on_admin("/logout"), json!({})),
        (u, "POST", on_admin("/lock"), json!({})),
    ] {
        let reply = app.request(
            method,
            &path,
            Auth::Bearer(&c.token),
            &[("Content-Type", "application/json")],
            Some(&body.to_string()),
        );
        refused(
            reply,
            "target_outranks_caller",
            &format!("{} {method} {path}", c.username),
        );
    }
    // A token naming a role its owner lacks.
    let wider = app.post_json(
        &api(&format!("/users/{}/tokens", u.id)),
        Auth::Bearer(&u.token),
        &json!({"name": "wider", "scopes": ["urn:gatehouse:role:server_admin"]}),
    );
    assert_eq!(wider.status, 422, "{}", wider.body);
    assert_eq!(wider.json()["errors"][0]["code"], "role_not_held");
    // An organisation admin stays in their organisation.
    for (path, body) in [
        (
            format!("/orgs/{}/members/{}", f.org_b, o.id),
            json!({"role": "admin"}),
        ),
        (
            format!("/orgs/{}/members/{}", f.org_b, u.id),
            json!({"role": "viewer"}),
        ),
    ] {
        refused(
            put(Auth::Bearer(&o.token), &path, body),
            "forbidden",
            "org admin in another organisation",
        );
    }
    refused(
        app.post_json(
            &api("/invitations"),
            Auth::Bearer(&o.token),
            &json!({"email": "x@example.org", "org_id": f.org_b, "role": "admin"}),
        ),
        "forbidden",
        "org admin invites into another organisation",
    );
    // The last server_admin stays, whoever asks.
    let demote_self = put(
        Auth::Bearer(&s.token),
        &format!("/users/{}/permissions", s.id),
        json!({"roles": []}),
    );
    assert_eq!(demote_self.status, 409, "{}", demote_self.body);
    let last = app
        .rt
        .block_on(ops::lifecycle::set_roles(
            &app.state,
            &Caller::system(),
            &s.id,
            Roles::default(),
        ))
        .unwrap_err();
    assert_eq!(last.code(), "last_admin");

    // Nothing was written: no audit record, the admin unchanged.
    assert_eq!(audit_count(&f), before, "a refused attempt left a record");
    let admin = app.get(&api(&format!("/users/{}", s.id)), Auth::Bearer(&s.token));
    let attributes = &admin.json()["data"]["attributes"];
    assert_eq!(attributes["roles"], json!(["server_admin"]));
    assert_eq!(attributes["email"], Value::Null);
    assert_eq!(attributes["status"], "active");
    let login = app.login(&s.username, PASSWORD);
    assert!(!login.is_empty());
}

#[test]
fn tokens_and_clients_carry_only_the_roles_they_name() {
    let f = fixture();
    let app = &f.app;
    let s = caller(&f, 'S');
    let api = |p: &str| format!("/api/admin/v1{p}");
    // A server_admin's token narrowed to auditor reads, and only reads.
    let narrowed = app.post_json(
        &api(&format!("/users/{}/tokens", s.id)),
        Auth::Bearer(&s.token),
        &json!({"name": "audit", "scopes": ["urn:gatehouse:admin", "urn:gatehouse:role:auditor"]}),
    );
    assert_eq!(narrowed.status, 201, "{}", narrowed.body);
    let audit_token = narrowed.json()["meta"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.get(&api("/audit-log"), Auth::Bearer(&audit_token))
            .status,
        200
    );
    let write = app.post_json(
        &api("/users"),
        Auth::Bearer(&audit_token),
        &json!({"username": "by-auditor"}),
    );
    assert_eq!(write.status, 403, "{}", write.body);

    // A client given the helpdesk role unlocks and creates nobody.
    let client = app.post_json(
        &api("/oauth2-clients"),
        Auth::Bearer(&s.token),
        &json!({"name": "desk", "scopes": ["urn:gatehouse:admin", "urn:gatehouse:role:helpdesk"]}),
    );
    assert_eq!(client.status, 201, "{}", client.body);
    let (id, secret) = (
        client.json()["data"]["id"].as_str().unwrap().to_owned(),
        client.json()["meta"]["client_secret"]
            .as_str()
            .unwrap()
            .to_owned(),
    );
    let issued = app.post_form(
        "/oauth2/token",
        Auth::None,
        &[],
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    );
    assert_eq!(issued.status, 200, "{}", issued.body);
    let access = issued.json()["access_token"].as_str().unwrap().to_owned();
    let target = app.create_user("roles-locked", Some(PASSWORD), false);
    app.request(
        "POST",
        &api(&format!("/users/{target}/lock")),
        Auth::Bearer(&s.token),
        &[],
        None,
    );
    let unlock = app.request(
        "POST",
        &api(&format!("/users/{target}/unlock")),
        Auth::Bearer(&access),
        &[],
        None,
    );
    assert_eq!(unlock.status, 200, "{}", unlock.body);
    let create = app.post_json(
        &api("/users"),
        Auth::Bearer(&access),
        &json!({"username": "by-client"}),
    );
    assert_eq!(create.status, 403, "{}", create.body);
    // The audit log names the role the unlock was allowed under.
    let log = app.get(
        &api(&format!(
            "/audit-log?filter[action]=user.unlock&filter[target]=user:{target}"
        )),
        Auth::Bearer(&s.token),
    );
    assert_eq!(
        log.json()["data"][0]["attributes"]["actor"]["role"],
        "helpdesk",
        "{}",
        log.body
    );
}

#[test]
fn organisation_admins_see_and_manage_their_organisation_only() {
    let f = fixture();
    let app = &f.app;
    let (o, m) = (caller(&f, 'O'), caller(&f, 'M'));
    let api = |p: &str| format!("/api/admin/v1{p}");
    let orgs = app.get(&api("/orgs"), Auth::Bearer(&o.token)).json();
    let names: Vec<&str> = orgs["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["attributes"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Org A"]);
    let added = app.request(
        "PUT",
        &api(&format!("/orgs/{}/members/{}", f.org_a, caller(&f, 'U').id)),
        Auth::Bearer(&o.token),
        &[("Content-Type", "application/json")],
        Some(r#"{"role": "editor"}"#),
    );
    assert!(added.status == 201 || added.status == 200, "{}", added.body);
    let s = caller(&f, 'S');
    let log = app.get(
        &api(&format!(
            "/audit-log?filter[action]=org.member.put&filter[actor]={}",
            o.id
        )),
        Auth::Bearer(&s.token),
    );
    assert_eq!(
        log.json()["data"][0]["attributes"]["actor"]["role"],
        format!("org_admin:{}", f.org_a),
        "{}",
        log.body
    );
    // A plain member reads the member list, changes nothing.
    let members = app.get(
        &api(&format!("/orgs/{}/members", f.org_a)),
        Auth::Bearer(&m.token),
    );
    assert_eq!(members.status, 200, "{}", members.body);
    let remove = app.request(
        "DELETE",
        &api(&format!("/orgs/{}/members/{}", f.org_a, o.id)),
        Auth::Bearer(&m.token),
        &[],
        None,
    );
    assert_eq!(remove.status, 403, "{}", remove.body);
    // Pages: their organisation opens, another answers 403.
    let own = app.get(&format!("/orgs/{}", f.org_a), Auth::Cookie(&o.cookie));
    assert_eq!(own.status, 200, "{}", &own.body[..own.body.len().min(3000)]);
    assert_eq!(
        app.get(&format!("/orgs/{}", f.org_b), Auth::Cookie(&o.cookie))
            .status,
        403
    );
    assert_eq!(app.get("/allowlist", Auth::Cookie(&o.cookie)).status, 403);
}
