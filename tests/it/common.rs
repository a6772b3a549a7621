//! Test harness: the real router on a free port, against a fresh SQLite file
//! or (when GATEHOUSE_TEST_DATABASE_URL is set) a fresh PostgreSQL database.

#![allow(dead_code)]

use std::{
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use gatehouse::{
    model::NewUser,
    server::{
        config::Config,
        ops::{self, tokens::NewToken, Caller},
        startup, AppState,
    },
};
use serde_json::Value;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub rt: Arc<tokio::runtime::Runtime>,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// `name=value` of the session cookie set by this reply.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .find(|(_, v)| v.starts_with("gatehouse_session="))
            .map(|(_, v)| v.split(';').next().unwrap().to_owned())
    }
}

#[derive(Clone, Copy)]
pub enum Auth<'a> {
    None,
    Bearer(&'a str),
    Basic(&'a str, &'a str),
    Cookie(&'a str),
}

fn unique() -> String {
    gatehouse::server::time::new_id().to_lowercase()
}

pub fn test_config(database_url: &str, data_dir: &std::path::Path) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        public_url: "http://127.0.0.1".into(),
        data_dir: data_dir.to_path_buf(),
        // The panel embedded in the binary, as in production.
        site_root: None,
        database_url: database_url.into(),
        database_max_connections: 5,
        cookie_secure: false,
        same_site_strict: false,
        session_idle_minutes: 60,
        cookie_domain: None,
        password_min_length: 8,
        basic_auth: true,
        require_second_factor: gatehouse::server::config::SecondFactorPolicy::Off,
        step_up_minutes: 10,
        internal_listen: None,
        admin_api_on_main: true,
        // Tests play clients at other addresses through X-Forwarded-For.
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        require_tls: false,
        access_token_ttl_secs: 3600,
        rate_limits: Default::default(),
        message_prefixes: Default::default(),
        member_tokens: false,
        default_org: None,
        org_members_visible_to: gatehouse::model::OrgRole::Viewer,
        registration_mode: Default::default(),
        default_language: Default::default(),
        log_format: Default::default(),
        metrics_token: None,
        jobs: Default::default(),
        provisioning_file: None,
        live: Default::default(),
        hashing: Default::default(),
        email: None,
    }
}

/// `[email]` for an SMTP server on loopback `port` (plain SMTP), retrying
/// after one second.
pub fn email_config(port: u16) -> gatehouse::server::email::config::EmailConfig {
    gatehouse::server::email::config::EmailConfig {
        host: "127.0.0.1".into(),
        port,
        security: gatehouse::server::email::config::SmtpSecurity::None,
        username: None,
        password: None,
        from: "Gatehouse <gatehouse@example.org>".into(),
        retry_seconds: 1,
        max_attempts: 20,
    }
}

/// A database of its own for one test.
pub fn fresh_database_url(rt: &tokio::runtime::Runtime, data_dir: &std::path::Path) -> String {
    match std::env::var("GATEHOUSE_TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => rt.block_on(async {
            use sqlx::Connection;
            let name = format!("gh_test_{}", unique());
            let mut conn = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .unwrap();
            let (base, _) = admin_url.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }),
        _ => format!("sqlite://{}", data_dir.join("gatehouse.db").display()),
    }
}

pub fn spawn_app() -> TestApp {
    spawn_app_with(|_| {})
}

/// An app whose public URL is its own address (the OpenID Connect issuer).
pub fn spawn_provider() -> TestApp {
    spawn_app_full(|_| {}, true)
}

pub fn spawn_provider_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_full(adjust, true)
}

pub fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_full(adjust, false)
}

fn spawn_app_full(adjust: impl FnOnce(&mut Config), own_url: bool) -> TestApp {
    // Server-side errors (logged, never returned) show up in a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter("warn")
        .try_init();
    let rt = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap(),
    );
    let data_dir = std::env::temp_dir().join(format!("gatehouse-test-{}", unique()));
    std::fs::create_dir_all(&data_dir).unwrap();
    let database_url = fresh_database_url(&rt, &data_dir);
    let mut config = test_config(&database_url, &data_dir);
    adjust(&mut config);
    let (state, base) = start_with(&rt, config, own_url);
    TestApp {
        base,
        state,
        database_url,
        data_dir,
        rt,
    }
}

/// Starts one server instance on `rt` and returns its state and base URL.
pub fn start(rt: &tokio::runtime::Runtime, config: Config) -> (AppState, String) {
    start_with(rt, config, false)
}

/// [`start`]; with `own_url`, the server's public URL is the address it
/// listens on (an OpenID Connect issuer must be reachable at its own name).
pub fn start_with(
    rt: &tokio::runtime::Runtime,
    mut config: Config,
    own_url: bool,
) -> (AppState, String) {
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        if own_url {
            config.public_url = format!("http://{addr}");
        }
        let state = startup::state(config).await.expect("state");
        let app = startup::router(state.clone()).await.expect("router");
        tokio::spawn(startup::serve(listener, app));
        (state, format!("http://{addr}"))
    })
}

impl TestApp {
    /// A second server instance on the same database (as after a restart).
    pub fn restart(&self) -> String {
        let config = test_config(&self.database_url, &self.data_dir);
        start(&self.rt, config).1
    }

    pub fn create_user(&self, username: &str, password: Option<&str>, admin: bool) -> String {
        let input = NewUser {
            username: username.into(),
            password: password.map(Into::into),
            admin,
            ..NewUser::default()
        };
        self.rt
            .block_on(ops::users::create(&self.state, &Caller::system(), input))
            .expect("create user")
            .id
    }

    pub fn token_for(&self, user_id: &str, scopes: &[&str]) -> String {
        let input = NewToken {
            user_id: user_id.into(),
            name: "test".into(),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            expires_at: None,
        };
        self.rt
            .block_on(ops::tokens::create(&self.state, &Caller::system(), input))
            .expect("create token")
            .secret
    }

    /// An admin with a full-scope token.
    pub fn admin_token(&self) -> String {
        let id = self.create_user(
            &format!("admin_{}", &unique()[20..]),
            Some("admin-password-1"),
            true,
        );
        self.token_for(&id, &[])
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        auth: Auth,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        // A request the server never answers fails its test with its path
        // instead of holding the whole run until CI's limit.
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(30))
            .build();
        let mut req = agent.request(method, &format!("{}{path}", self.base));
        match auth {
            Auth::None => {}
            Auth::Bearer(t) => req = req.set("Authorization", &format!("Bearer {t}")),
            Auth::Basic(u, p) => {
                use base64::Engine;
                let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
                req = req.set("Authorization", &format!("Basic {encoded}"));
            }
            Auth::Cookie(c) => req = req.set("Cookie", c),
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some(b) => req.send_string(b),
            None => req.call(),
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        let status = response.status();
        let mut headers = Vec::new();
        for name in response.headers_names() {
            for value in response.all(&name) {
                headers.push((name.clone(), value.to_owned()));
            }
        }
        let body = response.into_string().unwrap_or_default();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub fn get(&self, path: &str, auth: Auth) -> Reply {
        self.request("GET", path, auth, &[], None)
    }

    pub fn post_json(&self, path: &str, auth: Auth, body: &Value) -> Reply {
        self.request(
            "POST",
            path,
            auth,
            &[("Content-Type", "application/json")],
            Some(&body.to_string()),
        )
    }

    pub fn post_form(&self, path: &str, auth: Auth, headers: &[(&str, &str)], form: &str) -> Reply {
        let mut all = vec![("Content-Type", "application/x-www-form-urlencoded")];
        all.extend_from_slice(headers);
        self.request("POST", path, auth, &all, Some(form))
    }

    /// `POST /server/provisioning/reload` with an admin token.
    pub fn reload_provisioning(&self, token: &str) -> Reply {
        self.request(
            "POST",
            "/api/admin/v1/server/provisioning/reload",
            Auth::Bearer(token),
            &[],
            None,
        )
    }

    /// Logs in through the panel's server function; returns the cookie.
    pub fn login(&self, username: &str, password: &str) -> String {
        let reply = self.post_form(
            "/api/auth/login",
            Auth::None,
            &[],
            &format!("username={username}&password={password}"),
        );
        assert!(
            reply.status < 400,
            "login failed: {} {}",
            reply.status,
            reply.body
        );
        reply.session_cookie().expect("session cookie")
    }
}

/// The six-digit code of an authenticator app with this base32 `secret`,
/// `steps` time steps (30 s) from now, computed by `totp-lite` (not by
/// the server's implementation).
pub fn totp_code(secret: &str, steps: i64) -> String {
    let key = base32::decode(base32::Alphabet::Rfc4648 { padding: false }, secret)
        .expect("a base32 secret");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    totp_lite::totp_custom::<totp_lite::Sha1>(30, 6, &key, (now + steps * 30) as u64)
}

impl TestApp {
    /// Adds an authenticator app to the account of session `cookie` through
    /// the panel's server functions; returns its secret. The code that
    /// confirms it is the current one, now spent.
    pub fn enrol_totp(&self, cookie: &str) -> String {
        let setup = self.post_form(
            "/api/account/security/totp/begin",
            Auth::Cookie(cookie),
            &[],
            "",
        );
        assert_eq!(setup.status, 200, "{}", setup.body);
        let secret = setup.json()["secret"].as_str().expect("secret").to_owned();
        let confirm = self.post_form(
            "/api/account/security/totp",
            Auth::Cookie(cookie),
            &[],
            &format!("name=phone&code={}", totp_code(&secret, 0)),
        );
        assert_eq!(confirm.status, 200, "{}", confirm.body);
        secret
    }

    /// Logs in with the password of an account that has a second factor:
    /// the cookie of the half-finished sign-in, which owes the second step.
    pub fn login_first_step(&self, username: &str, password: &str) -> String {
        let reply = self.post_form(
            "/api/auth/login",
            Auth::None,
            &[("Accept", "text/html")],
            &format!("username={username}&password={password}"),
        );
        assert!(
            reply.status < 400,
            "login failed: {} {}",
            reply.status,
            reply.body
        );
        assert!(
            reply
                .header("location")
                .is_some_and(|l| l.starts_with("/login/second-factor")),
            "no second step: {:?}",
            reply.headers
        );
        reply.session_cookie().expect("session cookie")
    }
}

/// The first item of `kind` in a successful provisioning report.
pub fn reported(reply: &Reply, kind: &str) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.body);
    let items = reply.json()["data"]["attributes"]["items"].clone();
    items
        .as_array()
        .and_then(|items| items.iter().find(|i| i["kind"] == kind))
        .unwrap_or_else(|| panic!("no {kind} in {items}"))
        .clone()
}

/// Polls until `check` holds (the server forgets a closed stream shortly after).
pub fn eventually(mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A `gatehouse` server process on `database_url`, killed when dropped.
pub struct Process {
    child: Child,
    pub base: String,
}

impl Process {
    /// Stops the process as an operator would (SIGTERM) and waits for it.
    pub fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not stop within 10 s of SIGTERM");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn server_process(database_url: &str, data_dir: &std::path::Path) -> Process {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_gatehouse"))
        .env("GATEHOUSE_LISTEN", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", database_url)
        .env("GATEHOUSE_DATA_DIR", data_dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start gatehouse");
    let base = format!("http://127.0.0.1:{port}");
    let up = eventually(|| ureq::get(&format!("{base}/api/spec.json")).call().is_ok());
    assert!(up, "server process on {base} did not start");
    Process { child, base }
}
