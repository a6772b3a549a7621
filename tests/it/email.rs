//! Mail: a real SMTP server on loopback (Python's `aiosmtpd`, writing a
//! maildir) receives what the outbox worker sends; the tests read the
//! delivered messages with a MIME parser and follow their links.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::json;

use crate::common::{self, email_config, free_port, spawn_app_with, Auth, Reply, TestApp};
use gatehouse::{
    model::RegistrationMode,
    server::{config::Config, db::Db},
};

const PASSWORD: &str = "correct-horse-9";

/// `aiosmtpd` listening on a loopback port, storing messages in a maildir.
pub struct SmtpSink {
    child: Option<Child>,
    pub port: u16,
    dir: PathBuf,
}

/// One delivered message, decoded.
#[derive(Clone, Debug)]
pub struct Delivered {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
    pub list_unsubscribe: Option<String>,
    pub has_date: bool,
}

impl Delivered {
    /// The first link to `path` in the text part.
    pub fn link(&self, path: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(path))
            .unwrap_or_else(|| panic!("no {path} link in {}", self.text))
            .to_owned()
    }

    /// The `token` of the link to `path`.
    pub fn token(&self, path: &str) -> String {
        let link = self.link(path);
        let query = link.split_once('?').expect("a query").1;
        query
            .split('&')
            .find_map(|p| p.strip_prefix("token="))
            .expect("a token")
            .to_owned()
    }
}

impl SmtpSink {
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    pub fn start_on(port: u16) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "gatehouse-mail-{}",
            gatehouse::server::time::new_id().to_lowercase()
        ));
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd (apt install python3-aiosmtpd)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child: Some(child),
            port,
            dir,
        }
    }

    /// Every message received so far, in no particular order.
    pub fn messages(&self) -> Vec<Delivered> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) else {
                continue;
            };
            for entry in entries.flatten() {
                let raw = std::fs::read(entry.path()).unwrap();
                let m = mail_parser::MessageParser::default()
                    .parse(&raw)
                    .expect("a MIME message");
                out.push(Delivered {
                    to: m
                        .to()
                        .and_then(|a| a.first())
                        .and_then(|a| a.address())
                        .unwrap_or_default()
                        .to_owned(),
                    subject: m.subject().unwrap_or_default().to_owned(),
                    text: m.body_text(0).unwrap_or_default().into_owned(),
                    html: m.body_html(0).unwrap_or_default().into_owned(),
                    message_id: m.message_id().unwrap_or_default().to_owned(),
                    list_unsubscribe: m
                        .header_raw("List-Unsubscribe")
                        .map(|v| v.trim().to_owned()),
                    has_date: m.date().is_some(),
                });
            }
        }
        out
    }

    /// Waits (up to 20 s) for a message to `to` whose subject contains
    /// `subject`.
    pub fn wait_for(&self, to: &str, subject: &str) -> Delivered {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(m) = self
                .messages()
                .into_iter()
                .find(|m| m.to == to && m.subject.contains(subject))
            {
                return m;
            }
            assert!(
                Instant::now() < deadline,
                "no '{subject}' to {to}; got {:?}",
                self.messages()
                    .iter()
                    .map(|m| (&m.to, &m.subject))
                    .collect::<Vec<_>>()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Messages to `to`.
    pub fn to(&self, to: &str) -> Vec<Delivered> {
        self.messages().into_iter().filter(|m| m.to == to).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn mail_app(port: u16, adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_with(|c| {
        c.email = Some(email_config(port));
        c.registration_mode = RegistrationMode::Token;
        adjust(c);
    })
}

fn execute(app: &TestApp, sql: &str) {
    app.rt.block_on(async {
        match &app.state.db {
            Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        }
        .unwrap()
    });
}

fn user_with_email(app: &TestApp, token: &str, username: &str, email: &str) -> String {
    let reply = app.post_json(
        "/api/admin/v1/users",
        Auth::Bearer(token),
        &json!({"username": username, "password": PASSWORD, "email": email}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()["data"]["id"].as_str().unwrap().to_owned()
}

fn user(app: &TestApp, token: &str, id: &str) -> serde_json::Value {
    let reply = app.get(&format!("/api/admin/v1/users/{id}"), Auth::Bearer(token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"]["attributes"].clone()
}

/// An administrator marks the user's address verified.
fn mark_verified(app: &TestApp, token: &str, id: &str) -> Reply {
    let reply = app.request(
        "PUT",
        &format!("/api/admin/v1/users/{id}/email/verified"),
        Auth::Bearer(token),
        &[("Content-Type", "application/json")],
        Some(r#"{"verified": true}"#),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply
}

fn request_reset(app: &TestApp, email: &str, ip: &str) -> Reply {
    app.post_form(
        "/api/auth/password-reset/request",
        Auth::None,
        &[("X-Forwarded-For", ip)],
        &format!("email={}", urlencoding::encode(email)),
    )
}

fn assert_refused(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert!(reply.body.contains(code), "{code}: {}", reply.body);
}

#[test]
fn without_email_settings_the_mail_features_answer_409() {
    let app = common::spawn_app();
    let token = app.admin_token();
    let id = user_with_email(&app, &token, "nomail", "nomail@example.org");
    assert_refused(
        &app.post_json(
            "/api/admin/v1/invitations",
            Auth::Bearer(&token),
            &json!({"email": "x@example.org"}),
        ),
        409,
        "email_not_configured",
    );
    assert_refused(
        &app.request(
            "POST",
            &format!("/api/admin/v1/users/{id}/password-reset"),
            Auth::Bearer(&token),
            &[],
            None,
        ),
        409,
        "email_not_configured",
    );
    assert_refused(
        &request_reset(&app, "nomail@example.org", "10.9.0.1"),
        409,
        "email_not_configured",
    );
    assert_eq!(app.get("/api/email/available", Auth::None).body, "false");
    // Marking an address verified needs no mail.
    let marked = mark_verified(&app, &token, &id);
    assert_eq!(marked.status, 200, "{}", marked.body);
    assert_eq!(marked.json()["data"]["attributes"]["email_verified"], true);
}

#[test]
fn a_verification_link_proves_the_address_once() {
    let sink = SmtpSink::start();
    let app = mail_app(sink.port, |_| {});
    let token = app.admin_token();
    let id = user_with_email(&app, &token, "vera", "vera@example.org");
    assert_eq!(user(&app, &token, &id)["email_verified"], false);
    let unverified = app.get(
        "/api/admin/v1/users?filter[email_verified]=false",
        Auth::Bearer(&token),
    );
    assert!(unverified.body.contains("vera"), "{}", unverified.body);

    let mail = sink.wait_for("vera@example.org", "Confirm your email address");
    assert!(
        mail.html.contains("<a href=") && mail.has_date,
        "multipart with a date"
    );
    assert!(
        mail.message_id.ends_with("@example.org"),
        "{}",
        mail.message_id
    );
    let secret = mail.token("/verify-email");
    let page = app.get(&format!("/verify-email?token={secret}"), Auth::None);
    assert_eq!(page.status, 200);
    // Opening the page spends nothing: the button does.
    assert_eq!(user(&app, &token, &id)["email_verified"], false);
    let confirm = app.post_form(
        "/api/auth/verify-email",
        Auth::None,
        &[("Accept", "text/html")],
        &format!("token={secret}"),
    );
    assert_eq!(
        confirm.header("location"),
        Some("/verify-email?done=1"),
        "{}",
        confirm.body
    );
    assert_eq!(user(&app, &token, &id)["email_verified"], true);
    let verified = app.get(
        "/api/admin/v1/users?filter[email_verified]=true",
        Auth::Bearer(&token),
    );
    assert!(verified.body.contains("vera"), "{}", verified.body);
    assert_refused(
        &app.post_form(
            "/api/auth/verify-email",
            Auth::None,
            &[],
            &format!("token={secret}"),
        ),
        422,
        "link_invalid",
    );

    // A new address is unproven again and gets its own link.
    let cookie = app.login("vera", PASSWORD);
    let changed = app.post_form(
        "/api/account/profile",
        Auth::Cookie(&cookie),
        &[],
        "email=vera%40example.net",
    );
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(user(&app, &token, &id)["email_verified"], false);
    let second = sink.wait_for("vera@example.net", "Confirm your email address");
    // The first address's links are void for the second.
    assert_ne!(second.token("/verify-email"), secret);
    // An administrator can send it again, until the address is verified.
    let again = app.request(
        "POST",
        &format!("/api/admin/v1/users/{id}/email/verification"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(again.status, 204, "{}", again.body);
    let marked = mark_verified(&app, &token, &id);
    assert_eq!(marked.json()["data"]["attributes"]["email_verified"], true);
    assert_refused(
        &app.request(
            "POST",
            &format!("/api/admin/v1/users/{id}/email/verification"),
            Auth::Bearer(&token),
            &[],
            None,
        ),
        409,
        "email_already_verified",
    );
}

#[test]
fn a_forgotten_password_is_reset_by_mail_without_telling_who_has_an_account() {
    let sink = SmtpSink::start();
    let app = mail_app(sink.port, |c| c.rate_limits.per_account = 3);
    let token = app.admin_token();
    let id = user_with_email(&app, &token, "rosa", "rosa@example.org");
    // Verified, so she also receives the notice of the change.
    mark_verified(&app, &token, &id);
    let old_session = app.login("rosa", PASSWORD);

    // The same answer for an address with and without an account.
    let known = request_reset(&app, "Rosa@Example.org", "10.9.0.2");
    let unknown = request_reset(&app, "nobody@example.org", "10.9.0.2");
    assert_eq!((known.status, &known.body), (unknown.status, &unknown.body));
    assert_eq!(known.status, 200, "{}", known.body);
    let html = app.post_form(
        "/api/auth/password-reset/request",
        Auth::None,
        &[("Accept", "text/html"), ("X-Forwarded-For", "10.9.0.3")],
        "email=nobody%40example.org",
    );
    assert_eq!(html.header("location"), Some("/forgot-password?sent=1"));

    let mail = sink.wait_for("rosa@example.org", "Reset your password");
    assert!(mail.text.contains("rosa"), "{}", mail.text);
    let secret = mail.token("/reset-password");
    let page = app.get(&format!("/reset-password?token={secret}"), Auth::None);
    assert!(page.body.contains("rosa"), "the page names the account");

    let mismatch = app.post_form(
        "/api/auth/password-reset",
        Auth::None,
        &[],
        &format!("token={secret}&new_password=new-horse-battery-1&new_password_confirm=other"),
    );
    assert_refused(&mismatch, 422, "password_mismatch");
    let done = app.post_form(
        "/api/auth/password-reset",
        Auth::None,
        &[("Accept", "text/html")],
        &format!("token={secret}&new_password=new-horse-battery-1&new_password_confirm=new-horse-battery-1"),
    );
    assert_eq!(done.status, 302, "{}", done.body);
    let new_session = done.session_cookie().expect("signed in");
    let me = app.get("/api/auth/me", Auth::Cookie(&new_session));
    assert!(me.body.contains("rosa"), "{}", me.body);
    // Every earlier session ended; the link works once.
    assert_eq!(
        app.get("/api/auth/me", Auth::Cookie(&old_session)).body,
        "null"
    );
    assert_refused(
        &app.post_form(
            "/api/auth/password-reset",
            Auth::None,
            &[],
            &format!(
                "token={secret}&new_password=another-horse-2&new_password_confirm=another-horse-2"
            ),
        ),
        422,
        "link_invalid",
    );
    app.login("rosa", "new-horse-battery-1");
    let notice = sink.wait_for("rosa@example.org", "Your password was changed");
    assert!(
        notice
            .list_unsubscribe
            .as_deref()
            .is_some_and(|l| l.contains("/account")),
        "{notice:?}"
    );

    // Per address: the fourth request within the window is refused, from
    // any client address.
    assert_eq!(
        request_reset(&app, "rosa@example.org", "10.9.0.4").status,
        200
    );
    assert_eq!(
        request_reset(&app, "rosa@example.org", "10.9.0.6").status,
        200
    );
    let limited = request_reset(&app, "rosa@example.org", "10.9.0.5");
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert!(limited.header("retry-after").is_some());

    // An administrator can send the link instead of a temporary password.
    let sent = app.request(
        "POST",
        &format!("/api/admin/v1/users/{id}/password-reset"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(sent.status, 204, "{}", sent.body);
    let deadline = Instant::now() + Duration::from_secs(20);
    while sink
        .to("rosa@example.org")
        .iter()
        .filter(|m| m.subject.contains("Reset"))
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "the admin's link did not arrive");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        sink.to("nobody@example.org").is_empty(),
        "no mail to an unknown address"
    );
}

#[test]
fn an_invitation_registers_into_its_organisation() {
    let sink = SmtpSink::start();
    let app = mail_app(sink.port, |_| {});
    let token = app.admin_token();
    let org = app.post_json(
        "/api/admin/v1/orgs",
        Auth::Bearer(&token),
        &json!({"name": "Invited Org"}),
    );
    assert_eq!(org.status, 201, "{}", org.body);
    let org_id = org.json()["data"]["id"].as_str().unwrap().to_owned();

    let bad = app.post_json(
        "/api/admin/v1/invitations",
        Auth::Bearer(&token),
        &json!({"email": "not-an-address", "valid_days": 99}),
    );
    assert_refused(&bad, 422, "valid_days_out_of_range");
    assert!(bad.body.contains("email_invalid"), "{}", bad.body);
    let created = app.post_json(
        "/api/admin/v1/invitations",
        Auth::Bearer(&token),
        &json!({"email": "ivy@example.org", "org_id": org_id, "role": "editor"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let attributes = created.json()["data"]["attributes"].clone();
    assert_eq!(attributes["status"], "invited");

    let mail = sink.wait_for("ivy@example.org", "You are invited");
    assert!(
        mail.text.contains("Invited Org") && mail.text.contains("Editor"),
        "{}",
        mail.text
    );
    let link = mail.link("/register");
    assert!(link.contains("email=ivy%40example.org"), "{link}");
    let reg_token = mail.token("/register");
    assert_eq!(
        reg_token,
        attributes["registration_token"].as_str().unwrap()
    );
    let registered = app.post_form(
        "/api/registration/submit",
        Auth::None,
        &[],
        &format!("username=ivy&password={PASSWORD}&password_confirm={PASSWORD}&token={reg_token}&email=ivy%40example.org"),
    );
    assert!(
        registered.status < 400,
        "{} {}",
        registered.status,
        registered.body
    );

    let list = app.get(
        "/api/admin/v1/users?filter[search]=ivy",
        Auth::Bearer(&token),
    );
    let ivy = list.json()["data"][0].clone();
    assert_eq!(
        ivy["attributes"]["email_verified"], true,
        "the link came to that address"
    );
    let members = app.get(
        &format!("/api/admin/v1/orgs/{org_id}/members"),
        Auth::Bearer(&token),
    );
    assert!(
        members.body.contains("ivy") && members.body.contains("editor"),
        "{}",
        members.body
    );

    let listed = app.get(
        "/api/admin/v1/invitations?filter[status]=registered",
        Auth::Bearer(&token),
    );
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert_eq!(listed.json()["data"][0]["attributes"]["user_id"], ivy["id"]);
    // The token was for one use.
    let again = app.post_form(
        "/api/registration/submit",
        Auth::None,
        &[],
        &format!("username=ivy2&password={PASSWORD}&password_confirm={PASSWORD}&token={reg_token}"),
    );
    assert_refused(&again, 422, "token_used_up");

    // An unanswered invitation past its time is listed as expired.
    let late = app.post_json(
        "/api/admin/v1/invitations",
        Auth::Bearer(&token),
        &json!({"email": "late@example.org"}),
    );
    assert_eq!(late.status, 201);
    execute(
        &app,
        "UPDATE invitations SET expires_at = 1 WHERE email = 'late@example.org'",
    );
    let expired = app.get(
        "/api/admin/v1/invitations?filter[status]=expired",
        Auth::Bearer(&token),
    );
    assert_eq!(
        expired.json()["data"].as_array().unwrap().len(),
        1,
        "{}",
        expired.body
    );
    assert_eq!(
        expired.json()["data"][0]["attributes"]["email"],
        "late@example.org"
    );
    assert_refused(
        &app.get(
            "/api/admin/v1/invitations?filter[status]=lost",
            Auth::Bearer(&token),
        ),
        400,
        "filter[status]",
    );
}

#[test]
fn security_notices_follow_the_switches() {
    let sink = SmtpSink::start();
    let app = mail_app(sink.port, |_| {});
    let token = app.admin_token();
    let id = user_with_email(&app, &token, "nina", "nina@example.org");
    mark_verified(&app, &token, &id);
    let cookie = app.login("nina", PASSWORD);
    // The first sign-in is no news; one from another browser is.
    let other = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[(
            "User-Agent",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        )],
        &format!("username=nina&password={PASSWORD}"),
    );
    assert!(other.status < 400, "{}", other.body);
    let new_device = sink.wait_for("nina@example.org", "New sign-in");
    assert!(new_device.text.contains("Firefox"), "{}", new_device.text);

    // Switched off: sign-in notices stop; the others still come.
    let settings = app.post_form(
        "/api/account/mail/notices",
        Auth::Cookie(&cookie),
        &[],
        "password=on&factors=on",
    );
    assert_eq!(settings.status, 200, "{}", settings.body);
    assert_eq!(settings.json()["notices"], json!(["password", "factors"]));
    let third = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[("User-Agent", "curl/8.0")],
        &format!("username=nina&password={PASSWORD}"),
    );
    assert!(third.status < 400, "{}", third.body);
    app.enrol_totp(&cookie);
    let added = sink.wait_for("nina@example.org", "second factor was added");
    assert!(added.text.contains("phone"), "{}", added.text);
    let changed = app.post_form(
        "/api/account/password",
        Auth::Cookie(&cookie),
        &[],
        &format!("current_password={PASSWORD}&new_password=new-horse-battery-1&new_password_confirm=new-horse-battery-1"),
    );
    assert!(changed.status < 400, "{}", changed.body);
    sink.wait_for("nina@example.org", "Your password was changed");
    let sign_ins = sink
        .to("nina@example.org")
        .iter()
        .filter(|m| m.subject.contains("New sign-in"))
        .count();
    assert_eq!(sign_ins, 1, "the switched-off notice was not sent");
}

/// The outbox's latest messages, as the API lists them.
fn outbox(app: &TestApp, token: &str) -> Vec<serde_json::Value> {
    let reply = app.get("/api/admin/v1/email/outbox", Auth::Bearer(token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["data"].as_array().unwrap().clone()
}

#[test]
fn delivery_is_retried_until_the_smtp_server_is_back() {
    let port = free_port();
    let app = mail_app(port, |_| {});
    let token = app.admin_token();
    let id = user_with_email(&app, &token, "otto", "otto@example.org");
    let sent = app.request(
        "POST",
        &format!("/api/admin/v1/users/{id}/password-reset"),
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert_eq!(sent.status, 204, "{}", sent.body);
    // Nobody listens: attempts fail with the connection error and stay queued.
    let failed = common::eventually(|| {
        outbox(&app, &token).iter().any(|m| {
            m["attributes"]["attempts"].as_i64() >= Some(2)
                && m["attributes"]["last_error"].is_string()
        })
    });
    assert!(failed, "{:?}", outbox(&app, &token));
    assert!(outbox(&app, &token)
        .iter()
        .all(|m| m["attributes"]["status"] == "queued"));

    let sink = SmtpSink::start_on(port);
    let reset = sink.wait_for("otto@example.org", "Reset your password");
    let verify = sink.wait_for("otto@example.org", "Confirm your email address");
    assert_ne!(reset.message_id, verify.message_id);
    let delivered = common::eventually(|| {
        outbox(&app, &token)
            .iter()
            .all(|m| m["attributes"]["status"] == "sent")
    });
    assert!(delivered, "{:?}", outbox(&app, &token));
    assert_eq!(sink.to("otto@example.org").len(), 2, "each message once");

    // Delivered mail is kept jobs.keep_ended_days, then purged.
    execute(&app, "UPDATE email_outbox SET created_at = 1");
    let run = app.request(
        "POST",
        "/api/admin/v1/jobs/purge_expired/run",
        Auth::Bearer(&token),
        &[],
        None,
    );
    assert!(run.status < 300, "{}", run.body);
    assert!(common::eventually(|| outbox(&app, &token).is_empty()));
}

#[test]
fn two_instances_never_send_one_message_twice() {
    let sink = SmtpSink::start();
    let app = mail_app(sink.port, |_| {});
    // A second instance on the same database, with its own worker.
    let mut config = common::test_config(&app.database_url, &app.data_dir);
    config.email = Some(email_config(sink.port));
    config.registration_mode = RegistrationMode::Token;
    let _second = common::start(&app.rt, config);
    let token = app.admin_token();
    const N: usize = 24;
    for i in 0..N {
        let reply = app.post_json(
            "/api/admin/v1/invitations",
            Auth::Bearer(&token),
            &json!({"email": format!("guest{i}@example.org")}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.messages().len() < N {
        assert!(
            Instant::now() < deadline,
            "{} of {N} delivered",
            sink.messages().len()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Both workers idle, nothing more arrives.
    let settled = common::eventually(|| {
        outbox(&app, &token)
            .iter()
            .all(|m| m["attributes"]["status"] == "sent")
    });
    assert!(settled);
    let messages = sink.messages();
    assert_eq!(messages.len(), N, "no message twice");
    let mut ids: Vec<_> = messages.iter().map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), N);
    for i in 0..N {
        assert_eq!(sink.to(&format!("guest{i}@example.org")).len(), 1);
    }
}

#[test]
fn the_command_line_sends_a_test_message() {
    let sink = SmtpSink::start();
    let data_dir = std::env::temp_dir().join(format!(
        "gatehouse-cli-mail-{}",
        gatehouse::server::time::new_id().to_lowercase()
    ));
    std::fs::create_dir_all(&data_dir).unwrap();
    let run = |port: u16| {
        Command::new(env!("CARGO_BIN_EXE_gatehouse"))
            .args(["email", "test", "--to", "ops@example.org"])
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", data_dir.join("gh.db").display()),
            )
            .env("GATEHOUSE_DATA_DIR", &data_dir)
            .env("GATEHOUSE_EMAIL_HOST", "127.0.0.1")
            .env("GATEHOUSE_EMAIL_PORT", port.to_string())
            .env("GATEHOUSE_EMAIL_SECURITY", "none")
            .env("GATEHOUSE_EMAIL_FROM", "Gatehouse <gatehouse@example.org>")
            .env("GATEHOUSE_EMAIL_PASSWORD", "hunter2-secret")
            .env("RUST_LOG", "warn")
            .output()
            .expect("run gatehouse")
    };
    let ok = run(sink.port);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let mail = sink.wait_for("ops@example.org", "Test message");
    assert!(
        mail.text.contains(&format!("127.0.0.1:{}", sink.port)),
        "{}",
        mail.text
    );
    let down = run(free_port());
    assert!(!down.status.success());
    let said = String::from_utf8_lossy(&down.stderr);
    assert!(
        !said.is_empty() && !said.contains("hunter2-secret"),
        "{said}"
    );
}
