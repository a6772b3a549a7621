//! The release binary serves its own panel: copied alone into an empty
//! directory it answers pages that link to content-addressed, precompressed
//! assets, and the Swagger UI. Needs the panel built first (scripts/build.sh,
//! which `make test` runs), as the binary embeds it at compile time.

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

struct Server {
    child: Child,
    base: String,
    dir: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The binary alone in a fresh directory, started there.
fn binary_alone() -> Server {
    let dir = std::env::temp_dir().join(format!(
        "gatehouse-alone-{}",
        gatehouse::server::time::new_id().to_lowercase()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("gatehouse");
    std::fs::copy(env!("CARGO_BIN_EXE_gatehouse"), &bin).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&bin)
        .arg("serve")
        .current_dir(&dir)
        .env_clear()
        .env("GATEHOUSE_LISTEN", format!("127.0.0.1:{port}"))
        .env("GATEHOUSE_DATA_DIR", dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start gatehouse");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(15);
    while ureq::get(&format!("{base}/health/live")).call().is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, base, dir }
}

/// Status, headers (lower-case names) and body length of a GET.
fn get(url: &str, headers: &[(&str, &str)]) -> (u16, Vec<(String, String)>, usize) {
    let mut request = ureq::AgentBuilder::new().redirects(0).build().get(url);
    for (name, value) in headers {
        request = request.set(name, value);
    }
    let response = match request.call() {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("GET {url}: {e}"),
    };
    let status = response.status();
    let names = response.headers_names();
    let found = names
        .iter()
        .map(|n| {
            (
                n.to_lowercase(),
                response.header(n).unwrap_or("").to_owned(),
            )
        })
        .collect();
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut body).unwrap();
    (status, found, body.len())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn page(url: &str) -> String {
    ureq::get(url).call().unwrap().into_string().unwrap()
}

/// The `attribute="…"` values in `html` that start with `prefix`.
fn links(html: &str, prefix: &str) -> Vec<String> {
    html.split('"')
        .filter(|s| s.starts_with(prefix))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_binary_alone_serves_its_panel_precompressed_and_cached() {
    let server = binary_alone();
    let base = &server.base;

    let (status, headers, _) = get(&format!("{base}/setup"), &[]);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));
    let html = page(&format!("{base}/setup"));
    let assets = links(&html, "/assets/");
    let wasm = assets
        .iter()
        .find(|l| l.ends_with("/pkg/gatehouse.wasm"))
        .unwrap_or_else(|| panic!("no wasm link in {html}"));
    let css = assets
        .iter()
        .find(|l| l.ends_with("/pkg/gatehouse.css"))
        .expect("stylesheet link");
    assert!(assets.iter().any(|l| l.ends_with("/pkg/gatehouse.js")));

    // One file, three encodings, chosen by Accept-Encoding.
    let url = format!("{base}{wasm}");
    let (_, br, br_len) = get(&url, &[("Accept-Encoding", "gzip, deflate, br")]);
    let (_, gz, gz_len) = get(&url, &[("Accept-Encoding", "gzip")]);
    let (status, raw, raw_len) = get(&url, &[]);
    assert_eq!(status, 200);
    assert_eq!(header(&br, "content-encoding"), Some("br"));
    assert_eq!(header(&gz, "content-encoding"), Some("gzip"));
    assert_eq!(header(&raw, "content-encoding"), None);
    assert!(
        br_len < gz_len && gz_len < raw_len / 2,
        "{br_len} {gz_len} {raw_len}"
    );
    for headers in [&br, &gz, &raw] {
        assert_eq!(header(headers, "content-type"), Some("application/wasm"));
        assert_eq!(header(headers, "vary"), Some("Accept-Encoding"));
        assert_eq!(
            header(headers, "cache-control"),
            Some("public, max-age=31536000, immutable")
        );
    }

    // The plain address revalidates; an unchanged file is a 304.
    let plain = format!("{base}/pkg/gatehouse.css");
    let (status, headers, _) = get(&plain, &[("Accept-Encoding", "br")]);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    let etag = header(&headers, "etag").expect("etag").to_owned();
    let (status, _, len) = get(
        &plain,
        &[("Accept-Encoding", "br"), ("If-None-Match", &etag)],
    );
    assert_eq!((status, len), (304, 0));
    // A hash from another build still gets the file, not for keeps.
    let stale = format!("{base}/assets/0123456789/pkg/gatehouse.css");
    assert_ne!(&stale[base.len()..], css.as_str());
    let (status, headers, _) = get(&stale, &[]);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));

    // Unknown files and pages are 404s; pages are never cached.
    assert_eq!(get(&format!("{base}/pkg/nothing.js"), &[]).0, 404);
    let (status, headers, _) = get(&format!("{base}/no-such-page"), &[]);
    assert_eq!(status, 404);
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));

    // The API docs' Swagger UI comes from the binary too.
    let doc = page(&format!("{base}/api/doc/"));
    let swagger = links(&doc, "/assets/");
    assert_eq!(swagger.len(), 2, "{doc}");
    for link in swagger {
        let (status, headers, len) = get(&format!("{base}{link}"), &[("Accept-Encoding", "br")]);
        assert_eq!(status, 200, "{link}");
        assert_eq!(header(&headers, "content-encoding"), Some("br"));
        assert!(len > 1000, "{link}: {len} bytes");
    }
}
