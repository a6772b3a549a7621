//! Live connections and messages over HTTP, on SQLite or PostgreSQL; with
//! PostgreSQL also two real server processes sharing one database.

use crate::common;

use std::{
    io::{BufRead, BufReader, Write},
    net::{Shutdown, TcpStream},
    sync::mpsc,
    time::{Duration, Instant},
};

use common::{eventually, server_process, spawn_app, spawn_app_with, Auth, TestApp};
use serde_json::{json, Value};

/// A raw server-sent-events client: every `data:` line arrives as JSON.
struct LiveClient {
    stream: TcpStream,
    events: mpsc::Receiver<Value>,
}

impl LiveClient {
    fn open(base: &str, auth: &str) -> Self {
        let addr = base.trim_start_matches("http://");
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "GET /api/live HTTP/1.1\r\nHost: {addr}\r\n{auth}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = reader.lines();
            // A refusal (429, 401, ...) is no stream: end at once, so that a
            // caller waiting for `hello` learns it now, not after its timeout.
            match lines.next() {
                Some(Ok(status)) if status.starts_with("HTTP/1.1 200") => {}
                _ => return,
            }
            for line in lines {
                let Ok(line) = line else { break };
                // The last chunk of the chunked body: the stream ended (the
                // connection itself may stay open for another request).
                if line.trim_end() == "0" {
                    break;
                }
                if let Some(data) = line.trim_end().strip_prefix("data:") {
                    if let Ok(value) = serde_json::from_str::<Value>(data.trim()) {
                        if tx.send(value).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Self { stream, events }
    }

    fn with_token(base: &str, token: &str) -> Self {
        Self::open(base, &format!("Authorization: Bearer {token}"))
    }

    fn with_cookie(base: &str, cookie: &str) -> Self {
        Self::open(base, &format!("Cookie: {cookie}"))
    }

    /// The next event of type `kind`, skipping others; panics after 5 s.
    fn expect(&self, kind: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) if event["type"] == kind => return event,
                Ok(_) => continue,
                Err(e) => panic!("no {kind} event: {e}"),
            }
        }
    }

    /// Whether the stream ended (the server finished the response) within 5 s.
    fn ends(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return true,
                Err(mpsc::RecvTimeoutError::Timeout) => return false,
            }
        }
    }

    fn close(self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

fn connected(app: &TestApp, admin: &str, user_id: &str) -> bool {
    let reply = app.request(
        "GET",
        &format!("/api/admin/v1/users/{user_id}/connected"),
        Auth::Bearer(admin),
        &[],
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["connected"].as_bool().unwrap()
}

fn message(app: &TestApp, admin: &str, user_id: &str, body: &str) -> common::Reply {
    app.post_json(
        &format!("/api/admin/v1/users/{user_id}/messages"),
        Auth::Bearer(admin),
        &json!({ "body": body }),
    )
}

#[test]
fn a_message_to_a_connected_user_is_delivered_live_with_200() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("live-alice", None, false);
    let token = app.token_for(&user, &[]);
    assert!(!connected(&app, &admin, &user));

    let client = LiveClient::with_token(&app.base, &token);
    let hello = client.expect("hello");
    assert_eq!(hello["unread"], 0);
    assert!(
        hello["online"].is_null(),
        "only administrators get the figure"
    );
    assert!(connected(&app, &admin, &user));

    let list = app.get("/api/admin/v1/connections", Auth::Bearer(&admin));
    assert_eq!(list.status, 200, "{}", list.body);
    let list = list.json();
    assert_eq!(list["meta"]["count"], 1);
    assert_eq!(list["data"][0]["type"], "connection");
    assert_eq!(list["data"][0]["id"], hello["connection_id"]);
    assert_eq!(list["data"][0]["attributes"]["username"], "live-alice");
    assert_eq!(list["data"][0]["attributes"]["client_ip"], "127.0.0.1");
    let only = app
        .get("/api/admin/v1/connections?count=only", Auth::Bearer(&admin))
        .json();
    assert_eq!(only["meta"]["count"], 1);
    assert_eq!(only["data"], json!([]));
    let mine = app.get(
        &format!("/api/admin/v1/connections?filter[user]={user}"),
        Auth::Bearer(&admin),
    );
    assert_eq!(mine.json()["meta"]["count"], 1);

    let reply = message(&app, &admin, &user, "  Hello there \n");
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["data"]["attributes"]["delivery"], "delivered");
    let event = client.expect("message");
    assert_eq!(event["body"], "Hello there");
    assert_eq!(event["kind"], "direct");

    client.close();
    assert!(
        eventually(|| !connected(&app, &admin, &user)),
        "a closed stream is forgotten"
    );
    // Now it waits for the next connection.
    assert_eq!(message(&app, &admin, &user, "later").status, 202);
}

#[test]
fn a_message_to_an_offline_user_is_queued_and_arrives_on_the_next_connection() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("live-bob", None, false);
    let token = app.token_for(&user, &[]);

    let reply = message(&app, &admin, &user, "while you were away");
    assert_eq!(reply.status, 202, "{}", reply.body);
    assert_eq!(reply.json()["data"]["attributes"]["delivery"], "queued");

    let client = LiveClient::with_token(&app.base, &token);
    assert_eq!(client.expect("hello")["unread"], 1);
    assert_eq!(client.expect("message")["body"], "while you were away");
    client.close();

    // Delivered once only, and kept in the inbox until read.
    let again = LiveClient::with_token(&app.base, &token);
    again.expect("hello");
    let inbox = app.get("/api/inbox/list", Auth::Bearer(&token));
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    let inbox = inbox.json();
    assert_eq!(inbox["unread"], 1);
    let id = inbox["messages"][0]["id"].as_str().unwrap().to_owned();
    let read = app.post_form(
        "/api/inbox/read",
        Auth::Bearer(&token),
        &[],
        &format!("id={id}"),
    );
    assert!(read.status < 300, "{}", read.body);
    assert_eq!(
        app.get("/api/inbox/list", Auth::Bearer(&token)).json()["unread"],
        0
    );
    let unknown = app.post_form(
        "/api/inbox/read",
        Auth::Bearer(&token),
        &[],
        "id=01JD0000000000000000000000",
    );
    assert_eq!(unknown.status, 404);
    again.close();
}

#[test]
fn bad_message_requests_get_clear_errors() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("live-carol", None, false);

    let unknown = message(&app, &admin, "01JD0000000000000000000000", "hi");
    assert_eq!(unknown.status, 404);
    let reply = app.get(
        "/api/admin/v1/users/01JD0000000000000000000000/connected",
        Auth::Bearer(&admin),
    );
    assert_eq!(reply.status, 404);

    let blank = message(&app, &admin, &user, "   ");
    assert_eq!(blank.status, 422);
    assert_eq!(blank.json()["errors"][0]["code"], "body_empty");
    assert_eq!(blank.json()["errors"][0]["source"]["pointer"], "/body");
    let long = message(&app, &admin, &user, &"x".repeat(1001));
    assert_eq!(long.json()["errors"][0]["code"], "body_too_long");
    let malformed = app.request(
        "POST",
        &format!("/api/admin/v1/users/{user}/messages"),
        Auth::Bearer(&admin),
        &[("Content-Type", "application/json")],
        Some("{\"body\":"),
    );
    assert_eq!(malformed.status, 400);
    let extra = app.post_json(
        &format!("/api/admin/v1/users/{user}/messages"),
        Auth::Bearer(&admin),
        &json!({"body": "x", "colour": "red"}),
    );
    assert_eq!(extra.status, 400);
    let filter = app.get(
        "/api/admin/v1/connections?filter[colour]=red",
        Auth::Bearer(&admin),
    );
    assert_eq!(filter.status, 400);

    // Members may not send, list or ask.
    let member = app.token_for(&user, &[]);
    assert_eq!(message(&app, &member, &user, "hi").status, 403);
    assert_eq!(
        app.get("/api/admin/v1/connections", Auth::Bearer(&member))
            .status,
        403
    );
    // The live stream needs credentials.
    assert_eq!(app.get("/api/live", Auth::None).status, 401);
}

#[test]
fn multicast_reports_each_recipient() {
    let app = spawn_app();
    let admin = app.admin_token();
    let online = app.create_user("mc-online", None, false);
    let offline = app.create_user("mc-offline", None, false);
    let client = LiveClient::with_token(&app.base, &app.token_for(&online, &[]));
    client.expect("hello");

    let reply = app.post_json(
        "/api/admin/v1/messages/multicast",
        Auth::Bearer(&admin),
        &json!([
            {"to": "mc-online", "body": "one"},
            {"to": offline, "body": "two"},
            {"to": "nobody-here", "body": "three"},
            {"to": "mc-offline", "body": " "},
        ]),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let report = reply.json();
    assert_eq!(report["sent"], 1);
    assert_eq!(report["queued"], 1);
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 2);
    assert_eq!(rejected[0]["index"], 2);
    assert_eq!(rejected[0]["code"], "user_not_found");
    assert_eq!(rejected[1]["code"], "body_empty");
    assert_eq!(client.expect("message")["kind"], "multicast");

    let none = app.post_json(
        "/api/admin/v1/messages/multicast",
        Auth::Bearer(&admin),
        &json!([{"to": "nobody-here", "body": "x"}]),
    );
    assert_eq!(none.status, 404);
    let empty = app.post_json(
        "/api/admin/v1/messages/multicast",
        Auth::Bearer(&admin),
        &json!([]),
    );
    assert_eq!(empty.status, 422);
    let not_a_list = app.post_json(
        "/api/admin/v1/messages/multicast",
        Auth::Bearer(&admin),
        &json!({"to": "x"}),
    );
    assert_eq!(not_a_list.status, 400);
    client.close();
}

#[test]
fn a_broadcast_reaches_everyone_connected_and_administrators_see_the_figure() {
    let app = spawn_app_with(|c| c.message_prefixes.broadcast = "[All] ".into());
    let admin_id = app.create_user("bc-admin", Some("admin-password-1"), true);
    let admin = app.token_for(&admin_id, &[]);
    let a = app.create_user("bc-a", None, false);
    let b = app.create_user("bc-b", None, false);
    let offline = app.create_user("bc-off", None, false);
    let a_token = app.token_for(&a, &[]);
    let a1 = LiveClient::with_token(&app.base, &a_token);
    let a2 = LiveClient::with_token(&app.base, &a_token);
    let b1 = LiveClient::with_token(&app.base, &app.token_for(&b, &[]));
    for c in [&a1, &a2, &b1] {
        c.expect("hello");
    }
    let admin_live = LiveClient::with_token(&app.base, &admin);
    assert_eq!(admin_live.expect("hello")["online"], 3);

    let reply = app.post_json(
        "/api/admin/v1/messages/broadcast",
        Auth::Bearer(&admin),
        &json!({"body": "restart at noon"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["count"], 3, "users, not connections");
    for c in [&a1, &a2, &b1, &admin_live] {
        let event = c.expect("message");
        assert_eq!(event["body"], "[All] restart at noon");
        assert_eq!(event["kind"], "broadcast");
    }
    // In the inboxes of those connected, not of others.
    let inbox = app.get("/api/inbox/list", Auth::Bearer(&a_token)).json();
    assert_eq!(inbox["messages"].as_array().unwrap().len(), 1);
    let off = app.get(
        "/api/inbox/list",
        Auth::Bearer(&app.token_for(&offline, &[])),
    );
    assert_eq!(off.json()["messages"], json!([]));

    // The administrators' figure follows people leaving.
    b1.close();
    let deadline = Instant::now() + Duration::from_secs(8);
    loop {
        let online = admin_live.expect("online");
        if online["count"] == 2 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "online figure never dropped to 2"
        );
    }
    for c in [a1, a2, admin_live] {
        c.close();
    }
}

#[test]
fn a_revoked_session_loses_its_live_connection() {
    let app = spawn_app();
    let user = app.create_user("live-dave", Some("dave-password-1"), false);
    let cookie = app.login("live-dave", "dave-password-1");
    let client = LiveClient::with_cookie(&app.base, &cookie);
    client.expect("hello");
    // Logging out everywhere (here: the session's own logout) ends the stream.
    let out = app.post_form("/api/auth/logout", Auth::Cookie(&cookie), &[], "");
    assert!(out.status < 400, "{}", out.body);
    let _ = user;
    assert_eq!(client.expect("revoked")["type"], "revoked");
    assert!(client.ends(), "the stream closes after `revoked`");
}

fn basic_header(username: &str, password: &str) -> String {
    use base64::Engine;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    format!("Authorization: Basic {encoded}")
}

/// The id of a user's only personal token.
fn only_token_id(app: &TestApp, admin: &str, user_id: &str) -> String {
    let list = app.get(
        &format!("/api/admin/v1/users/{user_id}/tokens"),
        Auth::Bearer(admin),
    );
    list.json()["data"][0]["id"].as_str().unwrap().to_owned()
}

#[test]
fn live_streams_are_capped_per_user_and_per_instance() {
    let app = spawn_app();
    let user = app.create_user("live-many", None, false);
    let token = app.token_for(&user, &[]);
    // 25 tabs: the first 10 connect, the others are told to wait.
    let open: Vec<LiveClient> = (0..10)
        .map(|_| {
            let client = LiveClient::with_token(&app.base, &token);
            client.expect("hello");
            client
        })
        .collect();
    for _ in 10..25 {
        let refused = app.get("/api/live", Auth::Bearer(&token));
        assert_eq!(refused.status, 429, "{}", refused.body);
        assert_eq!(refused.json()["errors"][0]["code"], "too_many_streams");
        assert!(refused.header("retry-after").is_some());
    }
    // Closing one makes room for one.
    let mut open = open;
    open.pop().unwrap().close();
    assert!(eventually(|| {
        let client = LiveClient::with_token(&app.base, &token);
        let hello = client.events.recv_timeout(Duration::from_secs(5));
        let connected = hello.is_ok_and(|e| e["type"] == "hello");
        if connected {
            open.push(client);
        }
        connected
    }));
    assert_eq!(app.get("/api/live", Auth::Bearer(&token)).status, 429);

    // The instance's own cap counts everyone.
    let small = spawn_app_with(|c| c.live.total = 2);
    let held: Vec<LiveClient> = ["cap-a", "cap-b"]
        .iter()
        .map(|name| {
            let id = small.create_user(name, None, false);
            let client = LiveClient::with_token(&small.base, &small.token_for(&id, &[]));
            client.expect("hello");
            client
        })
        .collect();
    let third = small.create_user("cap-c", None, false);
    let refused = small.get("/api/live", Auth::Bearer(&small.token_for(&third, &[])));
    assert_eq!(refused.status, 429, "{}", refused.body);
    drop(held);
}

#[test]
fn token_and_basic_streams_die_with_their_credentials() {
    let app = spawn_app();
    let admin = app.admin_token();
    let user = app.create_user("live-frank", Some("frank-password-1"), false);
    let token = app.token_for(&user, &[]);

    // Revoking the token ends the stream opened with it.
    let by_token = LiveClient::with_token(&app.base, &token);
    by_token.expect("hello");
    let token_id = only_token_id(&app, &admin, &user);
    let revoke = app.request(
        "DELETE",
        &format!("/api/admin/v1/users/{user}/tokens/{token_id}"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(revoke.status, 204, "{}", revoke.body);
    by_token.expect("revoked");
    assert!(by_token.ends());

    // Locking the user ends a stream opened with a new token.
    let token = app.token_for(&user, &[]);
    let by_token = LiveClient::with_token(&app.base, &token);
    by_token.expect("hello");
    let lock = app.post_json(
        &format!("/api/admin/v1/users/{user}/lock"),
        Auth::Bearer(&admin),
        &json!({}),
    );
    assert_eq!(lock.status, 200, "{}", lock.body);
    by_token.expect("revoked");
    assert!(by_token.ends());

    // An administrator's Basic stream ends when they are demoted (it may
    // reconnect with what is left) and when they are deleted.
    let boss = app.create_user("live-boss", Some("boss-password-1"), true);
    let by_basic = LiveClient::open(&app.base, &basic_header("live-boss", "boss-password-1"));
    assert!(
        by_basic.expect("hello")["online"].is_number(),
        "an admin's hello has the figure"
    );
    let demote = app.request(
        "PUT",
        &format!("/api/admin/v1/users/{boss}/permissions"),
        Auth::Bearer(&admin),
        &[("Content-Type", "application/json")],
        Some(r#"{"admin": false}"#),
    );
    assert_eq!(demote.status, 200, "{}", demote.body);
    assert!(by_basic.ends(), "the demoted admin's stream ends");
    let again = LiveClient::open(&app.base, &basic_header("live-boss", "boss-password-1"));
    assert!(
        again.expect("hello")["online"].is_null(),
        "no admin figure any more"
    );
    let delete = app.request(
        "DELETE",
        &format!("/api/admin/v1/users/{boss}"),
        Auth::Bearer(&admin),
        &[],
        None,
    );
    assert_eq!(delete.status, 204, "{}", delete.body);
    again.expect("revoked");
    assert!(again.ends());
}

#[test]
fn two_processes_on_one_postgresql_behave_as_one() {
    if std::env::var("GATEHOUSE_TEST_DATABASE_URL").is_err() {
        eprintln!("skipped: needs PostgreSQL (GATEHOUSE_TEST_DATABASE_URL)");
        return;
    }
    let app = spawn_app();
    let a = server_process(&app.database_url, &app.data_dir);
    let b = server_process(&app.database_url, &app.data_dir);
    let admin = app.admin_token();
    let user = app.create_user("two-erin", Some("erin-password-1"), false);
    let token = app.token_for(&user, &[]);

    // Erin has a page open on B; the admin talks to A.
    let on_b = LiveClient::with_token(&b.base, &token);
    on_b.expect("hello");
    let send = ureq::post(&format!("{}/api/admin/v1/users/{user}/messages", a.base))
        .set("Authorization", &format!("Bearer {admin}"))
        .send_json(json!({"body": "from A"}))
        .expect("send through A");
    assert_eq!(send.status(), 200, "A knows Erin is connected to B");
    assert_eq!(on_b.expect("message")["body"], "from A");

    // Lists and counts on A include B's connections.
    let on_a = LiveClient::with_token(&a.base, &token);
    on_a.expect("hello");
    let list: Value = ureq::get(&format!("{}/api/admin/v1/connections", a.base))
        .set("Authorization", &format!("Bearer {admin}"))
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    assert_eq!(list["meta"]["count"], 2);

    // A broadcast through B reaches the page on A.
    let reply: Value = ureq::post(&format!("{}/api/admin/v1/messages/broadcast", b.base))
        .set("Authorization", &format!("Bearer {admin}"))
        .send_json(json!({"body": "to all"}))
        .unwrap()
        .into_json()
        .unwrap();
    assert_eq!(reply["count"], 1);
    assert_eq!(on_a.expect("message")["body"], "to all");
    assert_eq!(on_b.expect("message")["body"], "to all");

    // A session logged in on B and ended through A closes its stream on B.
    let login = ureq::AgentBuilder::new()
        .redirects(0)
        .build()
        .post(&format!("{}/api/auth/login", b.base))
        .send_form(&[("username", "two-erin"), ("password", "erin-password-1")]);
    let login = match login {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    let cookie = login
        .all("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("gatehouse_session="))
        .map(|c| c.split(';').next().unwrap().to_owned())
        .expect("session cookie");
    let session_on_b = LiveClient::with_cookie(&b.base, &cookie);
    session_on_b.expect("hello");
    let logout = ureq::post(&format!("{}/api/admin/v1/users/{user}/logout", a.base))
        .set("Authorization", &format!("Bearer {admin}"))
        .call()
        .expect("log Erin out everywhere through A");
    assert_eq!(logout.status(), 200);
    session_on_b.expect("revoked");
    assert!(session_on_b.ends());

    // Revoking Erin's token through A ends its streams on both instances.
    let token_id = only_token_id(&app, &admin, &user);
    let revoke = ureq::delete(&format!(
        "{}/api/admin/v1/users/{user}/tokens/{token_id}",
        a.base
    ))
    .set("Authorization", &format!("Bearer {admin}"))
    .call()
    .expect("revoke Erin's token through A");
    assert_eq!(revoke.status(), 204);
    for stream in [on_a, on_b] {
        stream.expect("revoked");
        assert!(stream.ends());
    }
    let on_a = LiveClient::with_token(&a.base, &app.token_for(&user, &[]));
    on_a.expect("hello");

    // B stops: A no longer lists its connections.
    b.stop();
    let only_a = eventually(|| {
        let list: Value = ureq::get(&format!("{}/api/admin/v1/connections?count=only", a.base))
            .set("Authorization", &format!("Bearer {admin}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap();
        list["meta"]["count"] == 1
    });
    assert!(only_a, "a stopped instance's connections disappear");
    on_a.close();
}
