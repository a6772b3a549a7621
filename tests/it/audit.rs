//! The audit log: its list and export endpoints (every status, the
//! filters, paging both ways), and the promise behind it — every mutating
//! route of the admin API, read from the published OpenAPI document, writes
//! exactly one audit record with the right action and target.

use crate::common;

use common::{spawn_app, Auth, Reply, TestApp};
use serde_json::{json, Value};

const API: &str = "/api/admin/v1";
const LOG: &str = "/api/admin/v1/audit-log";

struct Env {
    app: TestApp,
    admin: String,
    n: std::cell::Cell<u32>,
}

impl Env {
    fn new() -> Self {
        let app = spawn_app();
        let admin = app.admin_token();
        Self {
            app,
            admin,
            n: std::cell::Cell::new(0),
        }
    }

    /// With a provisioning file (one organisation), so that its reload
    /// route has something to apply.
    fn provisioned() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "gatehouse-audit-prov-{}",
            gatehouse::server::time::new_id().to_lowercase()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("provisioning.toml");
        std::fs::write(&file, "[[orgs]]\nname = \"Provisioned\"\n").unwrap();
        let app = common::spawn_app_with(|c| {
            c.provisioning_file = Some(file);
            // Mail to a port nobody listens on: queued, tried once, failed.
            c.email = Some(gatehouse::server::email::config::EmailConfig {
                max_attempts: 1,
                ..common::email_config(common::free_port())
            });
            c.registration_mode = gatehouse::model::RegistrationMode::Token;
        });
        let admin = app.admin_token();
        Self {
            app,
            admin,
            n: std::cell::Cell::new(0),
        }
    }

    /// A user with an email address (its verification mail queued).
    fn user_with_email(&self) -> String {
        let name = self.name("mailed");
        let doc = self.ok(
            "POST",
            &format!("{API}/users"),
            Some(&json!({"username": name, "email": format!("{name}@example.org")})),
        );
        doc["data"]["id"].as_str().unwrap().to_owned()
    }

    fn name(&self, prefix: &str) -> String {
        self.n.set(self.n.get() + 1);
        format!("{prefix}-{}", self.n.get())
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Reply {
        let text = body.map(Value::to_string);
        self.app.request(
            method,
            path,
            Auth::Bearer(&self.admin),
            &[("Content-Type", "application/json")],
            text.as_deref(),
        )
    }

    /// A call that must succeed; returns the reply's JSON (or Null).
    fn ok(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let reply = self.call(method, path, body);
        assert!(
            (200..300).contains(&reply.status),
            "{method} {path}: {} {}",
            reply.status,
            reply.body
        );
        if reply.body.is_empty() {
            Value::Null
        } else {
            reply.json()
        }
    }

    fn get(&self, path: &str) -> Reply {
        self.app.get(path, Auth::Bearer(&self.admin))
    }

    /// A new user (with a password, so they can log in); returns (id, name).
    fn user(&self) -> (String, String) {
        let name = self.name("audited");
        let doc = self.ok(
            "POST",
            &format!("{API}/users"),
            Some(&json!({"username": name, "password": "audited-pw-123"})),
        );
        (doc["data"]["id"].as_str().unwrap().to_owned(), name)
    }

    fn org(&self) -> String {
        let doc = self.ok(
            "POST",
            &format!("{API}/orgs"),
            Some(&json!({"name": self.name("Org")})),
        );
        doc["data"]["id"].as_str().unwrap().to_owned()
    }

    fn count(&self) -> u64 {
        let reply = self.get(&format!("{LOG}?count=only"));
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["meta"]["count"].as_u64().unwrap()
    }

    fn newest(&self) -> Value {
        let reply = self.get(&format!("{LOG}?page[first]=1"));
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["data"][0].clone()
    }
}

fn ids(reply: &Reply) -> Vec<String> {
    reply.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// What one mutating route is expected to record.
struct Case {
    method: &'static str,
    path: String,
    body: Option<Value>,
    /// Raw body with its content type (instead of JSON).
    raw: Option<(&'static str, &'static str)>,
    action: &'static str,
    target_type: &'static str,
    target_id: Option<String>,
}

/// A confidential OpenID Connect application redirecting to rp.example.
fn new_application(env: &Env, skip_consent: bool) -> String {
    let doc = env.ok(
        "POST",
        &format!("{API}/applications"),
        Some(
            &json!({"name": env.name("app"), "redirect_uris": ["https://rp.example/cb"],
            "skip_consent": skip_consent}),
        ),
    );
    doc["data"]["id"].as_str().unwrap().to_owned()
}

fn case(
    method: &'static str,
    path: String,
    body: Option<Value>,
    action: &'static str,
    target_type: &'static str,
    target_id: Option<String>,
) -> Case {
    Case {
        method,
        path,
        body,
        raw: None,
        action,
        target_type,
        target_id,
    }
}

/// Sets up what the route needs and says what it must record; `None` for
/// a route this table does not know (the test then fails).
fn case_for(env: &Env, method: &str, template: &str) -> Option<Case> {
    let p = |rest: &str| format!("{API}{rest}");
    Some(match (method, template.strip_prefix(API)?) {
        ("post", "/users") => {
            let name = env.name("created");
            case(
                "POST",
                p("/users"),
                Some(json!({"username": name})),
                "user.create",
                "user",
                None,
            )
        }
        ("post", "/users/bulk") => {
            let (id, _) = env.user();
            case(
                "POST",
                p("/users/bulk"),
                Some(json!({"action": "lock", "ids": [id]})),
                "user.lock",
                "user",
                Some(id),
            )
        }
        ("post", "/users/import") => Case {
            raw: Some(("text/csv", "username\r\nimported-one\r\n")),
            ..case(
                "POST",
                p("/users/import?format=csv"),
                None,
                "user.import",
                "user",
                None,
            )
        },
        ("patch", "/users/{id}") => {
            let (id, _) = env.user();
            case(
                "PATCH",
                p(&format!("/users/{id}")),
                Some(json!({"display_name": "Renamed"})),
                "user.update",
                "user",
                Some(id),
            )
        }
        ("delete", "/users/{id}") => {
            let (id, _) = env.user();
            case(
                "DELETE",
                p(&format!("/users/{id}")),
                None,
                "user.delete",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/set-password") => {
            let (id, _) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/set-password")),
                Some(json!({"password": "another-pw-123"})),
                "user.set_password",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/lock") => {
            let (id, _) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/lock")),
                None,
                "user.lock",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/unlock") => {
            let (id, _) = env.user();
            env.ok("POST", &p(&format!("/users/{id}/lock")), None);
            case(
                "POST",
                p(&format!("/users/{id}/unlock")),
                None,
                "user.unlock",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/deactivate") => {
            let (id, _) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/deactivate")),
                Some(json!({})),
                "user.deactivate",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/reactivate") => {
            let (id, _) = env.user();
            env.ok(
                "POST",
                &p(&format!("/users/{id}/deactivate")),
                Some(&json!({})),
            );
            case(
                "POST",
                p(&format!("/users/{id}/reactivate")),
                None,
                "user.reactivate",
                "user",
                Some(id),
            )
        }
        ("put", "/users/{id}/permissions") => {
            let (id, _) = env.user();
            case(
                "PUT",
                p(&format!("/users/{id}/permissions")),
                Some(json!({"roles": ["helpdesk"]})),
                "user.set_roles",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/tokens") => {
            let (id, _) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/tokens")),
                Some(json!({"name": "scripts"})),
                "token.create",
                "token",
                None,
            )
        }
        ("post", "/users/{id}/email/verification") => {
            let id = env.user_with_email();
            case(
                "POST",
                p(&format!("/users/{id}/email/verification")),
                None,
                "user.email_verification_sent",
                "user",
                Some(id),
            )
        }
        ("put", "/users/{id}/email/verified") => {
            let id = env.user_with_email();
            case(
                "PUT",
                p(&format!("/users/{id}/email/verified")),
                Some(json!({"verified": true})),
                "user.email_verified",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/password-reset") => {
            let id = env.user_with_email();
            case(
                "POST",
                p(&format!("/users/{id}/password-reset")),
                None,
                "user.password_reset_link",
                "user",
                Some(id),
            )
        }
        ("post", "/invitations") => case(
            "POST",
            p("/invitations"),
            Some(json!({"email": format!("{}@example.org", env.name("guest"))})),
            "invitation.create",
            "invitation",
            None,
        ),
        ("post", "/email/outbox/{id}/retry") => {
            env.user_with_email();
            // The mail server is down and one attempt is allowed: it fails.
            let failed = common::eventually(|| {
                env.ok("GET", &p("/email/outbox?filter[status]=failed"), None)["data"]
                    .as_array()
                    .is_some_and(|m| !m.is_empty())
            });
            assert!(failed, "no failed message");
            let doc = env.ok("GET", &p("/email/outbox?filter[status]=failed"), None);
            let id = doc["data"][0]["id"].as_str().unwrap().to_owned();
            case(
                "POST",
                p(&format!("/email/outbox/{id}/retry")),
                None,
                "email.retry",
                "email",
                Some(id),
            )
        }
        ("delete", "/users/{id}/factors") => {
            let (id, _) = env.user();
            case(
                "DELETE",
                p(&format!("/users/{id}/factors")),
                None,
                "second_factor.reset",
                "user",
                Some(id),
            )
        }
        ("delete", "/users/{id}/tokens/{token_id}") => {
            let (id, _) = env.user();
            let doc = env.ok(
                "POST",
                &p(&format!("/users/{id}/tokens")),
                Some(&json!({"name": "doomed"})),
            );
            let token = doc["data"]["id"].as_str().unwrap().to_owned();
            case(
                "DELETE",
                p(&format!("/users/{id}/tokens/{token}")),
                None,
                "token.revoke",
                "token",
                Some(token),
            )
        }
        ("post", "/users/{id}/contacts") => {
            let (id, _) = env.user();
            let (_, other) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/contacts")),
                Some(json!({"contact": other})),
                "contact.add",
                "user",
                Some(id),
            )
        }
        ("patch", "/users/{id}/contacts/{contact}") => {
            let (id, _) = env.user();
            let (_, other) = env.user();
            env.ok(
                "POST",
                &p(&format!("/users/{id}/contacts")),
                Some(&json!({"contact": other})),
            );
            case(
                "PATCH",
                p(&format!("/users/{id}/contacts/{other}")),
                Some(json!({"groups": ["Friends"]})),
                "contact.update",
                "user",
                Some(id),
            )
        }
        ("delete", "/users/{id}/contacts/{contact}") => {
            let (id, _) = env.user();
            let (_, other) = env.user();
            env.ok(
                "POST",
                &p(&format!("/users/{id}/contacts")),
                Some(&json!({"contact": other})),
            );
            case(
                "DELETE",
                p(&format!("/users/{id}/contacts/{other}")),
                None,
                "contact.remove",
                "user",
                Some(id),
            )
        }
        ("delete", "/users/{id}/sessions/{session_id}") => {
            let (id, name) = env.user();
            env.app.login(&name, "audited-pw-123");
            let list = env.ok("GET", &p(&format!("/users/{id}/sessions")), None);
            let session = list["data"][0]["id"].as_str().unwrap().to_owned();
            case(
                "DELETE",
                p(&format!("/users/{id}/sessions/{session}")),
                None,
                "session.revoke",
                "session",
                Some(session),
            )
        }
        ("post", "/users/{id}/logout") => {
            let (id, name) = env.user();
            env.app.login(&name, "audited-pw-123");
            case(
                "POST",
                p(&format!("/users/{id}/logout")),
                None,
                "session.logout_all",
                "user",
                Some(id),
            )
        }
        ("post", "/users/{id}/messages") => {
            let (id, _) = env.user();
            case(
                "POST",
                p(&format!("/users/{id}/messages")),
                Some(json!({"body": "hello"})),
                "message.send",
                "user",
                Some(id),
            )
        }
        ("post", "/messages/multicast") => {
            let (_, name) = env.user();
            case(
                "POST",
                p("/messages/multicast"),
                Some(json!([{"to": name, "body": "hello"}])),
                "message.multicast",
                "message",
                None,
            )
        }
        ("post", "/messages/broadcast") => case(
            "POST",
            p("/messages/broadcast"),
            Some(json!({"body": "hello all"})),
            "message.broadcast",
            "message",
            None,
        ),
        ("post", "/orgs") => case(
            "POST",
            p("/orgs"),
            Some(json!({"name": env.name("New org")})),
            "org.create",
            "org",
            None,
        ),
        ("patch", "/orgs/{id}") => {
            let org = env.org();
            case(
                "PATCH",
                p(&format!("/orgs/{org}")),
                Some(json!({"name": env.name("Renamed org")})),
                "org.rename",
                "org",
                Some(org),
            )
        }
        ("delete", "/orgs/{id}") => {
            let org = env.org();
            case(
                "DELETE",
                p(&format!("/orgs/{org}")),
                None,
                "org.delete",
                "org",
                Some(org),
            )
        }
        ("put", "/orgs/{id}/members/{user_id}") => {
            let org = env.org();
            let (id, _) = env.user();
            case(
                "PUT",
                p(&format!("/orgs/{org}/members/{id}")),
                Some(json!({"role": "editor"})),
                "org.member.put",
                "org",
                Some(org),
            )
        }
        ("delete", "/orgs/{id}/members/{user_id}") => {
            let org = env.org();
            let (id, _) = env.user();
            env.ok(
                "PUT",
                &p(&format!("/orgs/{org}/members/{id}")),
                Some(&json!({"role": "viewer"})),
            );
            case(
                "DELETE",
                p(&format!("/orgs/{org}/members/{id}")),
                None,
                "org.member.remove",
                "org",
                Some(org),
            )
        }
        ("post", "/oauth2-clients") => case(
            "POST",
            p("/oauth2-clients"),
            Some(json!({"name": env.name("client"), "scopes": ["urn:gatehouse:admin:read"]})),
            "oauth2_client.create",
            "oauth2_client",
            None,
        ),
        ("delete", "/oauth2-clients/{id}") => {
            let doc = env.ok(
                "POST",
                &p("/oauth2-clients"),
                Some(&json!({"name": env.name("client"), "scopes": ["urn:gatehouse:admin:read"]})),
            );
            let id = doc["data"]["id"].as_str().unwrap().to_owned();
            case(
                "DELETE",
                p(&format!("/oauth2-clients/{id}")),
                None,
                "oauth2_client.revoke",
                "oauth2_client",
                Some(id),
            )
        }
        ("post", "/applications") => case(
            "POST",
            p("/applications"),
            Some(json!({"name": env.name("app"), "redirect_uris": ["https://rp.example/cb"]})),
            "application.create",
            "application",
            None,
        ),
        ("patch", "/applications/{id}") => {
            let id = new_application(env, false);
            case(
                "PATCH",
                p(&format!("/applications/{id}")),
                Some(json!({"skip_consent": true})),
                "application.update",
                "application",
                Some(id),
            )
        }
        ("delete", "/applications/{id}") => {
            let id = new_application(env, false);
            case(
                "DELETE",
                p(&format!("/applications/{id}")),
                None,
                "application.delete",
                "application",
                Some(id),
            )
        }
        ("post", "/applications/{id}/rotate-secret") => {
            let id = new_application(env, false);
            case(
                "POST",
                p(&format!("/applications/{id}/rotate-secret")),
                None,
                "application.rotate_secret",
                "application",
                Some(id),
            )
        }
        ("delete", "/users/{id}/grants/{grant_id}") => {
            let app = new_application(env, true);
            let (id, name) = env.user();
            let cookie = env.app.login(&name, "audited-pw-123");
            let authorize = format!(
                "/oauth2/authorize?client_id={app}&response_type=code&scope=openid&redirect_uri={}",
                urlencoding::encode("https://rp.example/cb")
            );
            let signed_in = env.app.get(&authorize, Auth::Cookie(&cookie));
            assert_eq!(signed_in.status, 303, "{}", signed_in.body);
            let grants = env.ok("GET", &p(&format!("/users/{id}/grants")), None);
            let grant = grants["data"][0]["id"].as_str().unwrap().to_owned();
            case(
                "DELETE",
                p(&format!("/users/{id}/grants/{grant}")),
                None,
                "grant.revoke",
                "user",
                Some(id),
            )
        }
        // The test's own address stays listed, so nobody is locked out.
        ("put", "/allowlist/{entry}") => case(
            "PUT",
            p("/allowlist/127.0.0.1"),
            Some(json!({"note": "the tests"})),
            "allowlist.put",
            "allowlist",
            Some("127.0.0.1".into()),
        ),
        ("delete", "/allowlist/{entry}") => {
            env.ok("PUT", &p("/allowlist/127.0.0.1"), None);
            env.ok("PUT", &p("/allowlist/192.0.2.9"), None);
            case(
                "DELETE",
                p("/allowlist/192.0.2.9"),
                None,
                "allowlist.delete",
                "allowlist",
                Some("192.0.2.9".into()),
            )
        }
        ("post", "/registration-tokens") => case(
            "POST",
            p("/registration-tokens"),
            Some(json!({"uses_allowed": 2})),
            "registration_token.create",
            "registration_token",
            None,
        ),
        ("patch", "/registration-tokens/{token}") => {
            let token = env.name("tok");
            env.ok(
                "POST",
                &p("/registration-tokens"),
                Some(&json!({"token": token})),
            );
            case(
                "PATCH",
                p(&format!("/registration-tokens/{token}")),
                Some(json!({"uses_allowed": 5})),
                "registration_token.update",
                "registration_token",
                Some(token),
            )
        }
        ("delete", "/registration-tokens/{token}") => {
            let token = env.name("tok");
            env.ok(
                "POST",
                &p("/registration-tokens"),
                Some(&json!({"token": token})),
            );
            case(
                "DELETE",
                p(&format!("/registration-tokens/{token}")),
                None,
                "registration_token.delete",
                "registration_token",
                Some(token),
            )
        }
        ("post", "/registration-tokens/{token}/revoke") => {
            let token = env.name("tok");
            env.ok(
                "POST",
                &p("/registration-tokens"),
                Some(&json!({"token": token})),
            );
            case(
                "POST",
                p(&format!("/registration-tokens/{token}/revoke")),
                None,
                "registration_token.revoke",
                "registration_token",
                Some(token),
            )
        }
        ("post", "/registration-tokens/{token}/unrevoke") => {
            let token = env.name("tok");
            env.ok(
                "POST",
                &p("/registration-tokens"),
                Some(&json!({"token": token})),
            );
            env.ok(
                "POST",
                &p(&format!("/registration-tokens/{token}/revoke")),
                None,
            );
            case(
                "POST",
                p(&format!("/registration-tokens/{token}/unrevoke")),
                None,
                "registration_token.unrevoke",
                "registration_token",
                Some(token),
            )
        }
        ("post", "/server/provisioning/reload") => case(
            "POST",
            p("/server/provisioning/reload"),
            None,
            "provisioning.reload",
            "provisioning",
            None,
        ),
        // `metrics`: switching it has no effect on the other cases.
        ("put", "/modules/{name}") => {
            env.ok("DELETE", &p("/modules/metrics"), None);
            case(
                "PUT",
                p("/modules/metrics"),
                None,
                "module.enable",
                "module",
                Some("metrics".into()),
            )
        }
        ("delete", "/modules/{name}") => {
            env.ok("PUT", &p("/modules/metrics"), None);
            case(
                "DELETE",
                p("/modules/metrics"),
                None,
                "module.disable",
                "module",
                Some("metrics".into()),
            )
        }
        // Without a dormancy policy the job's own run writes nothing, so it
        // cannot add a record to a later case.
        ("post", "/jobs/{name}/run") => {
            env.call(
                "POST",
                &p("/jobs/pause-all"),
                Some(&json!({"paused": false})),
            );
            case(
                "POST",
                p("/jobs/deactivate_dormant/run"),
                None,
                "job.run",
                "job",
                Some("deactivate_dormant".into()),
            )
        }
        ("post", "/jobs/pause-all") => {
            env.call(
                "POST",
                &p("/jobs/pause-all"),
                Some(&json!({"paused": false})),
            );
            case(
                "POST",
                p("/jobs/pause-all"),
                Some(json!({"paused": true})),
                "jobs.pause",
                "job",
                None,
            )
        }
        _ => return None,
    })
}

#[test]
fn every_mutating_route_writes_exactly_one_audit_record() {
    let env = Env::provisioned();
    let spec = env.app.get("/api/spec.json", Auth::None);
    assert_eq!(spec.status, 200);
    let spec = spec.json();
    let mut routes = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in ["post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                routes.push((method, path.clone()));
            }
        }
    }
    assert!(routes.len() > 30, "the spec lists too few mutating routes");
    let mut missing = Vec::new();
    for (method, template) in &routes {
        let Some(c) = case_for(&env, method, template) else {
            missing.push(format!("{method} {template}"));
            continue;
        };
        let before = env.count();
        let reply = match &c.raw {
            Some((content_type, body)) => env.app.request(
                c.method,
                &c.path,
                Auth::Bearer(&env.admin),
                &[("Content-Type", content_type)],
                Some(body),
            ),
            None => env.call(c.method, &c.path, c.body.as_ref()),
        };
        let what = format!("{method} {template}");
        assert!(
            (200..300).contains(&reply.status),
            "{what}: {} {}",
            reply.status,
            reply.body
        );
        assert_eq!(env.count(), before + 1, "{what} must write one record");
        let record = env.newest();
        let attrs = &record["attributes"];
        assert_eq!(attrs["action"], c.action, "{what}");
        assert_eq!(attrs["target_type"], c.target_type, "{what}");
        if let Some(id) = &c.target_id {
            assert_eq!(attrs["target_id"], id.as_str(), "{what}");
        }
        assert_eq!(attrs["actor"]["type"], "token", "{what}");
        let detail = attrs["detail"].to_string();
        for secret in ["audited-pw-123", "another-pw-123", "$argon2"] {
            assert!(!detail.contains(secret), "{what} leaks a secret: {detail}");
        }
    }
    assert!(
        missing.is_empty(),
        "mutating routes without an audit case: {missing:?}"
    );
}

#[test]
fn list_statuses_and_who_may_read() {
    let env = Env::new();
    let app = &env.app;
    let reply = app.get(LOG, Auth::None);
    assert_eq!(reply.status, 401);
    let member = app.create_user("plain-member", Some("plain-member-pw-1"), false);
    let member_token = app.token_for(&member, &[]);
    for path in [LOG.to_owned(), format!("{LOG}/export")] {
        let reply = app.get(&path, Auth::Bearer(&member_token));
        assert_eq!(reply.status, 403, "{path}");
        assert!(!reply.body.contains("user.create"), "{path}");
        assert_eq!(app.get(&path, Auth::None).status, 401, "{path}");
    }
    // Reading the log needs only the read scope.
    let admin_id = app.create_user("reader-admin", Some("reader-admin-pw-1"), true);
    let read = app.token_for(&admin_id, &["urn:gatehouse:admin:read"]);
    assert_eq!(app.get(LOG, Auth::Bearer(&read)).status, 200);
    assert_eq!(
        app.get(&format!("{LOG}/export"), Auth::Bearer(&read))
            .status,
        200
    );
    for bad in [
        "filter[nope]=1",
        "filter[since]=yesterday",
        "filter[until]=2026-13-45",
        "count=maybe",
        "page[first]=0",
        "page[after]=not-a-ulid",
        "page[after]=01JD0000000000000000000000&page[before]=01JD0000000000000000000000",
    ] {
        let reply = env.get(&format!("{LOG}?{bad}"));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        assert!(reply.json()["errors"][0]["source"]["parameter"].is_string());
    }
    for bad in [
        "format=xml",
        "filter[nope]=1",
        "filter[since]=x",
        "page[first]=5",
    ] {
        let reply = env.get(&format!("{LOG}/export?{bad}"));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
    }
}

#[test]
fn records_show_actor_ip_and_before_after() {
    let env = Env::new();
    let (id, name) = env.user();
    let reply = env.app.request(
        "PATCH",
        &format!("{API}/users/{id}"),
        Auth::Bearer(&env.admin),
        &[
            ("Content-Type", "application/json"),
            ("X-Forwarded-For", "192.0.2.77"),
        ],
        Some(&json!({"display_name": "Dee", "email": "dee@example.org"}).to_string()),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let record = env.newest();
    let a = &record["attributes"];
    assert_eq!(a["action"], "user.update");
    assert_eq!(a["target_type"], "user");
    assert_eq!(a["target_id"], id.as_str());
    assert_eq!(a["ip"], "192.0.2.77");
    assert_eq!(a["actor"]["type"], "token");
    assert!(a["actor"]["id"].is_string());
    assert_eq!(a["detail"]["username"], name.as_str());
    assert_eq!(
        a["detail"]["before"],
        json!({"display_name": null, "email": null})
    );
    assert_eq!(
        a["detail"]["after"],
        json!({"display_name": "Dee", "email": "dee@example.org"})
    );
    assert!(record["links"]["self"].is_string());
    // The CLI and other in-process work is the system.
    env.app.create_user("by-system", None, false);
    let a = env.newest()["attributes"].clone();
    assert_eq!(
        a["actor"],
        json!({"type": "system", "id": null, "name": "system", "role": null})
    );
}

#[test]
fn filters_combine_and_pages_go_both_ways() {
    let env = Env::new();
    let (alice, _) = env.user();
    let (bob, _) = env.user();
    for id in [&alice, &bob, &alice] {
        env.ok("POST", &format!("{API}/users/{id}/lock"), None);
        env.ok("POST", &format!("{API}/users/{id}/unlock"), None);
    }
    let org = env.org();
    let q = |query: &str| {
        let reply = env.get(&format!("{LOG}?{query}"));
        assert_eq!(reply.status, 200, "{query}: {}", reply.body);
        reply
    };
    let count = |query: &str| q(&format!("{query}&count=only")).json()["meta"]["count"].as_u64();
    assert_eq!(count("filter[action]=user.lock"), Some(3));
    assert_eq!(count("filter[action]=user.unlock"), Some(3));
    // Prefixes: `user.*` and `user.` are the same; `user` alone is exact.
    // (The test's admin was created by the system: one more user.create.)
    assert_eq!(count("filter[action]=user.*"), Some(9));
    assert_eq!(count("filter[action]=user."), Some(9));
    assert_eq!(count("filter[action]=user"), Some(0));
    // LIKE wildcards in a prefix are literal.
    assert_eq!(count("filter[action]=us%25.*"), Some(0));
    assert_eq!(count(&format!("filter[target]=user:{alice}")), Some(5));
    assert_eq!(
        count(&format!(
            "filter[target]=user:{alice}&filter[action]=user.lock"
        )),
        Some(2)
    );
    assert_eq!(count(&format!("filter[target]=org:{org}")), Some(1));
    assert_eq!(count("filter[target]=org"), Some(1));
    // An id alone finds its records whatever their type (it used to be
    // taken for a type and match nothing).
    assert_eq!(count(&format!("filter[target]={alice}")), Some(5));
    assert_eq!(count(&format!("filter[target]={org}")), Some(1));
    // Neither a known type, TYPE:ID nor an id: a 400, not an empty list.
    for bad in ["alice", "users", "user:", "planet:1"] {
        let reply = env.get(&format!("{LOG}?filter[target]={bad}"));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        assert_eq!(
            reply.json()["errors"][0]["source"]["parameter"],
            "filter[target]",
            "{bad}"
        );
    }
    // The actor by id or by name; the admin of the token did all of it.
    let actor = env.newest()["attributes"]["actor"].clone();
    let by_id = count(&format!("filter[actor]={}", actor["id"].as_str().unwrap()));
    let by_name = count(&format!(
        "filter[actor]={}",
        actor["name"].as_str().unwrap()
    ));
    assert_eq!(by_id, by_name);
    assert_eq!(by_id, Some(9));
    assert_eq!(count("filter[actor]=nobody"), Some(0));
    // Time windows: everything is since yesterday, nothing until then.
    assert_eq!(count("filter[since]=2000-01-01"), Some(env.count()));
    assert_eq!(count("filter[until]=2000-01-01T00:00:00Z"), Some(0));
    assert_eq!(count("filter[since]=2999-01-01T00:00:00%2B02:00"), Some(0));

    // Newest first, paged forwards then back.
    let all = ids(&q("page[first]=100"));
    assert!(all.len() >= 10);
    let mut sorted = all.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(all, sorted, "newest first");
    let first = q("page[first]=4&filter[action]=user.*");
    let page1 = ids(&first);
    assert_eq!(page1.len(), 4);
    let next = first.json()["links"]["next"].as_str().unwrap().to_owned();
    assert!(next.contains("filter%5Baction%5D=user.*") || next.contains("filter[action]="));
    let second = env.get(&next);
    assert_eq!(second.status, 200, "{next}");
    let page2 = ids(&second);
    assert_eq!(page2.len(), 4);
    assert!(page2[0] < page1[3], "older records on the next page");
    let prev = second.json()["links"]["prev"].as_str().unwrap().to_owned();
    assert_eq!(ids(&env.get(&prev)), page1);
    let last = ids(&q("page[last]=3&filter[action]=user.*"));
    let every = ids(&q("filter[action]=user.*"));
    assert_eq!(last, every[every.len() - 3..].to_vec());
    let before = ids(&q(&format!(
        "page[last]=2&page[before]={}&filter[action]=user.*",
        every[4]
    )));
    assert_eq!(before, every[2..4].to_vec());
}

#[test]
fn exports_stream_both_formats_with_filters() {
    let env = Env::new();
    let (id, _) = env.user();
    env.ok(
        "PATCH",
        &format!("{API}/users/{id}"),
        Some(&json!({"display_name": "Quote \"me\", please"})),
    );
    env.ok("POST", &format!("{API}/users/{id}/lock"), None);

    let csv = env.get(&format!("{LOG}/export?format=csv&filter[target]=user:{id}"));
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("audit-log-"));
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "id,at,actor_type,actor_id,actor_name,ip,actor_role,action,target_type,target_id,detail"
    );
    // Newest first: lock, update, create.
    assert_eq!(lines.len(), 4, "{}", csv.body);
    // Each record names the role the action was allowed under.
    assert!(
        lines[1].contains(",server_admin,user.lock,user,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(",user.update,user,"));
    // The JSON detail is one quoted field, its quotes doubled.
    assert!(
        lines[2].contains("\"\"Quote \\\"\"me\\\"\", please\"\""),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains(",user.create,user,"));

    let default = env.get(&format!("{LOG}/export?filter[action]=user.lock"));
    assert_eq!(default.status, 200);
    assert!(default
        .header("content-type")
        .unwrap()
        .starts_with("text/csv"));
    assert_eq!(
        default.body.split("\r\n").filter(|l| !l.is_empty()).count(),
        2
    );

    let jsonl = env.get(&format!(
        "{LOG}/export?format=jsonl&filter[action]=user.*&filter[target]=user:{id}"
    ));
    assert_eq!(jsonl.status, 200);
    assert_eq!(
        jsonl.header("content-type").unwrap(),
        "application/x-ndjson"
    );
    let records: Vec<Value> = jsonl
        .body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["action"], "user.lock");
    assert_eq!(
        records[1]["detail"]["after"]["display_name"],
        "Quote \"me\", please"
    );
    assert_eq!(records[2]["action"], "user.create");
    assert_eq!(records[0]["actor"]["type"], "token");

    // An unfiltered export has every record.
    for _ in 0..3 {
        env.ok("POST", &format!("{API}/users/{id}/unlock"), None);
        env.ok("POST", &format!("{API}/users/{id}/lock"), None);
    }
    let all = env.get(&format!("{LOG}/export?format=jsonl"));
    let total = env.count() as usize;
    assert_eq!(all.body.lines().count(), total);
}
