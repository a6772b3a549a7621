//! Forward authentication behind a real nginx (`auth_request`), and the
//! Traefik/Caddy convention spoken to the gate directly.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command},
    time::{Duration, Instant},
};

use gatehouse::{
    model::OrgRole,
    server::ops::{self, Caller},
};
use serde_json::json;

use crate::common::{eventually, reported, spawn_provider, totp_code, Auth, Reply, TestApp};

/// nginx in front of a static upstream that echoes what the gate told it.
struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn nginx_binary() -> &'static str {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("nginx is not installed: run scripts/setup.sh test")
}

impl Nginx {
    fn start(gatehouse: &str, dir: &Path) -> Self {
        let (port, upstream) = (free_port(), free_port());
        let dir = dir.join("nginx");
        std::fs::create_dir_all(dir.join("tmp")).unwrap();
        let gate = gatehouse.trim_start_matches("http://");
        // The README's snippet, with test ports and paths.
        let config = format!(
            r#"daemon off;
# One process: killing it leaves no worker behind (holding the test's output open).
master_process off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {dir}/tmp/body;
  proxy_temp_path {dir}/tmp/proxy;
  fastcgi_temp_path {dir}/tmp/fastcgi;
  uwsgi_temp_path {dir}/tmp/uwsgi;
  scgi_temp_path {dir}/tmp/scgi;
  server {{
    listen 127.0.0.1:{upstream};
    location / {{
      default_type text/plain;
      return 200 "upstream user=$http_remote_user name=$http_remote_name groups=$http_remote_groups path=$request_uri\n";
    }}
  }}
  server {{
    listen 127.0.0.1:{port};
    location = /gatehouse-auth {{
      internal;
      proxy_pass http://{gate}/forward-auth/nginx;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
      proxy_set_header X-Forwarded-For $remote_addr;
    }}
    location / {{
      auth_request /gatehouse-auth;
      auth_request_set $gatehouse_user $upstream_http_remote_user;
      auth_request_set $gatehouse_name $upstream_http_remote_name;
      auth_request_set $gatehouse_groups $upstream_http_remote_groups;
      auth_request_set $gatehouse_login $upstream_http_location;
      error_page 401 =302 $gatehouse_login;
      proxy_set_header Remote-User $gatehouse_user;
      proxy_set_header Remote-Name $gatehouse_name;
      proxy_set_header Remote-Groups $gatehouse_groups;
      proxy_pass http://127.0.0.1:{upstream};
    }}
  }}
}}
"#,
            dir = dir.display()
        );
        let conf = dir.join("nginx.conf");
        std::fs::write(&conf, config).unwrap();
        let child = Command::new(nginx_binary())
            .arg("-c")
            .arg(&conf)
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .spawn()
            .expect("start nginx");
        let nginx = Nginx { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: {}",
                std::fs::read_to_string(nginx.dir.join("error.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        nginx
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// A GET through the proxy, redirects not followed.
fn through(url: &str, cookie: Option<&str>) -> Reply {
    let agent = ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(Duration::from_secs(30))
        .build();
    let mut request = agent.get(url);
    if let Some(cookie) = cookie {
        request = request.set("Cookie", cookie);
    }
    let response = match request.call() {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("GET {url}: {e}"),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .iter()
        .filter_map(|n| response.header(n).map(|v| (n.clone(), v.to_owned())))
        .collect();
    Reply {
        status,
        headers,
        body: response.into_string().unwrap_or_default(),
    }
}

struct Setup {
    app: TestApp,
    nginx: Nginx,
    ops_org: String,
}

/// `docs` (everyone signed in) on /docs and `ops` (members of the ops
/// organisation) on /ops, both on the proxy's host.
fn setup() -> Setup {
    let app = spawn_provider();
    let admin = app.admin_token();
    let ops_org = app
        .rt
        .block_on(ops::orgs::create(&app.state, &Caller::system(), "ops"))
        .unwrap()
        .id;
    for (name, prefix, access) in [
        ("docs", "/docs", json!({"orgs": []})),
        (
            "ops",
            "/ops",
            json!({"orgs": [{"org_id": ops_org, "min_role": "viewer"}]}),
        ),
    ] {
        let reply = app.post_json(
            "/api/admin/v1/applications",
            Auth::Bearer(&admin),
            &json!({"kind": "forward_auth", "name": name, "hosts": ["127.0.0.1"],
                    "path_prefixes": [prefix], "access": access}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let nginx = Nginx::start(&app.base, &app.data_dir);
    Setup {
        app,
        nginx,
        ops_org,
    }
}

fn login_through_form(app: &TestApp, username: &str, next: &str) -> Reply {
    app.post_form(
        "/api/auth/login",
        Auth::None,
        &[("Accept", "text/html")],
        &format!(
            "username={username}&password={username}-password-1&next={}",
            urlencoding::encode(next)
        ),
    )
}

#[test]
fn nginx_sends_strangers_to_sign_in_and_members_through_with_their_name() {
    let Setup { app, nginx, .. } = setup();
    app.create_user("alice", Some("alice-password-1"), false);

    let page = nginx.url("/docs/guide?x=1&y=2");
    let anonymous = through(&page, None);
    assert_eq!(anonymous.status, 302, "{}", anonymous.body);
    let login = anonymous.header("location").unwrap().to_owned();
    assert_eq!(
        login,
        format!("{}/login?next={}", app.base, urlencoding::encode(&page))
    );

    // The login form sends the browser back to the page it asked for.
    let signed_in = login_through_form(&app, "alice", &page);
    assert_eq!(signed_in.header("location"), Some(page.as_str()));
    let cookie = signed_in.session_cookie().unwrap();

    let upstream = through(&page, Some(&cookie));
    assert_eq!(upstream.status, 200, "{}", upstream.body);
    assert!(
        upstream
            .body
            .starts_with("upstream user=alice name=alice groups= path=/docs/guide?x=1&y=2"),
        "{}",
        upstream.body
    );
    // A path no application claims is refused, not waved through.
    assert_eq!(through(&nginx.url("/elsewhere"), Some(&cookie)).status, 403);
}

#[test]
fn nginx_refuses_non_members_and_admits_them_once_they_join() {
    let Setup {
        app,
        nginx,
        ops_org,
    } = setup();
    let bob = app.create_user("bob", Some("bob-password-1"), false);
    let cookie = app.login("bob", "bob-password-1");
    let page = nginx.url("/ops/dashboard");
    assert_eq!(through(&page, Some(&cookie)).status, 403);

    app.rt
        .block_on(ops::orgs::put_member(
            &app.state,
            &Caller::system(),
            &ops_org,
            &bob,
            OrgRole::Viewer,
        ))
        .unwrap();
    let admitted = through(&page, Some(&cookie));
    assert_eq!(admitted.status, 200, "{}", admitted.body);
    assert!(admitted.body.contains("groups=ops"), "{}", admitted.body);

    app.rt
        .block_on(ops::orgs::remove_member(
            &app.state,
            &Caller::system(),
            &ops_org,
            &bob,
        ))
        .unwrap();
    assert!(eventually(|| through(&page, Some(&cookie)).status == 403));
}

#[test]
fn a_locked_or_logged_out_user_is_stopped_at_the_gate_within_two_seconds() {
    let Setup { app, nginx, .. } = setup();
    let carol = app.create_user("carol", Some("carol-password-1"), false);
    let cookie = app.login("carol", "carol-password-1");
    let page = nginx.url("/docs/");
    // Seen once: the decision is now cached.
    assert_eq!(through(&page, Some(&cookie)).status, 200);
    assert_eq!(through(&page, Some(&cookie)).status, 200);

    app.rt
        .block_on(ops::lifecycle::lock(&app.state, &Caller::system(), &carol))
        .unwrap();
    let locked_at = Instant::now();
    while through(&page, Some(&cookie)).status == 200 {
        assert!(
            locked_at.elapsed() < Duration::from_secs(2),
            "still let through 2 s after the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(through(&page, Some(&cookie)).status, 302);

    // Logging out ends it too.
    app.rt
        .block_on(ops::lifecycle::unlock(
            &app.state,
            &Caller::system(),
            &carol,
        ))
        .unwrap();
    let cookie = app.login("carol", "carol-password-1");
    assert_eq!(through(&page, Some(&cookie)).status, 200);
    let out = app.post_form("/api/auth/logout", Auth::Cookie(&cookie), &[], "");
    assert!(out.status < 400, "{}", out.body);
    assert_eq!(through(&page, Some(&cookie)).status, 302);
}

#[test]
fn the_login_returns_only_to_protected_hosts_or_this_server() {
    let Setup { app, nginx, .. } = setup();
    app.create_user("dave", Some("dave-password-1"), false);
    let protected = nginx.url("/docs/x");
    assert_eq!(
        login_through_form(&app, "dave", &protected).header("location"),
        Some(protected.as_str())
    );
    let own = format!("{}/account/sessions", app.base);
    assert_eq!(
        login_through_form(&app, "dave", &own).header("location"),
        Some(own.as_str())
    );
    for foreign in [
        "https://evil.example/",
        "http://127.0.0.1.evil.example/docs",
        "http://user@127.0.0.1:1/docs",
        "javascript:alert(1)",
    ] {
        assert_eq!(
            login_through_form(&app, "dave", foreign).header("location"),
            Some("/account"),
            "{foreign}"
        );
    }
}

#[test]
fn traefik_and_caddy_get_a_redirect_and_the_identity_headers() {
    let app = spawn_provider();
    let admin = app.admin_token();
    let reply = app.post_json(
        "/api/admin/v1/applications",
        Auth::Bearer(&admin),
        &json!({"kind": "forward_auth", "name": "wiki", "hosts": ["*.Example.ORG"],
                "allow_bearer_tokens": true}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let erin = app.create_user("erin", Some("erin-password-1"), false);
    let forwarded = |host: &str, auth: Auth| {
        app.request(
            "GET",
            "/forward-auth",
            auth,
            &[
                ("X-Forwarded-Proto", "https"),
                ("X-Forwarded-Host", host),
                ("X-Forwarded-Uri", "/page?a=1"),
                ("X-Forwarded-Method", "GET"),
            ],
            None,
        )
    };
    let anonymous = forwarded("wiki.example.org.", Auth::None);
    assert_eq!(anonymous.status, 302);
    assert_eq!(
        anonymous.header("location").unwrap(),
        format!(
            "{}/login?next={}",
            app.base,
            urlencoding::encode("https://wiki.example.org./page?a=1")
        )
    );
    let cookie = app.login("erin", "erin-password-1");
    let allowed = forwarded("WIKI.example.org", Auth::Cookie(&cookie));
    assert_eq!(allowed.status, 200, "{}", allowed.body);
    assert_eq!(allowed.header("remote-user"), Some("erin"));
    // Scripts pass with a personal token where the application allows it.
    let token = app.token_for(&erin, &[]);
    assert_eq!(
        forwarded("a.b.example.org", Auth::Bearer(&token)).header("remote-user"),
        Some("erin")
    );
    assert_eq!(
        forwarded("a.b.example.org", Auth::Bearer("gh_wrong")).status,
        302
    );
    // A host no application names.
    assert_eq!(forwarded("example.org", Auth::Cookie(&cookie)).status, 403);
    assert_eq!(
        forwarded("intranet.example.com", Auth::Cookie(&cookie)).status,
        403
    );

    // The steady state reads from memory: one lookup per credential.
    let metrics = app.get("/metrics", Auth::None).body;
    assert!(
        metrics.contains(
            "gatehouse_forward_auth_requests_total{application=\"wiki\",outcome=\"allowed\"} 2"
        ),
        "{metrics}"
    );
}

#[test]
fn sites_are_declared_in_the_provisioning_file() {
    let dir = std::env::temp_dir().join(format!(
        "gatehouse-prov-site-{}",
        gatehouse::server::time::new_id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("provisioning.toml");
    let text = |prefix: &str| {
        format!(
            "[[orgs]]\nname = \"Writers\"\n\n[[applications]]\nkind = \"forward_auth\"\nname = \"Docs\"\n\
             hosts = [\"Docs.Example.org\", \"*.docs.example.org\"]\npath_prefixes = [\"{prefix}\"]\n\
             allow_bearer_tokens = true\naccess = [{{ org = \"Writers\" }}]\n"
        )
    };
    std::fs::write(&file, text("/admin")).unwrap();
    let path = file.clone();
    let app = crate::common::spawn_provider_with(move |c| c.provisioning_file = Some(path));
    let admin = app.admin_token();
    let list = app
        .get("/api/admin/v1/applications", Auth::Bearer(&admin))
        .json();
    let attrs = &list["data"][0]["attributes"];
    assert_eq!(attrs["kind"], "forward_auth");
    assert_eq!(
        attrs["hosts"],
        json!(["docs.example.org", "*.docs.example.org"])
    );
    assert_eq!(attrs["path_prefixes"], json!(["/admin"]));
    assert_eq!(attrs["allow_bearer_tokens"], true);
    assert_eq!(attrs["provisioned"], true);

    // A changed prefix is that one change; the gate follows at once.
    std::fs::write(&file, text("/internal")).unwrap();
    let docs = reported(&app.reload_provisioning(&admin), "application");
    assert_eq!(docs["changes"], json!(["path_prefixes"]), "{docs}");
    let at = |uri: &str| {
        app.request(
            "GET",
            "/forward-auth",
            Auth::None,
            &[
                ("X-Forwarded-Host", "docs.example.org"),
                ("X-Forwarded-Uri", uri),
            ],
            None,
        )
        .status
    };
    assert_eq!(at("/internal/x"), 302);
    assert_eq!(at("/admin/x"), 403);

    // A site with an OpenID Connect field is refused with its line.
    std::fs::write(
        &file,
        "[[applications]]\nkind = \"forward_auth\"\nname = \"Bad\"\nhosts = [\"a.example.org\"]\n\
         redirect_uris = [\"https://a.example.org/cb\"]\n",
    )
    .unwrap();
    let reply = app.reload_provisioning(&admin);
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(
        reply
            .body
            .contains("redirect_uris is not used by a forward_auth site"),
        "{}",
        reply.body
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_second_factor_stands_between_the_password_and_the_gate() {
    let Setup { app, nginx, .. } = setup();
    app.create_user("tess", Some("tess-password-1"), false);
    let enrolled = app.login("tess", "tess-password-1");
    let secret = app.enrol_totp(&enrolled);

    let page = nginx.url("/docs/guide");
    let password = login_through_form(&app, "tess", &page);
    assert_eq!(
        password.header("location"),
        Some(format!("/login/second-factor?next={}", urlencoding::encode(&page)).as_str())
    );
    // Half signed in: the gate still sends the browser to sign in.
    let pending = password.session_cookie().unwrap();
    assert_eq!(through(&page, Some(&pending)).status, 302);

    let done = app.post_form(
        "/api/auth/second-factor",
        Auth::Cookie(&pending),
        &[("Accept", "text/html")],
        &format!(
            "code={}&next={}",
            totp_code(&secret, 1),
            urlencoding::encode(&page)
        ),
    );
    assert_eq!(
        done.header("location"),
        Some(page.as_str()),
        "{}",
        done.body
    );
    let cookie = done.session_cookie().unwrap();
    assert_eq!(through(&page, Some(&cookie)).status, 200);
}
